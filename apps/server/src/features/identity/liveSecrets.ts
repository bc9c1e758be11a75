import type { Queryable } from '../../storage/database.ts';

/**
 * The hash of every secret that opens something now: unrevoked invites, unexpired sessions of
 * unrevoked participants, and watch keys. Read whole (32 bytes a row) when an address out of
 * failed tries presents a secret this node does not know yet (`throttle/knownSecrets.ts`).
 */
export async function liveSecretHashes(db: Queryable): Promise<Buffer[]> {
  const rows = await db.query<{ hash: Uint8Array }>(
    `SELECT invite_hash AS hash FROM participants WHERE revoked_at IS NULL
     UNION ALL
     SELECT s.token_hash FROM sessions s JOIN participants p ON p.id = s.participant_id
      WHERE s.expires_at > now() AND p.revoked_at IS NULL
     UNION ALL
     SELECT watch_key_hash FROM assemblies`,
  );
  return rows.map((row) => Buffer.from(row.hash));
}
