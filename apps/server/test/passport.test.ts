import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  passportPath,
  pseudonym,
  verifyPassport,
  WATCH_KEY_HEADER,
  type PassportExport,
  type StandardPassport,
} from '@moot/protocol';
import { compactDocument, loadDocument } from '../src/collab/documentStore.ts';
import { MIGRATIONS } from '../src/storage/migrations.ts';
import { acked, seedAssembly, startApp, type RunningApp, type SeededAssembly } from './support/harness.ts';
import { writeStandardByThree, type PassportStory } from './support/passportStory.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Each sentence as "name: words | name (amendment n): words", block by block. */
const sentences = (p: StandardPassport) =>
  p.blocks.map((b) =>
    b.sentences.map((s) =>
      s.runs
        .map((r) => `${p.authors[r.author]!.name}${r.amendment ? ` (amendment ${r.amendment})` : ''}: ${r.text}`)
        .join(' | '),
    ),
  );

/**
 * The provenance passport of a standard three members wrote: who wrote which words survives
 * the fold of the edit log into a snapshot, the adopted amendment is named on the words it
 * wrote, everyone appears as the public sees them, and the hash can be recomputed from the
 * file alone (the verify command, and jq).
 */
describe("a standard's provenance passport", () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  let story: PassportStory;

  const download = async (headers: Record<string, string>, standardId = seed.standardId) =>
    fetch(running.url + passportPath(standardId), { headers });
  const asObserver = async () =>
    (await (await download({ [WATCH_KEY_HEADER]: seed.watchKey })).json()) as PassportExport;

  beforeAll(async () => {
    // Folds happen only when this test asks for one.
    running = await startApp({ compactEvery: 100_000 });
    seed = await seedAssembly(running.db);
    story = await writeStandardByThree(running, seed);
  });
  afterAll(async () => {
    story?.close();
    await running?.close();
  });

  it('names all three writers for their words after the log is folded into a snapshot', async () => {
    const before = await asObserver();
    await running.app.context.documents.flushWrites();
    expect((await compactDocument(running.db, seed.docId)).folded).toBeGreaterThan(0);
    expect((await loadDocument(running.db, seed.docId)).updates).toEqual([]);

    const { passport, hash } = await asObserver();
    const ada = pseudonym(story.seats.get('Ada')!);
    const cai = pseudonym(story.seats.get('Cai')!);
    expect(sentences(passport)).toEqual([
      [`${ada}: Leaders answer | ${cai}:  every | ${ada}:  questions. `, `${ada}: They do so in public.`],
      ['Ben: They publish  | Ben (amendment 1): a weekly diary | Ben: .'],
    ]);
    expect(passport.authors.map((a) => [a.kind, a.name, a.role, a.characters])).toEqual([
      ['person', ada, 'member', 'Leaders answer questions. They do so in public.'.length],
      ['person', cai, 'member', ' every'.length],
      ['person', 'Ben', 'member', 'They publish a weekly diary.'.length],
    ]);
    // Each sentence lists its writers and the decisions that touched it.
    expect(passport.blocks[1]!.sentences[0]).toMatchObject({ authors: [2], amendments: [1] });
    expect(passport.blocks[0]!.sentences[0]).toMatchObject({ authors: [0, 1], amendments: [] });
    expect(passport.amendments).toEqual([
      {
        number: 1,
        text: 'a weekly diary',
        reason: 'One a week is enough.',
        status: 'adopted',
        proposer: 'Ben',
        cosigners: [],
        replaced: 'their diaries',
        vote: expect.objectContaining({
          method: 'yes_no',
          status: 'closed',
          passed: true,
          ballots: 3,
          counts: expect.objectContaining({ yes: 3 }),
        }),
      },
    ]);
    expect(passport.votes).toEqual([
      expect.objectContaining({ status: 'closed', passed: true, eligible: 3, ballots: 3 }),
    ]);
    expect(passport.citations).toEqual([
      { number: 1, kind: 'briefing', title: 'Open diaries abroad', speaker: '', links: [] },
    ]);
    expect(passport.minorityReports).toEqual([{ text: 'Diaries should be daily.', signatories: [cai] }]);
    expect(passport.standard).toMatchObject({ id: seed.standardId, position: 1, title: 'Honesty', status: 'adopted' });
    // Folding the log changed nothing the passport says.
    expect(hash.value).toBe(before.hash.value);
  });

  it('finds, for an amendment adopted before its client id was recorded, the one its milestone and proposer name', async () => {
    const recorded = await running.db.query('SELECT * FROM amendment_edits ORDER BY amendment_id');
    expect(recorded).toHaveLength(1);
    await running.db.query('DELETE FROM amendment_edits');
    // The statement migration 24 runs for amendments adopted before it.
    const backfill = MIGRATIONS.find((m) => m.id === 24)!
      .sql.split(';')
      .map((statement) => statement.trim())
      .find((statement) => statement.startsWith('INSERT'))!;
    await running.db.query(backfill);
    expect(await running.db.query('SELECT * FROM amendment_edits ORDER BY amendment_id')).toEqual(recorded);
  });

  it('shows members as the public sees them to every reader, and never a ballot', async () => {
    const observer = await download({ [WATCH_KEY_HEADER]: seed.watchKey });
    expect(observer.status).toBe(200);
    expect(observer.headers.get('content-disposition')).toMatch(/^attachment; filename="?passport-1\.json"?$/);
    const text = await observer.text();
    expect(text).not.toMatch(/Ada|Cai/);
    for (const ballotId of story.ballotIds) expect(text).not.toContain(ballotId);
    const member = (await (await download({ cookie: story.cookies[0]! })).json()) as PassportExport;
    const observed = JSON.parse(text) as PassportExport;
    expect(member.passport).toEqual(observed.passport);
    expect(member.hash.value).toBe(observed.hash.value);
    expect(JSON.stringify(member)).not.toMatch(/Ada|Cai/);

    expect((await download({})).status).toBe(401);
    expect((await download({ [WATCH_KEY_HEADER]: seed.watchKey }, randomUUID())).status).toBe(404);
    expect((await download({ [WATCH_KEY_HEADER]: seed.watchKey }, 'not-an-id')).status).toBe(404);
    // Another assembly's standard is not found by this assembly's watch key.
    const other = await seedAssembly(running.db);
    expect((await download({ [WATCH_KEY_HEADER]: seed.watchKey }, other.standardId)).status).toBe(404);
  });

  it('has a hash anyone recomputes from the file, which changes when the record does and only then', async () => {
    const first = await asObserver();
    const again = await asObserver();
    expect(again.hash.value).toBe(first.hash.value);
    expect(await verifyPassport(first)).toEqual({ ok: true, computed: first.hash.value });

    const dir = await mkdtemp(path.join(tmpdir(), 'moot-passport-'));
    const intactFile = path.join(dir, 'passport.json');
    await writeFile(intactFile, JSON.stringify(first, null, 2));
    const intact = await run(process.execPath, ['--import', 'tsx', 'scripts/verifyPassport.ts', intactFile]);
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.stdout).toContain(first.hash.value);
    // The recipe the file states, by hand: jq prints the canonical serialisation (where jq is installed).
    if ((await run('jq', ['--version'])).code === 0) {
      const jq = await run('sh', ['-c', `jq -cjS .passport "${intactFile}" | sha256sum`]);
      expect(jq.stdout.split(' ')[0]).toBe(first.hash.value);
    }

    const tampered = structuredClone(first);
    tampered.passport.blocks[0]!.sentences[0]!.runs[0]!.text = 'Leaders never answer';
    const tamperedFile = path.join(dir, 'tampered.json');
    await writeFile(tamperedFile, JSON.stringify(tampered));
    const refused = await run(process.execPath, ['--import', 'tsx', 'scripts/verifyPassport.ts', tamperedFile]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/FAILED: Honesty/);

    // Another minority report (the text itself is locked once adopted), and the passport is another.
    acked(
      await story.members[0]!.emitWithAck('dissent:write', {
        standardId: seed.standardId,
        text: 'Weekly is too rare.',
      }),
    );
    const changed = await asObserver();
    expect(changed.hash.value).not.toBe(first.hash.value);
    expect((await verifyPassport(changed)).ok).toBe(true);
  });
});

function run(command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: ROOT }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}
