import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { LIMITS, type BallotChoice } from '@moot/protocol';

/**
 * While a vote is open its ballots are sealed: what a member chose, their receipt, reason and
 * client ballot id, and who they are, encrypted with AES-256-GCM under a key for this vote
 * derived from the ballot secret. The secret is never in the database or the data directory,
 * so someone reading the database while the vote runs sees only that some row changed. Every
 * sealed ballot is padded to the same size first, so neither its length nor the database's
 * compression (random bytes do not compress) tells a yes from an abstention or a long reason
 * from none. At close the server opens them all and publishes them unsealed, shuffled.
 */
export interface Ballot {
  participantId: string;
  clientBallotId: string;
  receipt: string | null;
  choice: BallotChoice;
  reason: string | null;
}

/**
 * Every sealed ballot's plaintext is exactly this long. The largest ballot: two uuids, a
 * receipt, a ranking of every option, and a reason of `maxNoteLength` UTF-16 units, each at
 * most 6 bytes once in JSON (`\u0001`) — about 3.4 KB.
 */
export const SEALED_PLAINTEXT_BYTES = 4096;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** A sealed ballot as stored: nonce, ciphertext, tag — the same length for every ballot. */
export const SEALED_BYTES = NONCE_BYTES + SEALED_PLAINTEXT_BYTES + TAG_BYTES;
const LARGEST_REASON = LIMITS.maxNoteLength * 6;

/** The key of one member's ballot row: an HMAC of vote and member, so a re-cast replaces it. */
export function ballotKey(secret: Uint8Array, voteId: string, participantId: string): Buffer {
  return createHmac('sha256', secret).update(`${voteId}:${participantId}`).digest();
}

function voteKey(secret: Uint8Array, voteId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.from(voteId), 'moot sealed ballot v1', 32));
}

/** The row a ciphertext belongs to: a sealed ballot moved to another row does not open. */
const boundTo = (voteId: string, key: Buffer) => Buffer.concat([Buffer.from(`${voteId}:`), key]);

export function sealBallot(secret: Uint8Array, voteId: string, key: Buffer, ballot: Ballot): Buffer {
  const json = Buffer.from(JSON.stringify(ballot), 'utf8');
  if ((ballot.reason?.length ?? 0) * 6 > LARGEST_REASON || json.length > SEALED_PLAINTEXT_BYTES - 4)
    throw new RangeError(`A ballot of ${json.length} bytes does not fit a sealed ballot`);
  const plain = Buffer.alloc(SEALED_PLAINTEXT_BYTES);
  plain.writeUInt32BE(json.length, 0);
  json.copy(plain, 4);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', voteKey(secret, voteId), nonce);
  cipher.setAAD(boundTo(voteId, key));
  return Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

/** Opens a sealed ballot; throws if the secret is not the one it was sealed with, or it was altered. */
export function openBallot(secret: Uint8Array, voteId: string, key: Buffer, sealed: Uint8Array): Ballot {
  const bytes = Buffer.from(sealed);
  if (bytes.length !== SEALED_BYTES) throw new RangeError('Not a sealed ballot');
  const decipher = createDecipheriv('aes-256-gcm', voteKey(secret, voteId), bytes.subarray(0, NONCE_BYTES));
  decipher.setAAD(boundTo(voteId, key));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  const plain = Buffer.concat([
    decipher.update(bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES)),
    decipher.final(),
  ]);
  const length = plain.readUInt32BE(0);
  return JSON.parse(plain.subarray(4, 4 + length).toString('utf8')) as Ballot;
}
