import type { Logger } from 'pino';
import { PERMISSIONS } from '@moot/protocol';
import { recordDenial } from './denials.ts';
import type { AssemblySocket, WatchSocket } from './socketData.ts';

/** How deep a payload may nest; real payloads are two or three levels. */
const MAX_DEPTH = 8;

/**
 * Plain data only: strings, numbers, booleans, null, binary, arrays and objects whose prototype is
 * `Object.prototype`. The msgpack decoder turns a `__proto__` key into an object's *prototype*, so
 * a crafted payload could smuggle fields past a schema through the prototype chain; such payloads,
 * and absurdly deep ones, are refused here before any handler or schema sees them.
 */
export function isPlainData(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object') {
    return typeof value !== 'function' && typeof value !== 'symbol' && typeof value !== 'bigint';
  }
  if (depth > MAX_DEPTH) return false;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return true;
  if (Array.isArray(value)) return value.every((v) => isPlainData(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  if (Object.hasOwn(value, '__proto__')) return false;
  return Object.values(value).every((v) => isPlainData(v, depth + 1));
}

/**
 * Runs before every listener of a socket: a packet naming an event the namespace does not have
 * (including Socket.IO's reserved `disconnect`, `error` ..., which the msgpack parser does not
 * filter) or carrying anything but plain data is a crafted packet, not a mistake; the socket is
 * disconnected and the attempt audited.
 */
export function guardPackets(
  namespace: keyof typeof PERMISSIONS,
  socket: AssemblySocket | WatchSocket,
  logger: Logger,
) {
  const known = PERMISSIONS[namespace];
  socket.use(([event, ...args], next) => {
    const knownEvent = typeof event === 'string' && Object.hasOwn(known, event);
    if (knownEvent && args.every((a) => typeof a === 'function' || isPlainData(a))) return next();
    const name = typeof event === 'string' ? event.slice(0, 64) : typeof event;
    logger.warn({ socket: socket.id, namespace, event: name }, 'crafted packet; disconnecting');
    void recordDenial(socket, knownEvent ? `${name} (not plain data)` : name);
    socket.disconnect(true);
  });
}
