import type { DemocracyCommand, OrgState } from '../democracy/index.js';
import type { DemocracyStore } from '../store/democracy-domain.js';
import { chooseNamePublic, namePublic, namesSince, publicNames } from '../store/directory.js';
import { type Audience, type Directory, type ViewState, viewState } from './views/names.js';

/**
 * The service's window on the private member directory (docs/design/record.md,
 * "Personal data"). Names change only with entries (a join; an erasure), so each
 * organisation's names are kept in memory and read on from the last fact seen when the
 * state has moved (`namesSince`), never reloaded whole: a view of a 100,000-member
 * organisation costs no directory scan. An erased member's name is dropped from memory
 * as soon as the state says so, and no view shows it in the meantime (names.ts).
 */
export function directoryReader(store: DemocracyStore) {
  interface Book {
    readonly names: Map<string, string>;
    next: number;
    state: OrgState | null;
    pending: Promise<void>;
  }
  const books = new Map<string, Book>();

  const refresh = async (book: Book, org: string, state: OrgState): Promise<void> => {
    if (book.state === state) return;
    const orgId = (await store.organisation(org)).id;
    for (const r of await namesSince(store.db, orgId, book.next)) {
      book.names.set(r.subject, r.value);
      book.next = Math.max(book.next, r.seq + 1);
    }
    for (const id of book.names.keys())
      if ((state.members.get(id)?.erasedAt ?? null) !== null) book.names.delete(id);
    book.state = state;
  };

  const directoryOf = async (org: string, state: OrgState): Promise<Directory> => {
    let book = books.get(org);
    if (!book) {
      book = { names: new Map(), next: 0, state: null, pending: Promise.resolve() };
      books.set(org, book);
    }
    const current = book;
    // One refresh at a time per organisation; each reads on from where the last stopped.
    current.pending = current.pending.catch(() => {}).then(() => refresh(current, org, state));
    await current.pending;
    return current.names;
  };

  return {
    directoryOf,
    /** The caught-up state with the names `audience` may see. */
    async viewStateOf(org: string, audience: Audience): Promise<ViewState> {
      const state = await store.state(org);
      // A choice is not an entry, so it is read each time (never from the per-state cache).
      const chosen =
        audience === 'public'
          ? await publicNames(store.db, (await store.organisation(org)).id)
          : undefined;
      return viewState(state, await directoryOf(org, state), audience, chosen);
    },
    /** The member's choice to show their name outside the organisation. */
    async namePublic(org: string, memberId: string): Promise<boolean> {
      return namePublic(store.db, (await store.organisation(org)).id, memberId);
    },
    async chooseNamePublic(org: string, memberId: string, shown: boolean): Promise<void> {
      await chooseNamePublic(store.db, (await store.organisation(org)).id, memberId, shown);
    },
    /** A member's current name in the directory (null once erased). */
    async nameOf(org: string, memberId: string): Promise<string | null> {
      const state = await store.state(org);
      if ((state.members.get(memberId)?.erasedAt ?? null) !== null) return null;
      return (await directoryOf(org, state)).get(memberId) ?? null;
    },
  };
}

export type DirectoryReader = ReturnType<typeof directoryReader>;

/**
 * A candidacy commits to the name the candidate stands under (record.md): the service
 * gives the directory's current name when the command does not name one.
 */
export async function withStandingName(
  directory: DirectoryReader,
  org: string,
  actor: string | null,
  command: DemocracyCommand,
): Promise<DemocracyCommand> {
  const standing =
    (command?.kind === 'AcceptNomination' ||
      (command?.kind === 'Nominate' && command.candidateId === actor)) &&
    command.standingName === undefined &&
    actor !== null;
  if (!standing) return command;
  const name = await directory.nameOf(org, actor);
  return name === null ? command : { ...command, standingName: name };
}
