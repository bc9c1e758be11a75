import type { DeviceView } from '@moot/protocol';
import type { Queryable } from '../../storage/database.ts';
import { hashSecret } from '../../storage/secrets.ts';

/**
 * A seat holder's devices are their sessions (one per browser that opened the invite), named by
 * the session's random `device_id`: the cookie's secret and its hash never leave the server.
 */

/** Notes a session's connection; at most once a minute, so a flapping network writes little. */
export async function deviceSeen(db: Queryable, token: string): Promise<void> {
  await db.query(
    `UPDATE sessions SET last_seen_at = now()
      WHERE token_hash = $1 AND (last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute')`,
    [hashSecret(token)],
  );
}

/** A participant's unexpired sessions, oldest sign-in first, the asking one marked. */
export async function listDevices(db: Queryable, participantId: string, thisDevice: string): Promise<DeviceView[]> {
  const rows = await db.query<{ device_id: string; created_at: Date; last_seen_at: Date | null }>(
    `SELECT device_id, created_at, last_seen_at FROM sessions
      WHERE participant_id = $1 AND expires_at > now() ORDER BY created_at, device_id`,
    [participantId],
  );
  return rows.map((row) => ({
    deviceId: row.device_id,
    signedInAt: new Date(row.created_at).getTime(),
    lastSeenAt: row.last_seen_at ? new Date(row.last_seen_at).getTime() : null,
    thisDevice: row.device_id === thisDevice,
  }));
}

/** Ends one of the participant's own sessions; the stored hash (to close its sockets), or null if it is not theirs. */
export async function endDevice(db: Queryable, participantId: string, deviceId: string): Promise<Uint8Array | null> {
  const [row] = await db.query<{ token_hash: Uint8Array }>(
    'DELETE FROM sessions WHERE device_id = $1 AND participant_id = $2 RETURNING token_hash',
    [deviceId, participantId],
  );
  return row?.token_hash ?? null;
}
