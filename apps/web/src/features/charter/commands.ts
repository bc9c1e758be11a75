import { ErrorCode, fail } from '@moot/protocol';
import type { Ack, AddStandard, MoveStandard, RemoveStandard, RetitleStandard, StandardView } from '@moot/protocol';
import type { AssemblySocket } from '../../collab/transport.ts';

/** Long enough for a busy server, short enough that a lost command is reported, not awaited forever. */
const COMMAND_TIMEOUT_MS = 10_000;

type TimedSocket = ReturnType<AssemblySocket['timeout']>;
type Done<T> = (error: Error | null, ack: Ack<T>) => void;

/**
 * Send a command and wait for its ack. Commands are not buffered while disconnected (socket.io
 * would send them on reconnect, long after the user moved on): they fail at once instead, and
 * the form keeps what was typed.
 */
function command<T>(socket: AssemblySocket, send: (timed: TimedSocket, done: Done<T>) => void): Promise<Ack<T>> {
  if (!socket.connected) return Promise.resolve(fail(ErrorCode.unavailable, 'Not connected'));
  return new Promise((resolve) => {
    send(socket.timeout(COMMAND_TIMEOUT_MS), (error, ack) =>
      resolve(error ? fail(ErrorCode.unavailable, error.message) : ack),
    );
  });
}

export const addStandard = (socket: AssemblySocket, payload: AddStandard) =>
  command<StandardView>(socket, (s, done) => s.emit('standard:add', payload, done));

export const retitleStandard = (socket: AssemblySocket, payload: RetitleStandard) =>
  command<StandardView>(socket, (s, done) => s.emit('standard:retitle', payload, done));

export const moveStandard = (socket: AssemblySocket, payload: MoveStandard) =>
  command<StandardView[]>(socket, (s, done) => s.emit('standard:move', payload, done));

export const removeStandard = (socket: AssemblySocket, payload: RemoveStandard) =>
  command<null>(socket, (s, done) => s.emit('standard:remove', payload, done));
