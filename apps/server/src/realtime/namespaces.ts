import { isNarrowRole } from '@moot/protocol';
import type { ExtendedError } from 'socket.io';
import type { AppContext } from '../appContext.ts';
import { registerDocumentCommands } from '../collab/documentCommands.ts';
import { registerWatchCommands } from '../collab/watchCommands.ts';
import { DenialLedger, recordDenialsWith, type DenialSinks } from './denials.ts';
import { guardPackets } from './guard.ts';
import { on } from './on.ts';
import { releaseHandshakeRequest } from './transports.ts';
import {
  assemblyRoom,
  audienceOf,
  audienceRoom,
  narrowRoom,
  roleRoom,
  participantRoom,
  type AssemblySocket,
  type WatchSocket,
} from './socketData.ts';

/** What the features add to each socket of one namespace. */
export interface NamespaceFeatures<S> {
  /** Admits a socket by its handshake, filling `socket.data`, or refuses it. */
  authenticate: (socket: S, next: (err?: ExtendedError) => void) => void;
  /** Registers the features' commands; runs on connection, before any await. */
  registerCommands: (socket: S) => void;
  /** Someone joined the assembly or left it (on this namespace). */
  presenceChanged: (assemblyId: string) => void;
  /** Sends a (re)connected socket the state it needs to show the assembly. */
  sendSnapshot: (socket: S) => Promise<void>;
}

/** The features' part of both namespaces; given by `app.ts`, so this file names no feature. */
export interface ConnectionFeatures {
  /** Where refused commands are recorded (the audit log), and how many more were only counted. */
  denials: DenialSinks;
  assembly: NamespaceFeatures<AssemblySocket>;
  watch: NamespaceFeatures<WatchSocket>;
}

/**
 * Wires both namespaces. Handlers are registered synchronously on connection, before any
 * await, so no early message is lost; the snapshot follows. Returns the denial ledger, which
 * the app closes (writing its last summary) when it stops.
 */
export function attachNamespaces(
  ctx: AppContext,
  features: ConnectionFeatures,
  denialOptions: ConstructorParameters<typeof DenialLedger>[1] = {},
): DenialLedger {
  const { io, watch, logger } = ctx;

  const denials = new DenialLedger(features.denials, denialOptions);
  recordDenialsWith(io, denials);
  io.use(features.assembly.authenticate);
  io.on('connection', (socket: AssemblySocket) => {
    socket.on('error', (err) => logger.warn({ err, socket: socket.id }, 'socket error'));
    guardPackets('assembly', socket, logger);
    registerDocumentCommands(ctx, socket);
    features.assembly.registerCommands(socket);
    on('assembly', socket, 'clock:ping', logger, () => ({ serverTime: Date.now() }));
    const { assembly, participant } = socket.data;
    ctx.metrics.connections.inc({ role: participant!.role });
    socket.on('disconnect', () => {
      ctx.metrics.connections.dec({ role: participant!.role });
      features.assembly.presenceChanged(assembly.id);
    });
    // A narrow seat (a respondent, a leader) joins no room of the assembly: broadcasts to it never
    // reach them, only what their own features send to their narrow room or their seat.
    const role = participant!.role;
    const rooms = isNarrowRole(role)
      ? [narrowRoom(assembly.id, role), participantRoom(participant!.id)]
      : [
          assemblyRoom(assembly.id),
          audienceRoom(assembly.id, audienceOf(role)),
          roleRoom(assembly.id, role),
          participantRoom(participant!.id),
        ];
    void Promise.resolve(socket.join(rooms)).then(() => {
      features.assembly.presenceChanged(assembly.id);
      return sendSnapshot(ctx, socket, features.assembly.sendSnapshot);
    });
  });

  watch.use(features.watch.authenticate);
  watch.on('connection', (socket: WatchSocket) => {
    socket.on('error', (err) => logger.warn({ err, socket: socket.id }, 'socket error'));
    guardPackets('watch', socket, logger);
    registerWatchCommands(ctx, socket);
    features.watch.registerCommands(socket);
    on('watch', socket, 'clock:ping', logger, () => ({ serverTime: Date.now() }));
    const assemblyId = socket.data.assembly.id;
    releaseHandshakeRequest(socket.conn as unknown as { request: unknown });
    ctx.metrics.connections.inc({ role: 'observer' });
    socket.on('disconnect', () => {
      ctx.metrics.connections.dec({ role: 'observer' });
      features.watch.presenceChanged(assemblyId);
    });
    // Joined before the snapshot counts watchers, so a new observer counts itself.
    void Promise.resolve(socket.join(assemblyRoom(assemblyId))).then(() => {
      features.watch.presenceChanged(assemblyId);
      return sendSnapshot(ctx, socket, features.watch.sendSnapshot);
    });
  });
  return denials;
}

async function sendSnapshot<S extends AssemblySocket | WatchSocket>(
  ctx: AppContext,
  socket: S,
  send: (socket: S) => Promise<void>,
): Promise<void> {
  try {
    await send(socket);
  } catch (err) {
    // Without a snapshot the client cannot show anything true; let it reconnect and retry.
    ctx.logger.error({ err, socket: socket.id }, 'snapshot failed');
    socket.disconnect(true);
  }
}
