import type { SessionState } from '@moot/protocol';
import type { MemberSocket, WatcherSocket } from './harness.ts';

/** Keeps the latest `session:state` a socket received, for `vi.waitFor` conditions. */
export function followSession(socket: MemberSocket | WatcherSocket): {
  readonly state: SessionState | null;
  count: number;
} {
  const holder = { state: null as SessionState | null, count: 0 };
  (socket as MemberSocket).on('session:state', (state) => {
    holder.state = state;
    holder.count++;
  });
  return holder;
}
