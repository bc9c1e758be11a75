import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inviteParticipant } from '../src/features/identity/participantStore.ts';
import { loadBallotSecret } from '../src/features/votes/ballotSecret.ts';
import { ballotKey, openBallot } from '../src/features/votes/sealedBallot.ts';
import { openDatabase } from '../src/storage/open.ts';
import { acked, connectMember, redeem, seedAssembly, startApp, type MemberSocket } from './support/harness.ts';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/**
 * `npm start`'s layout: PGlite in DATA_DIR, the ballot secret where main.ts keeps it. Someone who
 * copies the data directory during a vote gets the sealed ballots and the roster — and cannot
 * join one to the other.
 */
describe('a copy of the data directory', () => {
  const cleanup: string[] = [];
  afterAll(async () => {
    for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
  });

  it('holds no ballot secret, no choice, receipt or reason, and links no ballot to a member', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'moot-datadir-'));
    cleanup.push(root);
    const dataDir = path.join(root, 'data');
    const { secret } = await loadBallotSecret({
      fromEnv: null,
      file: path.join(root, 'config', 'moot', 'ballot-secret'),
      dataDir,
    });
    const db = await openDatabase({ dataDir });
    const running = await startApp({ db, ballotSecret: secret });
    const seed = await seedAssembly(db);
    const sockets: MemberSocket[] = [];
    const connect = async (invite: string, name: string) => {
      const socket = (await connectMember(running.url, await redeem(running.url, invite, name))).socket;
      sockets.push(socket);
      return socket;
    };
    const mod = await connect(seed.moderatorInvite, 'Mo');
    const { sessionId } = acked(await mod.emitWithAck('session:create', { title: 'Copied' }));
    acked(await mod.emitWithAck('session:start', { sessionId }));
    const memberIds: string[] = [];
    const needles: string[] = [];
    const { voteId } = await (async () => {
      const members: MemberSocket[] = [];
      for (let i = 0; i < 5; i++) {
        const { inviteSecret, participant } = await inviteParticipant(db, seed.assemblyId, 'member');
        const socket = await connect(inviteSecret, `Member ${i}`);
        acked(await socket.emitWithAck('attendance:checkIn', { sessionId }));
        members.push(socket);
        memberIds.push(participant.id);
      }
      const opened = acked(
        await mod.emitWithAck('vote:open', {
          subject: { kind: 'question', question: 'Copy me?' },
          rules: { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false },
          quorumShare: 0,
        }),
      );
      for (const [i, socket] of members.entries()) {
        const reason = `copied-reason-${i}-${randomUUID()}`;
        const { receipt } = acked(
          await socket.emitWithAck('vote:cast', {
            voteId: opened.voteId,
            ballotId: randomUUID(),
            choice: { method: 'yes_no', choice: 'no' },
            reason,
          }),
        );
        needles.push(reason, receipt!);
      }
      return opened;
    })();
    for (const socket of sockets) socket.disconnect();
    await running.close();
    await db.close();

    // The copy, made while the vote is still open.
    const copy = path.join(root, 'copy');
    await cp(dataDir, copy, { recursive: true });
    const secretHex = Buffer.from(secret).toString('hex');
    const candidates = new Set<string>();
    for (const file of await filesUnder(copy)) {
      const bytes = await readFile(file);
      expect(bytes.includes(Buffer.from(secret)), file).toBe(false);
      const text = bytes.toString('latin1');
      expect(text.includes(secretHex), file).toBe(false);
      for (const needle of needles) expect(text.includes(needle), `${needle} in ${file}`).toBe(false);
      // Whatever looks like a secret, anywhere in the copy, is tried below.
      for (const match of text.matchAll(/[0-9a-f]{64}/g)) candidates.add(match[0]);
    }

    // Open the copy: sealed rows are there, but no key in it recomputes a member's ballot key.
    const copied = await openDatabase({ dataDir: copy });
    const sealed = await copied.query<{ ballot_key: Uint8Array; sealed: Uint8Array }>(
      'SELECT ballot_key, sealed FROM sealed_ballots WHERE vote_id = $1',
      [voteId],
    );
    expect(sealed).toHaveLength(5);
    const keys = new Set(sealed.map((r) => Buffer.from(r.ballot_key).toString('hex')));
    const links = (candidate: Uint8Array) =>
      memberIds.filter((id) => keys.has(ballotKey(candidate, voteId, id).toString('hex'))).length;
    const opens = (candidate: Uint8Array) =>
      sealed.filter((r) => {
        try {
          openBallot(candidate, voteId, Buffer.from(r.ballot_key), r.sealed);
          return true;
        } catch {
          return false;
        }
      }).length;
    for (const candidate of candidates) {
      expect(links(Buffer.from(candidate, 'hex'))).toBe(0);
      expect(opens(Buffer.from(candidate, 'hex'))).toBe(0);
    }
    // The check can see a link: with the secret kept outside, every ballot is linked and opens.
    expect(links(secret)).toBe(5);
    expect(opens(secret)).toBe(5);
    await copied.close();
  }, 300_000);
});
