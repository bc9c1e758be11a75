import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  HTTP_ROUTES,
  ORGANISE_ROUTES,
  PANEL_FILE_TYPE,
  PANEL_ROUTES,
  panelTranscriptPath,
  WATCH_KEY_HEADER,
  type AuditExport,
  type PanelPlace,
  type PanelsState,
  type PanelTranscript,
  type PanelVerification,
  type VoteView,
} from '@moot/protocol';
import { setStandardStatus } from '../src/features/charter/charterStore.ts';
import { inviteParticipant } from '../src/features/identity/participantStore.ts';
import { commitmentOf } from '../src/features/panels/panelLottery.ts';
import type { DrawFile } from '../src/features/panels/panelDraw.ts';
import { transcriptHashOf } from '../src/features/panels/panelTranscript.ts';
import { verifyPanelCommand } from '../src/features/panels/verifyPanelCommand.ts';
import {
  acked,
  connectMember,
  connectWatcher,
  redeem,
  startSession,
  type AssemblyInSession,
  type MemberSocket,
  type WatcherSocket,
} from './support/harness.ts';
import { at, call, organiserOf } from './support/organise.ts';

/**
 * A breach case's panel, end to end through the real server: a member steps aside (privately),
 * quotas that cannot be met are explained and nothing is stored, the draw is prepared (the
 * seed's commitment, the public transcript's hash and everyone's chances published; each member
 * told their own index) and drawn with the room's numbers; the public transcript re-runs to the
 * drawn indices, whose image is the panel, and the organisers' draw file to the same panel (HTTP
 * check and the CLI); only the panel votes. Demographics never reach a member or an observer.
 */
const NORTH = 'Northmarsh-7c1'; // distinctive values: found nowhere in a payload unless leaked
const SOUTH = 'Southvale-2e9';
const AGE = 'Agebandzz-41';
const PRIVATE_REASON = 'private-reason-9d2b: my sister works for the Director';

describe('case panels: recusal, a fair draw by lot, verification, the panel-only vote', () => {
  let session: AssemblyInSession;
  let mod: MemberSocket;
  let members: MemberSocket[];
  let watcher: WatcherSocket;
  let caseId: string;
  const views = {
    moderator: null as PanelsState | null,
    member: null as PanelsState | null,
    observer: null as PanelsState | null,
  };
  const wire: string[] = [];
  let votes: VoteView[] = [];
  let ids: string[] = [];
  /** What each member socket was told of its own place (`panels:mine`), by socket. */
  const places: PanelPlace[][] = [];
  /** Mary's, Linus's and Barbara's session cookies. */
  const cookies: string[] = [];
  const watchHeaders = () => ({ [WATCH_KEY_HEADER]: session.seed.watchKey });
  const transcriptNow = () =>
    call<PanelTranscript>(session.running.url, 'GET', panelTranscriptPath(1), { headers: watchHeaders() });
  /** The public check's re-run of a file; one check per address at a time, so a second waits its turn. */
  const publicCheck = async (file: unknown): Promise<PanelVerification> => {
    let response: Response | null = null;
    await vi.waitFor(
      async () => {
        response = await fetch(session.running.url + PANEL_ROUTES.verify, {
          method: 'POST',
          headers: { 'content-type': PANEL_FILE_TYPE },
          body: JSON.stringify(file),
        });
        expect(response.status).not.toBe(429);
      },
      { timeout: 10_000, interval: 250 },
    );
    return (await response!.json()) as PanelVerification;
  };
  /** The draw's private map, as the organisers' file holds it: pool id → index, and pool id → participant. */
  const privateMap = async () => {
    const [row] = await session.running.db.query<{ inputs: DrawFile['inputs']; pool: Record<string, string> }>(
      'SELECT inputs, pool FROM case_panels',
    );
    return { indexOf: new Map(row!.inputs.pool.map((m) => [m.id, m.index!])), pool: row!.pool };
  };

  beforeAll(async () => {
    session = await startSession({ names: ['Ada', 'Grace', 'Alan'], title: 'Hearing', start: true });
    ({ mod, members } = session);
    const { running, seed } = session;
    for (const name of ['Mary', 'Linus', 'Barbara']) {
      const { inviteSecret } = await inviteParticipant(running.db, seed.assemblyId, 'member');
      const cookie = await redeem(running.url, inviteSecret, name);
      cookies.push(cookie);
      const socket = (await connectMember(running.url, cookie)).socket;
      acked(await socket.emitWithAck('attendance:checkIn', { sessionId: session.sessionId }));
      members.push(socket);
    }
    // The organisers' import, as stored: Ada and Grace from the north, the other four from the south.
    const seats = await running.db.query<{ id: string; display_name: string }>(
      `SELECT id, display_name FROM participants WHERE assembly_id = $1 AND role = 'member' ORDER BY seat`,
      [seed.assemblyId],
    );
    ids = seats.map((s) => s.id);
    for (const [i, s] of seats.entries()) {
      await running.db.query(
        `INSERT INTO members (id, assembly_id, participant_id, name, demographics, status) VALUES ($1, $2, $3, $4, $5, 'selected')`,
        [
          randomUUID(),
          seed.assemblyId,
          s.id,
          s.display_name,
          JSON.stringify({ Region: i < 2 ? NORTH : SOUTH, Age: AGE }),
        ],
      );
    }
    for (const value of [NORTH, SOUTH]) {
      await running.db.query(
        'INSERT INTO member_quotas (assembly_id, category, value, share) VALUES ($1, $2, $3, 0.5)',
        [seed.assemblyId, 'Region', value],
      );
    }
    watcher = (await connectWatcher(running.url, seed.watchKey)).socket;
    mod.on('panels:state', (s) => (views.moderator = s));
    members[1]!.on('panels:state', (s) => (views.member = s));
    watcher.on('panels:state', (s) => (views.observer = s));
    members[1]!.on('votes:state', (s) => (votes = s.votes));
    members.forEach((socket, i) => socket.on('panels:mine', (m) => (places[i] = m.places)));
    for (const socket of [...members, watcher] as MemberSocket[]) {
      socket.onAny((event: string, ...args: unknown[]) => wire.push(`${event} ${JSON.stringify(args)}`));
    }
    const standard = acked(await mod.emitWithAck('standard:add', { title: 'Honesty' }));
    acked(await mod.emitWithAck('standard:setLadder', { standardId: standard.id, steps: ['Advice', 'Apology'] }));
    acked(await mod.emitWithAck('standard:lock', { standardId: standard.id }));
    await running.db.transaction((tx) => setStandardStatus(tx, seed.assemblyId, standard.id, ['locked'], 'adopted'));
    ({ caseId } = acked(
      await mod.emitWithAck('case:open', {
        respondent: { role: 'Director of Housing', name: null },
        standardIds: [standard.id],
        summary: 'Misled the council',
      }),
    ));
  }, 120_000);

  afterAll(async () => {
    watcher?.disconnect();
    await session?.close();
  });

  it('lets only members declare a conflict and only moderators prepare and draw (refused with forbidden)', async () => {
    expect(await mod.emitWithAck('case:declareConflict', { caseId, reason: null })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    for (const event of ['case:preparePanel', 'case:drawPanel'] as const) {
      const payload = event === 'case:preparePanel' ? { caseId, size: 2 } : { caseId, contribution: '1' };
      expect(await members[0]!.emitWithAck(event, payload as never)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
  });

  it('records a conflict: the public sees who stepped aside, the reason stays the moderators’', async () => {
    acked(await members[0]!.emitWithAck('case:declareConflict', { caseId, reason: PRIVATE_REASON }));
    await vi.waitFor(() => expect(views.observer?.conflicts).toHaveLength(1));
    expect(views.observer!.conflicts[0]).toMatchObject({ caseId, reason: null });
    expect(views.observer!.conflicts[0]!.name).not.toBe('Ada');
    await vi.waitFor(() => expect(views.member?.conflicts[0]).toMatchObject({ name: 'Ada', reason: null }));
    await vi.waitFor(() =>
      expect(views.moderator?.conflicts[0]).toMatchObject({ name: 'Ada', reason: PRIVATE_REASON }),
    );
    const [entry] = await session.running.db.query<{ detail: Record<string, unknown> }>(
      `SELECT detail FROM audit_log WHERE action = 'case.conflict_declared'`,
    );
    expect(JSON.stringify(entry!.detail)).not.toContain('private-reason');
  });

  it('explains quotas that cannot be met, naming the category, and stores nothing', async () => {
    // Four seats need two from the north; with Ada out only Grace is left there.
    const ack = await mod.emitWithAck('case:preparePanel', { caseId, size: 4 });
    expect(ack).toMatchObject({
      ok: false,
      error: {
        code: 'bad_request',
        reason: { key: 'panel.quotaShort', params: { category: 'Region', value: NORTH, min: 2, available: 1 } },
      },
    });
    expect(await session.running.db.query('SELECT 1 FROM case_panels')).toHaveLength(0);
  });

  it('prepares the draw: commitment, inputs hash and chances published; every member’s chance to moderators only', async () => {
    acked(await mod.emitWithAck('case:preparePanel', { caseId, size: 2 }));
    await vi.waitFor(() => expect(views.observer?.panels).toHaveLength(1));
    const seen = views.observer!.panels[0]!;
    expect(seen).toMatchObject({
      status: 'prepared',
      size: 2,
      poolSize: 5,
      seed: null,
      panel: null,
      memberChances: null,
    });
    expect(seen.seedCommitment).toMatch(/^[0-9a-f]{64}$/);
    // Grace is the only northerner left: certain; each of the four southerners ¼.
    expect(seen.chances).toEqual({
      lowest: 0.25,
      highest: 1,
      spread: [
        { chance: 0.25, members: 4 },
        { chance: 1, members: 1 },
      ],
    });
    // Region is not a published category: its quotas are counted, not shown, outside the moderators.
    expect(seen.quotas).toEqual([]);
    expect(seen.hiddenQuotas).toBe(2);
    await vi.waitFor(() => expect(views.moderator?.panels[0]?.memberChances).toHaveLength(5));
    const chances = Object.fromEntries(views.moderator!.panels[0]!.memberChances!.map((c) => [c.name, c.chance]));
    expect(chances).toEqual({ Grace: 1, Alan: 0.25, Mary: 0.25, Linus: 0.25, Barbara: 0.25 });
    expect(views.moderator!.panels[0]!.quotas).toHaveLength(2);
    // The organisers' draw file withholds the seed until the draw.
    const organiser = await organiserOf(session.running.url, session.running.db, session.seed.assemblyId);
    const early = await call<DrawFile>(
      session.running.url,
      'POST',
      at(ORGANISE_ROUTES.panelFile, session.seed.assemblyId),
      {
        cookie: organiser,
        body: { caseNumber: 1 },
      },
    );
    expect(early.body).toMatchObject({ serverSeed: null, contribution: null });
    expect(JSON.stringify(early.body)).toContain(NORTH);
    // Too late to step aside, and no second preparation.
    expect(await members[2]!.emitWithAck('case:declareConflict', { caseId, reason: null })).toMatchObject({
      ok: false,
      error: { reason: { key: 'panel.alreadyPrepared' } },
    });
  });

  it('publishes a transcript without categories or ids, whose hash was committed in the audit before the draw', async () => {
    const { running } = session;
    const published = views.observer!.panels[0]!;
    expect(published.transcriptHash).toMatch(/^[0-9a-f]{64}$/);
    // Without a session or the watch key, no transcript.
    expect((await call(running.url, 'GET', panelTranscriptPath(1))).status).toBe(401);
    expect((await call(running.url, 'GET', panelTranscriptPath(2), { headers: watchHeaders() })).status).toBe(404);
    const { status, body: transcript } = await transcriptNow();
    expect(status).toBe(200);
    expect(transcript).toMatchObject({ format: 'moot-panel-transcript/1', caseNumber: 1, size: 2, serverSeed: null });
    expect(transcript.seedCommitment).toBe(published.seedCommitment);
    expect(transcriptHashOf(transcript)).toBe(published.transcriptHash);
    expect(transcript.types.flat().sort()).toEqual([0, 1, 2, 3, 4]);
    // The promise in SECURITY.md: no category name or value, no pool id, no participant id.
    const text = JSON.stringify(transcript);
    const { indexOf, pool } = await privateMap();
    for (const secret of [NORTH, SOUTH, AGE, 'Region', 'Age', ...indexOf.keys(), ...Object.values(pool), ...ids]) {
      expect(text).not.toContain(secret);
    }
    // The same hash in the preparation's public audit entry.
    const audit = await call<AuditExport>(running.url, 'GET', HTTP_ROUTES.auditJson, { headers: watchHeaders() });
    const entry = audit.body.entries.find((e) => e.action === 'case.panel_prepared')!;
    expect(entry.detail).toMatchObject({ transcriptHash: published.transcriptHash, inputsHash: published.inputsHash });
  });

  it('tells each member their own index and no other; Ada, who stepped aside, has none', async () => {
    const { indexOf, pool } = await privateMap();
    const own = new Map(Object.entries(pool).map(([poolId, participantId]) => [participantId, indexOf.get(poolId)!]));
    await vi.waitFor(() => expect(places.filter(Boolean)).toHaveLength(members.length));
    expect(places[0]).toEqual([{ caseId, index: null }]);
    for (let i = 1; i < members.length; i++) expect(places[i]).toEqual([{ caseId, index: own.get(ids[i]!) }]);
    // On a new connection too (the current state), still only their own.
    let mine: PanelPlace[] | null = null;
    const again = await connectMember(session.running.url, cookies[0]!, {
      listen: (socket) => socket.on('panels:mine', (m) => (mine = m.places)),
    });
    try {
      await vi.waitFor(() => expect(mine).toEqual([{ caseId, index: own.get(ids[3]!) }]));
    } finally {
      again.socket.disconnect();
    }
  });

  it('refuses to open the consequence vote before the draw', async () => {
    acked(await mod.emitWithAck('case:advance', { caseId, to: 'hearing' }));
    acked(await mod.emitWithAck('case:advance', { caseId, to: 'deliberating' }));
    expect(await mod.emitWithAck('case:openVote', { caseId })).toMatchObject({
      ok: false,
      error: { reason: { key: 'panel.notDrawn' } },
    });
  });

  it('draws with the room’s numbers: the seed is revealed and matches its commitment; Grace sits', async () => {
    const { poolIds } = acked(await mod.emitWithAck('case:drawPanel', { caseId, contribution: '3 1 4 1 5' }));
    expect(poolIds).toHaveLength(2);
    await vi.waitFor(() => expect(views.observer?.panels[0]?.status).toBe('drawn'));
    const drawn = views.observer!.panels[0]!;
    expect(commitmentOf(drawn.seed!)).toBe(drawn.seedCommitment);
    expect(drawn.contribution).toBe('3 1 4 1 5');
    expect(drawn.panel!.map((s) => s.poolId)).toEqual(poolIds);
    await vi.waitFor(() => expect(views.member?.panels[0]?.panel).toHaveLength(2));
    expect(views.member!.panels[0]!.panel!.map((s) => s.name)).toContain('Grace');
    expect(await mod.emitWithAck('case:drawPanel', { caseId, contribution: '9' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', reason: { key: 'panel.alreadyDrawn' } },
    });
    // The public audit log names the panel and carries the seed.
    const audit = await call<AuditExport>(session.running.url, 'GET', HTTP_ROUTES.auditJson, {
      headers: { [WATCH_KEY_HEADER]: session.seed.watchKey },
    });
    const entry = audit.body.entries.find((e) => e.action === 'case.panel_drawn')!;
    expect(entry.detail).toMatchObject({ seed: drawn.seed, contribution: '3 1 4 1 5' });
  });

  it('re-runs the draw from the public transcript to the drawn indices, whose image is the panel: HTTP and CLI', async () => {
    const published = views.observer!.panels[0]!;
    const { body: transcript } = await transcriptNow();
    expect(transcript).toMatchObject({ serverSeed: published.seed, contribution: '3 1 4 1 5' });
    expect(transcriptHashOf(transcript)).toBe(published.transcriptHash);
    const rerun = await publicCheck(transcript);
    expect(rerun).toMatchObject({
      format: 'moot-panel-transcript/1',
      transcriptHash: published.transcriptHash,
      commitment: published.seedCommitment,
      finalSeed: published.finalSeed,
      problem: null,
    });
    expect(rerun.indices).toHaveLength(2);
    // The server's panel is the image of the drawn indices under its private map.
    const { indexOf } = await privateMap();
    const poolIdAt = new Map([...indexOf].map(([poolId, index]) => [index, poolId]));
    expect(rerun.indices!.map((i) => poolIdAt.get(i)).sort()).toEqual(published.panel!.map((s) => s.poolId));
    const dir = await mkdtemp(path.join(tmpdir(), 'moot-transcript-'));
    try {
      const file = path.join(dir, 'transcript.json');
      await writeFile(file, JSON.stringify(transcript));
      const cli = await verifyPanelCommand(file);
      expect(cli.status).toBe(0);
      expect(cli.report).toContain(`Transcript (SHA-256):    ${published.transcriptHash}`);
      expect(cli.report).toContain(`Drawn indices:           ${rerun.indices!.join(' ')}`);
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('re-runs the draw from the organisers’ draw file to the same panel: over HTTP and with the CLI', async () => {
    const { running, seed } = session;
    const organiser = await organiserOf(running.url, running.db, seed.assemblyId);
    const exported = await call<DrawFile>(running.url, 'POST', at(ORGANISE_ROUTES.panelFile, seed.assemblyId), {
      cookie: organiser,
      body: { caseNumber: 1 },
    });
    expect(exported.status).toBe(200);
    const published = views.observer!.panels[0]!;
    const rerun = await publicCheck(exported.body);
    expect(rerun).toMatchObject({
      inputsHash: published.inputsHash,
      transcriptHash: published.transcriptHash,
      commitment: published.seedCommitment,
      finalSeed: published.finalSeed,
      panel: published.panel!.map((s) => s.poolId),
      problem: null,
    });
    const dir = await mkdtemp(path.join(tmpdir(), 'moot-panel-'));
    try {
      const file = path.join(dir, 'draw.json');
      await writeFile(file, JSON.stringify(exported.body));
      const cli = await verifyPanelCommand(file);
      expect(cli.status).toBe(0);
      expect(cli.report).toContain(published.inputsHash);
      expect(cli.report).toContain(`Panel (pool ids):        ${published.panel!.map((s) => s.poolId).join(' ')}`);
    } finally {
      await rm(dir, { recursive: true });
    }
    // A seat's cookie does not open the organisers' export.
    const asMember = await call(running.url, 'POST', at(ORGANISE_ROUTES.panelFile, seed.assemblyId), {
      body: { caseNumber: 1 },
    });
    expect(asMember.status).toBe(401);
  });

  it('takes the consequence vote from the panel only, counting quorum over the panel', async () => {
    const { voteId } = acked(await mod.emitWithAck('case:openVote', { caseId, quorumShare: 1 }));
    await vi.waitFor(() => expect(votes.find((v) => v.id === voteId)).toBeDefined());
    expect(votes.find((v) => v.id === voteId)).toMatchObject({ eligible: 2, quorumNeeded: 2 });
    const panelists = new Set(views.moderator!.panels[0]!.panel!.map((s) => s.participantId));
    const ballot = { voteId, choice: { method: 'ranked' as const, ranking: [1] } };
    for (const [i, socket] of members.entries()) {
      const ack = await socket.emitWithAck('vote:cast', { ...ballot, ballotId: randomUUID() });
      if (panelists.has(ids[i]!)) expect(ack.ok).toBe(true);
      else expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden', reason: { key: 'panel.notOnPanel' } } });
    }
    // Nor on paper: ticking someone off the panel is refused alike.
    const offPanel = ids.find((id, i) => i > 0 && !panelists.has(id))!;
    expect(await mod.emitWithAck('vote:markPaper', { voteId, participantId: offPanel })).toMatchObject({
      ok: false,
      error: { reason: { key: 'panel.notOnPanel' } },
    });
    const result = acked(await mod.emitWithAck('vote:close', { voteId }));
    expect(result).toMatchObject({ ballots: 2, quorumMet: true });
  });

  it('never sends a member’s categories to a member or an observer', () => {
    expect(wire.length).toBeGreaterThan(0);
    for (const text of wire) {
      expect(text).not.toContain(NORTH);
      expect(text).not.toContain(SOUTH);
      expect(text).not.toContain(AGE);
      expect(text).not.toContain('private-reason');
    }
  });
});
