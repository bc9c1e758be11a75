import { SessionReplica, type SessionState } from '@moot/protocol';
import type { MemberSocket, WatcherSocket } from './harness.ts';

/** A client's copy of the session, as the browser keeps it: whole states, patches, and a resync after a gap. */
export function sessionReplica(socket: MemberSocket | WatcherSocket, changed: () => void = () => {}): SessionReplica {
  const s = socket as MemberSocket;
  const replica = new SessionReplica(async () => {
    const ack = await s.timeout(10_000).emitWithAck('session:resync', {});
    if (!ack.ok) throw new Error(ack.error.message);
    return ack.data;
  }, changed);
  s.on('session:state', (state) => replica.replace(state));
  s.on('session:patch', (patch) => replica.patch(patch));
  return replica;
}

/** Keeps the latest session a socket shows (whole states and patches applied), for `vi.waitFor` conditions. */
export function followSession(socket: MemberSocket | WatcherSocket): {
  readonly state: SessionState | null;
  count: number;
} {
  const holder = { state: null as SessionState | null, count: 0 };
  const replica = sessionReplica(socket, () => {
    holder.state = replica.state ?? null;
    holder.count++;
  });
  return holder;
}
