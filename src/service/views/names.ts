import type { OrgState } from '../../democracy/index.js';

/**
 * Names by role (docs/design/rules.md, "Names by role"): the record knows members by
 * opaque ids; views resolve them to names from the private member directory, for those
 * allowed to see them.
 *
 * - `member`: members of the organisation see each other's names (they vote for people).
 * - `public`: anyone else (only when the constitution makes the record public, or with a
 *   read token) sees the names of people who hold or held a mandate (delegates and
 *   officers answer to everyone), and no other member's name.
 *
 * An erased member has no name for anyone ("former member").
 */
export type Audience = 'member' | 'public';

export interface NameBook {
  /** The name to show for `memberId`, or null (withheld, erased or unknown). */
  nameOf(memberId: string): string | null;
}

/** A state with the names its viewer may see: what every view is built from. */
export type ViewState = OrgState & { readonly names: NameBook };

/** The directory's current name of each member (store/directory.ts). */
export type Directory = ReadonlyMap<string, string>;

export function viewState(
  state: OrgState,
  directory: Directory,
  audience: Audience,
  chosen: ReadonlySet<string> = new Set(),
): ViewState {
  return { ...state, names: nameBook(state, directory, audience, chosen) };
}

/**
 * `chosen`: members who chose to show their name outside the organisation (their
 * choice, rules.md "Names by role"), shown to the public like officials.
 */
export function nameBook(
  state: OrgState,
  directory: Directory,
  audience: Audience,
  chosen: ReadonlySet<string> = new Set(),
): NameBook {
  let officials: ReadonlySet<string> | null = null;
  return {
    nameOf(memberId) {
      const member = state.members.get(memberId);
      if (!member || member.erasedAt !== null) return null;
      if (audience === 'public' && !chosen.has(memberId)) {
        officials ??= new Set([...state.mandates.values()].map((m) => m.holderId));
        if (!officials.has(memberId)) return null;
      }
      return directory.get(memberId) ?? null;
    },
  };
}

/** No names at all: for places that only need the structure (tests, the CLI's replay). */
export const NO_NAMES: NameBook = { nameOf: () => null };
