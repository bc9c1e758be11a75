import {
  ErrorCode,
  fail,
  type Ack,
  type HistoryDiff,
  type HistoryDiffRequest,
  type HistoryMoments,
  type HistoryPointView,
} from '@moot/protocol';
import type { AssemblySocket } from '../../collab/transport.ts';

const COMMAND_TIMEOUT_MS = 10_000;

/** A command that fails at once when disconnected, and as `unavailable` when no ack comes. */
function command<T>(
  socket: AssemblySocket,
  send: (timed: ReturnType<AssemblySocket['timeout']>, done: (error: Error | null, ack: Ack<T>) => void) => void,
): Promise<Ack<T>> {
  if (!socket.connected) return Promise.resolve(fail(ErrorCode.unavailable, 'Not connected'));
  return new Promise((resolve) => {
    send(socket.timeout(COMMAND_TIMEOUT_MS), (error, ack) =>
      resolve(error ? fail(ErrorCode.unavailable, error.message) : ack),
    );
  });
}

export const listHistory = (socket: AssemblySocket, standardId: string) =>
  command<{ points: HistoryPointView[] }>(socket, (s, done) => s.emit('history:list', { standardId }, done));

export const diffHistory = (socket: AssemblySocket, request: HistoryDiffRequest) =>
  command<HistoryDiff>(socket, (s, done) => s.emit('history:diff', request, done));

export const listMoments = (socket: AssemblySocket, standardId: string, before?: string) =>
  command<HistoryMoments>(socket, (s, done) =>
    s.emit('history:moments', before ? { standardId, before } : { standardId }, done),
  );
