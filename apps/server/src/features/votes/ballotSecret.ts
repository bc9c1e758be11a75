import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The ballot secret must be the same on every node and must not live in the database (a dump
 * would otherwise join ballots to members). `BALLOT_SECRET` (hex, 64 characters) wins; else a
 * file in the data directory, created once, owner-only — nodes sharing a data directory share it.
 */
export async function loadBallotSecret(fromEnv: string | null, dataDir: string): Promise<Uint8Array> {
  if (fromEnv) return Buffer.from(fromEnv, 'hex');
  const file = path.join(dataDir, 'ballot-secret');
  const existing = await readFile(file, 'utf8').catch(() => null);
  if (existing) return Buffer.from(existing.trim(), 'hex');
  const secret = randomBytes(32);
  // `wx`: if another node created it first, read theirs instead of overwriting it.
  await writeFile(file, secret.toString('hex'), { mode: 0o600, flag: 'wx' }).catch(async () => {
    secret.set(Buffer.from((await readFile(file, 'utf8')).trim(), 'hex'));
  });
  return secret;
}
