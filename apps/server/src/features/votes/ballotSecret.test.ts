import { mkdtemp, mkdir, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BallotSecretError, loadBallotSecret } from './ballotSecret.ts';

describe('where the ballot secret is kept', () => {
  let root: string;
  let dataDir: string;
  let file: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'moot-secret-'));
    dataDir = path.join(root, 'data');
    file = path.join(root, 'config', 'moot', 'ballot-secret');
    await mkdir(dataDir);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('creates a key file outside the data directory, owner-only, and reuses it', async () => {
    const first = await loadBallotSecret({ fromEnv: null, file, dataDir });
    expect(first).toMatchObject({ from: 'file', file, created: true, movedFrom: null });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
    const again = await loadBallotSecret({ fromEnv: null, file, dataDir });
    expect(again.created).toBe(false);
    expect(Buffer.from(again.secret).equals(Buffer.from(first.secret))).toBe(true);
  });

  it('refuses a key file inside the data directory, even by a roundabout path', async () => {
    await expect(loadBallotSecret({ fromEnv: null, file: path.join(dataDir, 'keys', 's'), dataDir })).rejects.toThrow(
      /inside DATA_DIR/,
    );
    await expect(
      loadBallotSecret({ fromEnv: null, file: path.join(dataDir, '..', 'data', 'ballot-secret'), dataDir }),
    ).rejects.toBeInstanceOf(BallotSecretError);
  });

  it("moves an older version's DATA_DIR/ballot-secret out, keeping its value", async () => {
    const old = 'ab'.repeat(32);
    await writeFile(path.join(dataDir, 'ballot-secret'), old, { mode: 0o600 });
    const loaded = await loadBallotSecret({ fromEnv: null, file, dataDir });
    expect(Buffer.from(loaded.secret).toString('hex')).toBe(old);
    expect(loaded.movedFrom).toBe(path.join(dataDir, 'ballot-secret'));
    expect((await readFile(file, 'utf8')).trim()).toBe(old);
    await expect(stat(path.join(dataDir, 'ballot-secret'))).rejects.toThrow(/ENOENT/);
  });

  it('refuses two different secrets rather than choose one, and a key file others can read', async () => {
    await loadBallotSecret({ fromEnv: null, file, dataDir });
    await writeFile(path.join(dataDir, 'ballot-secret'), 'cd'.repeat(32));
    await expect(loadBallotSecret({ fromEnv: null, file, dataDir })).rejects.toThrow(/Two ballot secrets/);
    await expect(loadBallotSecret({ fromEnv: 'ef'.repeat(32), file, dataDir })).rejects.toThrow(
      /other than BALLOT_SECRET/,
    );
    await rm(path.join(dataDir, 'ballot-secret'));
    await chmod(file, 0o644);
    await expect(loadBallotSecret({ fromEnv: null, file, dataDir })).rejects.toThrow(/chmod 600/);
  });

  it('takes BALLOT_SECRET first and writes no file', async () => {
    const loaded = await loadBallotSecret({ fromEnv: '01'.repeat(32), file, dataDir });
    expect(loaded).toMatchObject({ from: 'environment', file: null });
    expect(Buffer.from(loaded.secret).toString('hex')).toBe('01'.repeat(32));
    await expect(stat(file)).rejects.toThrow(/ENOENT/);
  });
});
