import type { Server } from 'socket.io';
import type { AssemblySocket, WatchSocket } from './socketData.ts';

type AnySocket = AssemblySocket | WatchSocket;
export type DenialSink = (socket: AnySocket, event: string) => Promise<void>;

/** Audited denials per socket; beyond this a flooding socket is only logged (it is also rate-limited). */
export const MAX_AUDITED_DENIALS_PER_SOCKET = 50;

const sinks = new WeakMap<object, DenialSink>();
const counts = new WeakMap<object, number>();

/** Where one server's refused commands are recorded (its audit log); set once per server in `attachNamespaces`. */
export function recordDenialsWith(io: Server, sink: DenialSink): void {
  sinks.set(io, sink);
}

/** A refused command (a role that may not send it, or a crafted packet), recorded once per message. */
export async function recordDenial(socket: AnySocket, event: string): Promise<void> {
  const count = (counts.get(socket) ?? 0) + 1;
  counts.set(socket, count);
  if (count > MAX_AUDITED_DENIALS_PER_SOCKET) return;
  await sinks.get(socket.nsp.server)?.(socket, event);
}
