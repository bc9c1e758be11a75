import type { ParticipantRole } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { participantRoom } from '../../realtime/socketData.ts';
import { recordAudit } from '../../audit/auditLog.ts';

/**
 * Changes to who someone is in an assembly take effect on live connections at once: their
 * sockets on every node are closed (through the adapter), and the handshake that follows reads
 * the new state — a revoked participant is refused, a demoted one comes back in their new role.
 */
export async function revokeParticipant(
  ctx: Pick<AppContext, 'db' | 'io'>,
  assemblyId: string,
  participantId: string,
  by: string | null,
): Promise<boolean> {
  const revoked = await ctx.db.transaction(async (tx) => {
    const rows = await tx.query(
      'UPDATE participants SET revoked_at = now() WHERE id = $1 AND assembly_id = $2 AND revoked_at IS NULL RETURNING id',
      [participantId, assemblyId],
    );
    if (rows.length === 0) return false;
    await tx.query('DELETE FROM sessions WHERE participant_id = $1', [participantId]);
    await recordAudit(tx, { assemblyId, actorId: by, action: 'participant.revoked', target: participantId });
    return true;
  });
  if (revoked) ctx.io.in(participantRoom(participantId)).disconnectSockets(true);
  return revoked;
}

export async function changeRole(
  ctx: Pick<AppContext, 'db' | 'io'>,
  assemblyId: string,
  participantId: string,
  role: ParticipantRole,
  by: string | null,
): Promise<boolean> {
  const changed = await ctx.db.transaction(async (tx) => {
    const rows = await tx.query<{ id: string }>(
      // A narrow seat (a respondent, a leader) keeps its role: it was made for one purpose.
      `UPDATE participants SET role = $3 WHERE id = $1 AND assembly_id = $2 AND revoked_at IS NULL AND role <> $3
         AND role NOT IN ('respondent', 'leader')
       RETURNING id`,
      [participantId, assemblyId, role],
    );
    if (rows.length === 0) return false;
    await recordAudit(tx, {
      assemblyId,
      actorId: by,
      action: 'participant.role_changed',
      target: participantId,
      detail: { role },
    });
    return true;
  });
  if (changed) ctx.io.in(participantRoom(participantId)).disconnectSockets(true);
  return changed;
}
