import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BallotChoice, VoteRules } from '@moot/protocol';
import { inviteParticipant } from '../src/features/identity/participantStore.ts';
import type { Database } from '../src/storage/database.ts';
import {
  acked,
  connectMember,
  redeem,
  seedAssembly,
  startApp,
  type MemberSocket,
  type RunningApp,
} from './support/harness.ts';
import { seededRandom } from './support/random.ts';
import { describeOnEngines, type OpenEngine } from './support/services.ts';

/**
 * Secret ballots stay secret in storage: what someone reading the database during a vote, or a
 * dump after it, can join. Runs on both engines. (A copy of the data directory: see
 * votes.secrecy.datadir.test.ts.)
 */
const VOTERS = 8;
const yesNo: VoteRules = { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false };

interface Voter {
  id: string;
  socket: MemberSocket;
}

/** Tables that could hold a ballot: the published list, and the sealed one while votes are open. */
async function ballotTables(db: Database): Promise<string[]> {
  const rows = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE '%ballots'`,
  );
  return rows.map((r) => r.table_name).sort();
}

/** Every row of every table, as text (bytea as hex), as a reader of the live database sees it. */
async function everything(db: Database): Promise<string> {
  const tables = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = await db.query<{ row: string }>(`SELECT t::text AS row FROM "${table_name}" t`);
    parts.push(...rows.map((r) => `${table_name}: ${r.row}`));
  }
  return parts.join('\n');
}

const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');

function spearman(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  const d2 = a.reduce((sum, x, i) => sum + (x - b[i]!) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

function secrecySuite(open: OpenEngine) {
  let dispose: () => Promise<void>;
  let running: RunningApp;
  let db: Database;
  let assemblyId: string;
  let mod: MemberSocket;
  const voters: Voter[] = [];

  beforeAll(async () => {
    ({ db, dispose } = await open());
    running = await startApp({ db });
    const seed = await seedAssembly(db);
    assemblyId = seed.assemblyId;
    mod = (await connectMember(running.url, await redeem(running.url, seed.moderatorInvite, 'Mo'))).socket;
    const { sessionId } = acked(await mod.emitWithAck('session:create', { title: 'Secrecy' }));
    acked(await mod.emitWithAck('session:start', { sessionId }));
    for (let i = 0; i < VOTERS; i++) {
      const { inviteSecret, participant } = await inviteParticipant(db, assemblyId, 'member');
      const cookie = await redeem(running.url, inviteSecret, `Voter ${i}`);
      const socket = (await connectMember(running.url, cookie)).socket;
      acked(await socket.emitWithAck('attendance:checkIn', { sessionId }));
      voters.push({ id: participant.id, socket });
    }
  }, 300_000);
  afterAll(async () => {
    for (const s of [mod, ...voters.map((v) => v.socket)]) s?.disconnect();
    await running?.close();
    await dispose?.();
  });

  const openVote = async (rules: VoteRules = yesNo) =>
    acked(
      await mod.emitWithAck('vote:open', {
        subject: { kind: 'question', question: `Question ${randomUUID()}` },
        rules,
        quorumShare: 0,
      }),
    ).voteId;
  const cast = async (voter: Voter, voteId: string, choice: BallotChoice, reason = '') => {
    const ballotId = randomUUID();
    const { receipt } = acked(await voter.socket.emitWithAck('vote:cast', { voteId, ballotId, choice, reason }));
    return { ballotId, receipt };
  };

  it('shows someone reading the database during a vote no choice, receipt, reason or ballot id', async () => {
    const voteId = await openVote();
    const needles: string[] = [];
    for (const [i, voter] of voters.entries()) {
      const reason = `Reason of voter ${i} ${randomUUID()}`;
      const { ballotId, receipt } = await cast(
        voter,
        voteId,
        { method: 'yes_no', choice: i % 2 ? 'no' : 'abstain' },
        reason,
      );
      needles.push(reason, ballotId, receipt!);
    }
    const seen = await everything(db);
    for (const needle of [...needles, '"choice":', '"abstain"']) {
      expect(seen, needle).not.toContain(needle);
      expect(seen, `${needle} in hex`).not.toContain(hex(needle));
    }
    // Every stored ballot is the same size whatever it says, and none names or links its voter.
    const sizes = new Set<number>();
    for (const table of await ballotTables(db)) {
      const rows = await db.query<{ size: number }>(
        `SELECT octet_length(t::text) AS size FROM "${table}" t WHERE vote_id = $1`,
        [voteId],
      );
      for (const r of rows) sizes.add(r.size);
    }
    expect(sizes.size).toBe(1);
    for (const voter of voters) {
      expect(seen).not.toContain(`${voteId},${voter.id}`);
      expect(seen).not.toMatch(new RegExp(`audit_log: .*vote\\.cast.*${voteId}`));
    }
    acked(await mod.emitWithAck('vote:close', { voteId }));
  });

  it('gives no ballot row a transaction or statement it shares with one voter', async () => {
    const voteId = await openVote();
    for (const [i, voter] of voters.entries()) {
      await cast(voter, voteId, { method: 'yes_no', choice: 'no' });
      if (i % 3 === 0) await cast(voter, voteId, { method: 'yes_no', choice: 'yes' }); // a re-cast
    }
    const xminsOf = async (sql: string, params: unknown[]) =>
      (await db.query<{ x: string }>(sql, params)).map((r) => r.x);
    const namingVoters = async () =>
      new Set([
        ...(await xminsOf(`SELECT xmin::text AS x FROM vote_participation WHERE vote_id = $1`, [voteId])),
        ...(await xminsOf(`SELECT xmin::text AS x FROM audit_log WHERE assembly_id = $1`, [assemblyId])),
      ]);
    const ballotRows = async () => {
      const rows: { x: string; c: string }[] = [];
      for (const table of await ballotTables(db))
        rows.push(
          ...(await db.query<{ x: string; c: string }>(
            `SELECT xmin::text AS x, cmin::text AS c FROM "${table}" WHERE vote_id = $1`,
            [voteId],
          )),
        );
      return rows;
    };
    // While open: no ballot row shares a transaction with a participation or audit row.
    const open = await ballotRows();
    expect(open).toHaveLength(VOTERS);
    const naming = await namingVoters();
    for (const row of open) expect(naming.has(row.x), `xmin ${row.x}`).toBe(false);

    acked(await mod.emitWithAck('vote:close', { voteId }));
    // After close: the published ballots and who took part were written together, by one
    // statement each, so a join on xmin or cmin pairs every ballot with every voter alike.
    const published = await ballotRows();
    const participation = await db.query<{ x: string; c: string }>(
      `SELECT xmin::text AS x, cmin::text AS c FROM vote_participation WHERE vote_id = $1`,
      [voteId],
    );
    expect(published).toHaveLength(VOTERS);
    expect(participation).toHaveLength(VOTERS);
    expect(new Set(published.map((r) => r.x)).size).toBe(1);
    expect(new Set(published.map((r) => r.c)).size).toBe(1);
    expect(new Set(participation.map((r) => r.x)).size).toBe(1);
    expect(new Set(participation.map((r) => r.c)).size).toBe(1);
    const castAudit = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE target = $1 AND action = 'vote.cast'`,
      [voteId],
    );
    expect(castAudit[0]!.n).toBe(0);
  });

  it('keeps re-casting until close, and a vote without receipts gives and publishes none', async () => {
    const voteId = await openVote({ ...yesNo, receipts: 'none' });
    const [a, b] = voters as [Voter, Voter];
    expect((await cast(a, voteId, { method: 'yes_no', choice: 'no' })).receipt).toBeNull();
    expect((await cast(a, voteId, { method: 'yes_no', choice: 'yes' })).receipt).toBeNull();
    await cast(b, voteId, { method: 'yes_no', choice: 'no' });
    // A reason would let a voter mark their ballot, so a vote without receipts refuses one.
    expect(
      await a.socket.emitWithAck('vote:cast', {
        voteId,
        ballotId: randomUUID(),
        choice: { method: 'yes_no', choice: 'no' },
        reason: 'mark 42',
      }),
    ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const result = acked(await mod.emitWithAck('vote:close', { voteId }));
    expect(result).toMatchObject({ ballots: 2, counts: { yes: 1, no: 1 } });
    const rows = await db.query<{ receipt: string | null; reason: string | null }>(
      'SELECT receipt, reason FROM ballots WHERE vote_id = $1',
      [voteId],
    );
    expect(rows).toEqual([
      { receipt: null, reason: null },
      { receipt: null, reason: null },
    ]);
    expect(
      await a.socket.emitWithAck('vote:cast', {
        voteId,
        ballotId: randomUUID(),
        choice: { method: 'yes_no', choice: 'no' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'vote_closed' },
    });

    // With receipts: the re-cast's receipt is published, the replaced one is not.
    const verifiable = await openVote();
    const first = await cast(a, verifiable, { method: 'yes_no', choice: 'no' });
    const second = await cast(a, verifiable, { method: 'yes_no', choice: 'yes' });
    acked(await mod.emitWithAck('vote:close', { voteId: verifiable }));
    const published = await db.query<{ receipt: string }>('SELECT receipt FROM ballots WHERE vote_id = $1', [
      verifiable,
    ]);
    expect(published.map((r) => r.receipt)).toEqual([second.receipt]);
    expect(first.receipt).not.toBe(second.receipt);
  });

  it('orders nothing a dump or the public record shows by casting order', async () => {
    const seed = Number(process.env.SECRECY_SEED ?? Date.now() % 1_000_000);
    console.log(`secrecy order test seed: ${seed} (SECRECY_SEED=${seed} replays it)`);
    const random = seededRandom(seed);
    const correlations: number[] = [];
    const records: string[] = [];
    for (let round = 0; round < 14; round++) {
      const order = voters.map((_, i) => i);
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const voteId = await openVote();
      const castAt = new Map<string, number>();
      for (const [position, index] of order.entries()) {
        const { receipt } = await cast(voters[index]!, voteId, { method: 'yes_no', choice: 'yes' });
        castAt.set(receipt!, position);
      }
      acked(await mod.emitWithAck('vote:close', { voteId }));
      // A plain dump prints rows in heap (ctid) order.
      const heap = await db.query<{ receipt: string }>(`SELECT receipt FROM ballots WHERE vote_id = $1 ORDER BY ctid`, [
        voteId,
      ]);
      expect(heap).toHaveLength(VOTERS);
      correlations.push(
        spearman(
          heap.map((r) => castAt.get(r.receipt)!),
          heap.map((_, i) => i),
        ),
      );
      // Who took part: stored in id order, not casting order.
      const participation = await db.query<{ participant_id: string }>(
        'SELECT participant_id FROM vote_participation WHERE vote_id = $1 ORDER BY ctid',
        [voteId],
      );
      expect(participation.map((r) => r.participant_id)).toEqual(voters.map((v) => v.id).sort());
      // The record of each vote (every entry about it, in order) is the same whatever the casting order.
      const entries = await db.query<{ action: string; actor_id: string | null; detail: unknown }>(
        `SELECT action, actor_id, detail FROM audit_log WHERE target = $1 ORDER BY id`,
        [voteId],
      );
      records.push(
        JSON.stringify(entries.map((e) => ({ ...e, detail: e.action === 'vote.opened' ? null : e.detail }))),
      );
    }
    expect(new Set(records).size).toBe(1);
    // Heap position against casting position: 1 if rows sat in casting order; for a random
    // order the mean over 14 votes of 8 is about 0 with a spread of 0.1.
    const mean = correlations.reduce((a, b) => a + b, 0) / correlations.length;
    expect(Math.abs(mean), `correlations ${correlations.map((c) => c.toFixed(2)).join(' ')}`).toBeLessThan(0.5);
    expect(correlations.filter((c) => c === 1).length).toBeLessThan(3);
  });
}

await describeOnEngines('secret ballots in storage', secrecySuite);
