import { randomInt } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH, groupCode, type IssuedCard } from '@moot/protocol';
import type { Queryable } from '../../storage/database.ts';
import { hashSecret } from '../../storage/secrets.ts';
import { findInviteWhere, reissueInvite, type FoundInvite } from '../identity/participantStore.ts';
import type { MemberRow } from './memberStore.ts';

/** A card's typed code: 12 characters drawn uniformly from 32 (60 bits), by the CSPRNG. */
export function newCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/**
 * New invite cards for members holding a seat: a new link secret and a new typed code each,
 * both working until `expiresAt`; whatever card a member had before stops working at once.
 * Only hashes are stored: the secrets are in this answer and on the printed card, nowhere else.
 */
export async function issueCards(tx: Queryable, members: MemberRow[], expiresAt: Date): Promise<IssuedCard[]> {
  const cards: IssuedCard[] = [];
  for (const member of members) {
    const inviteSecret = await reissueInvite(tx, member.participant_id!, expiresAt);
    const code = newCode();
    await tx.query('UPDATE members SET code_hash = $2, card_issued_at = now() WHERE id = $1', [
      member.id,
      hashSecret(code),
    ]);
    cards.push({
      memberId: member.id,
      name: member.name,
      inviteSecret,
      code: groupCode(code),
      expiresAt: expiresAt.toISOString(),
    });
  }
  return cards;
}

/** The seat behind a typed code (already normalised), for the join page: as an invite link's, expiry and all. */
export const findInviteByCode = (db: Queryable, code: string): Promise<FoundInvite | null> =>
  findInviteWhere(
    db,
    "p.id = (SELECT participant_id FROM members WHERE code_hash = $1 AND status = 'selected')",
    hashSecret(code),
  );

/** The hash of every typed code that opens a seat now, for addresses out of failed tries (`throttle/knownSecrets.ts`). */
export async function liveCodeHashes(db: Queryable): Promise<Buffer[]> {
  const rows = await db.query<{ hash: Uint8Array }>(
    "SELECT code_hash AS hash FROM members WHERE code_hash IS NOT NULL AND status = 'selected'",
  );
  return rows.map((row) => Buffer.from(row.hash));
}
