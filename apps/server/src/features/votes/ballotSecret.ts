import { randomBytes } from 'node:crypto';
import { mkdir, readFile, realpath, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The ballot secret keys and seals every ballot (see sealedBallot.ts). Whoever holds it and the
 * database can link ballots to members, so it never lives in the database or in the data
 * directory: a dump, a backup or a copy of the data directory alone links nothing.
 *
 * `BALLOT_SECRET` (64 hex characters) wins — every node of a cluster needs the same value.
 * Otherwise a key file outside the data directory: `BALLOT_SECRET_FILE`, by default
 * `$XDG_CONFIG_HOME/moot/ballot-secret` (`~/.config/moot/ballot-secret`), created once with
 * owner-only permissions in an owner-only directory. Losing it means votes still open can no
 * longer be re-cast or closed; closed votes are unaffected (their ballots are published).
 */
export interface BallotSecret {
  secret: Uint8Array;
  from: 'environment' | 'file';
  /** The key file, when the secret came from one. */
  file: string | null;
  created: boolean;
  /** An older version's `DATA_DIR/ballot-secret`, moved out (its value kept) or removed. */
  movedFrom: string | null;
}

export class BallotSecretError extends Error {}

const HEX = /^[0-9a-f]{64}$/;

async function readSecret(file: string): Promise<Buffer | null> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (text === null) return null;
  if (!HEX.test(text.trim()))
    throw new BallotSecretError(`${file} does not hold a ballot secret (64 hex characters, 32 random bytes)`);
  return Buffer.from(text.trim(), 'hex');
}

/** Where a path really is: symlinks resolved as far as the path exists. */
async function located(p: string): Promise<string> {
  const absolute = path.resolve(p);
  const real = await realpath(absolute).catch(() => null);
  if (real) return real;
  const parent = path.dirname(absolute);
  return parent === absolute ? absolute : path.join(await located(parent), path.basename(absolute));
}

async function isInside(file: string, dir: string): Promise<boolean> {
  const relative = path.relative(await located(dir), await located(file));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Writes a new key file, owner-only; if another node created it first, theirs wins. */
async function create(file: string, secret: Buffer): Promise<Buffer> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    await writeFile(file, secret.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return (await readSecret(file))!;
  }
}

export async function loadBallotSecret(options: {
  fromEnv: string | null;
  file: string;
  dataDir: string;
}): Promise<BallotSecret> {
  const { fromEnv, file, dataDir } = options;
  const legacyFile = path.join(dataDir, 'ballot-secret');
  const legacy = await readSecret(legacyFile);

  if (fromEnv) {
    const secret = Buffer.from(fromEnv, 'hex');
    if (legacy && !legacy.equals(secret))
      throw new BallotSecretError(
        `${legacyFile} holds a ballot secret other than BALLOT_SECRET. Votes opened with it can only be closed with it: ` +
          `set BALLOT_SECRET to its value, or move the file out of the data directory if those votes are closed.`,
      );
    if (legacy) await unlink(legacyFile);
    return { secret, from: 'environment', file: null, created: false, movedFrom: legacy ? legacyFile : null };
  }

  if (await isInside(file, dataDir))
    throw new BallotSecretError(
      `BALLOT_SECRET_FILE (${file}) is inside DATA_DIR (${dataDir}): a copy of the data directory would then link every ballot ` +
        `to its voter. Keep the key file elsewhere, or set BALLOT_SECRET.`,
    );
  const existing = await readSecret(file);
  if (existing) {
    const mode = (await stat(file)).mode & 0o777;
    if (mode & 0o077)
      throw new BallotSecretError(`${file} can be read by others (mode ${mode.toString(8)}): run chmod 600 ${file}`);
  }
  if (legacy && existing && !legacy.equals(existing))
    throw new BallotSecretError(
      `Two ballot secrets: ${legacyFile} (from an older version) and ${file}. Votes opened with the first can only be ` +
        `closed with it: keep the one those votes used in ${file} and delete the other.`,
    );
  const secret = existing ?? (await create(file, legacy ?? randomBytes(32)));
  if (legacy) {
    // The older copy goes only once the new file surely holds the same value.
    if (!(await readSecret(file))?.equals(legacy))
      throw new BallotSecretError(`Could not move ${legacyFile} to ${file}`);
    await unlink(legacyFile);
  }
  return { secret, from: 'file', file, created: !existing && !legacy, movedFrom: legacy ? legacyFile : null };
}
