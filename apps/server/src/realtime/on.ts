import type { Logger } from 'pino';
import type { z } from 'zod';
import {
  ARCHIVE_ALLOWS,
  ErrorCode,
  fail,
  isAllowed,
  ok,
  parsePayload,
  SCHEMAS,
  type Ack,
  type AckDataOf,
  type AssemblyClientEvents,
  type WatchClientEvents,
  refusal,
} from '@moot/protocol';
import { AppError } from './appError.ts';
import { recordDenial } from './denials.ts';
import type { AssemblySocket, WatchSocket } from './socketData.ts';

type Events = { assembly: AssemblyClientEvents; watch: WatchClientEvents };
type SocketOf = { assembly: AssemblySocket; watch: WatchSocket };
type Schemas = typeof SCHEMAS;

/** Refused messages in a row after which a socket is cut off (it may reconnect and resync). */
const MAX_REFUSED_IN_A_ROW = 200;

/**
 * The one door for client events: rate limit, permission from the protocol's table, payload
 * parsed by the protocol's schema, then the handler; every outcome becomes a typed ack.
 * Handlers only see parsed values and throw `AppError` for expected failures; anything else
 * is logged and reaches the client as `internal`, never as a stack.
 */
export function on<N extends keyof Events, E extends keyof Events[N] & keyof Schemas[N] & string>(
  namespace: N,
  socket: SocketOf[N],
  event: E,
  logger: Logger,
  handler: (
    payload: Schemas[N][E] extends z.ZodType ? z.output<Schemas[N][E]> : never,
  ) => Promise<AckDataOf<Events[N][E]>> | AckDataOf<Events[N][E]>,
): void {
  const schema = SCHEMAS[namespace][event] as z.ZodType;
  // Called, not bound: a bound copy per event per socket is memory every connection pays for.
  const listen = socket.on as unknown as (this: unknown, e: string, l: (...args: unknown[]) => void) => void;
  listen.call(socket, event, (payload: unknown, maybeAck: unknown) => {
    const ack = typeof maybeAck === 'function' ? (maybeAck as (a: Ack<unknown>) => void) : () => {};
    const { bucket, role } = socket.data;
    if (!bucket.take()) {
      if (bucket.refusedInARow > MAX_REFUSED_IN_A_ROW) socket.disconnect(true);
      return ack(fail(ErrorCode.rateLimited, 'Too many messages; slow down', refusal('command', 'rateLimited')));
    }
    if (!isAllowed(namespace, event as never, role)) {
      // Recorded before the reply, so a refusal the client saw is always in the audit log.
      return void recordDenial(socket, event).finally(() =>
        ack(fail(ErrorCode.forbidden, `A ${role} may not ${event}`, refusal('command', 'notForRole', { role, event }))),
      );
    }
    const parsed = parsePayload(schema, payload);
    if (!parsed.ok) return ack({ ok: false, error: parsed.error });
    const frozen = ARCHIVE_ALLOWS.includes(event) ? undefined : socket.data.archived;
    Promise.resolve(frozen?.())
      .then((archived) => {
        if (archived)
          throw new AppError(
            ErrorCode.archived,
            'This assembly is archived: it can be read, not changed',
            refusal('command', 'archived'),
          );
        return handler(parsed.value as never);
      })
      .then(
        (data) => ack(ok(data ?? null)),
        (error: unknown) => {
          if (error instanceof AppError) return ack(fail(error.code, error.message, error.reason));
          logger.error({ err: error, event, socket: socket.id }, 'handler failed');
          ack(fail(ErrorCode.internal, 'Something went wrong on the server', refusal('command', 'serverFault')));
        },
      );
  });
}
