import { ErrorCode, fail } from '@moot/protocol';
import type { Ack, AckDataOf, AssemblyClientEvents, ProtocolError } from '@moot/protocol';
import { useCallback, useState } from 'react';
import type { AssemblySocket } from '../../collab/transport.ts';
import { refusalWordsLoaded } from '../../i18n/refusalWords.ts';

const COMMAND_TIMEOUT_MS = 10_000;

type Event = Exclude<keyof AssemblyClientEvents, 'doc:awareness'>;
type Payload<E extends Event> = Parameters<AssemblyClientEvents[E]>[0];
type Data<E extends Event> = AckDataOf<AssemblyClientEvents[E]>;

/**
 * Sends a session command and waits for its ack. Like the charter's commands, nothing is
 * buffered while disconnected: it fails at once, so the form keeps what was typed.
 */
export async function sendCommand<E extends Event>(
  socket: AssemblySocket,
  event: E,
  payload: Payload<E>,
): Promise<Ack<Data<E>>> {
  const ack = await emitCommand(socket, event, payload);
  if (!ack.ok) await refusalWordsLoaded();
  return ack;
}

function emitCommand<E extends Event>(socket: AssemblySocket, event: E, payload: Payload<E>): Promise<Ack<Data<E>>> {
  if (!socket.connected) return Promise.resolve(fail(ErrorCode.unavailable, 'Not connected'));
  return new Promise((resolve) => {
    // The event map's overloads do not resolve for a generic event name.
    const emit = socket.timeout(COMMAND_TIMEOUT_MS).emit as unknown as (
      event: E,
      payload: Payload<E>,
      done: (error: Error | null, ack: Ack<Data<E>>) => void,
    ) => void;
    emit.call(socket.timeout(COMMAND_TIMEOUT_MS), event, payload, (error, ack) =>
      resolve(error ? fail(ErrorCode.unavailable, error.message) : ack),
    );
  });
}

export interface CommandRunner {
  run: <E extends Event>(event: E, payload: Payload<E>) => Promise<boolean>;
  /** As `run`, for commands whose answer the caller needs (a new invite's secret). */
  request: <E extends Event>(event: E, payload: Payload<E>) => Promise<Ack<Data<E>>>;
  error: ProtocolError | null;
  busy: boolean;
  clear: () => void;
}

/** One section's commands: the last refusal is kept to show next to the controls that caused it. */
export function useCommands(socket: AssemblySocket): CommandRunner {
  const [error, setError] = useState<ProtocolError | null>(null);
  const [busy, setBusy] = useState(false);
  const request = useCallback(
    async <E extends Event>(event: E, payload: Payload<E>) => {
      setBusy(true);
      const ack = await sendCommand(socket, event, payload);
      setBusy(false);
      setError(ack.ok ? null : ack.error);
      return ack;
    },
    [socket],
  );
  const run = useCallback(
    async <E extends Event>(event: E, payload: Payload<E>) => (await request(event, payload)).ok,
    [request],
  );
  return { run, request, error, busy, clear: useCallback(() => setError(null), []) };
}
