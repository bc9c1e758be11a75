import { ErrorCode, refusal } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import { AppError } from '../../realtime/appError.ts';
import { on } from '../../realtime/on.ts';
import type { AssemblySocket } from '../../realtime/socketData.ts';
import { endDevice, listDevices } from './deviceStore.ts';
import { sessionRoomOfHash } from './sessionRoom.ts';

/**
 * A seat holder's own signed-in devices: a lost phone or a shared computer can be signed out
 * from another device. Only one's own: another participant's device id is `not_found`, as a
 * made-up one is. The signed-out session's sockets close on every node (through the adapter),
 * and its cookie is refused at the next handshake because its row is gone.
 */
export function registerDeviceCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { db, logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const me = socket.data.participant!;
  const thisDevice = socket.data.deviceId ?? '';

  on('assembly', socket, 'devices:list', logger, async () => ({ devices: await listDevices(db, me.id, thisDevice) }));

  on('assembly', socket, 'devices:signOut', logger, async ({ deviceId }) => {
    const ended = await db.transaction(async (tx) => {
      const hash = await endDevice(tx, me.id, deviceId);
      if (!hash) return null;
      await recordAudit(tx, { assemblyId, actorId: me.id, action: 'participant.device_signed_out', target: me.id });
      return hash;
    });
    if (!ended) throw new AppError(ErrorCode.notFound, 'No such device of yours', refusal('device', 'notFound'));
    ctx.io.in(sessionRoomOfHash(ended)).disconnectSockets(true);
    return null;
  });
}
