import { useSyncExternalStore } from 'react';
import { api } from '../api/client.js';

/** An account's membership of an organisation (`GET /session`). */
export interface Membership {
  readonly org: string;
  readonly memberId: string;
}

/** Who is logged in, as `GET /api/v1/session` answers. */
export interface SessionInfo {
  readonly account: { readonly id: number; readonly username: string } | null;
  readonly csrfToken: string;
  readonly memberships: readonly Membership[];
  readonly notices: readonly {
    readonly id: number;
    readonly kind: string;
    readonly data: { readonly count: number; readonly lastAt: number };
  }[];
}

export type SessionState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly session: SessionInfo }
  | { readonly kind: 'failed'; readonly error: unknown };

let state: SessionState = { kind: 'loading' };
const listeners = new Set<() => void>();

function set(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

/**
 * Asks the server who is logged in (also sets the CSRF cookie for an anonymous visitor,
 * which logging in and founding need). Called at start and after logging in or out.
 */
export async function refreshSession(): Promise<SessionInfo | undefined> {
  try {
    const session = await api.get<SessionInfo>('/session');
    set({ kind: 'ready', session });
    return session;
  } catch (error) {
    set({ kind: 'failed', error });
    return undefined;
  }
}

/** Records a session the server answered (logging in answers it). */
export function setSession(session: SessionInfo): void {
  set({ kind: 'ready', session });
}

/** The session as last known; re-renders when it changes. */
export function useSession(): SessionState {
  return useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    () => state,
    () => state,
  );
}

/** The logged-in account's member id in `org`, if it is a member there. */
export function memberIdIn(session: SessionState, org: string): string | undefined {
  return session.kind === 'ready'
    ? session.session.memberships.find((m) => m.org === org)?.memberId
    : undefined;
}
