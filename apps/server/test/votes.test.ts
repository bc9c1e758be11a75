import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Ack, BallotChoice, StandardView, VoteView } from '@moot/protocol';
import { listMilestones } from '../src/collab/documentStore.ts';
import { inviteParticipant } from '../src/features/identity/participantStore.ts';
import { combinedTally } from '../src/features/votes/combinedTally.ts';
import { CollabClient } from './support/collabClient.ts';
import {
  acked,
  startSession,
  type AssemblyInSession,
  connectMember,
  connectWatcher,
  redeem,
  type MemberSocket,
  type RunningApp,
  type SeededAssembly,
} from './support/harness.ts';

const yes: BallotChoice = { method: 'yes_no', choice: 'yes' };
const no: BallotChoice = { method: 'yes_no', choice: 'no' };

describe('decisions: the lifecycle of a standard and secret votes', () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  let mod: MemberSocket;
  let members: MemberSocket[];
  let sessionId: string;

  let session: AssemblyInSession;

  beforeAll(async () => {
    session = await startSession({ names: ['Voter 0', 'Voter 1', 'Voter 2'], title: 'Deciding', start: true });
    ({ running, seed, mod, members, sessionId } = session);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('locks a standard: edits are refused and the text stays byte-identical', async () => {
    const editor = new CollabClient(members[0]!, seed.docId);
    await editor.open();
    editor.edit('Leaders tell the truth.');
    await vi.waitFor(() => expect(editor.acked).toContain('Leaders tell the truth.'));
    acked(await mod.emitWithAck('standard:lock', { standardId: seed.standardId }));
    const live = await running.app.context.documents.open(seed.docId);
    const before = Y.encodeStateAsUpdate(live.doc);
    editor.edit(' (late change)');
    await vi.waitFor(() => expect(editor.refusals.map((r) => r.code)).toContain('locked'));
    expect(Buffer.from(Y.encodeStateAsUpdate(live.doc)).equals(Buffer.from(before))).toBe(true);
    expect((await listMilestones(running.db, seed.docId)).map((m) => m.label)).toEqual(['locked']);
    // Answering the server's step 1 with nothing new is no edit: accepted, nothing changes.
    const nothingNew = encoding.createEncoder();
    syncProtocol.writeSyncStep2(nothingNew, new Y.Doc());
    expect(await members[1]!.emitWithAck('doc:open', { docId: seed.docId })).toMatchObject({ ok: true });
    expect(
      await members[1]!.emitWithAck('doc:sync', { docId: seed.docId, message: encoding.toUint8Array(nothingNew) }),
    ).toEqual({ ok: true, data: null });
    expect(Buffer.from(Y.encodeStateAsUpdate(live.doc)).equals(Buffer.from(before))).toBe(true);
    expect(await members[0]!.emitWithAck('standard:lock', { standardId: seed.standardId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    editor.detach();
  });

  it('unlocks a standard (recorded) so its text can change again', async () => {
    const added = acked(await members[1]!.emitWithAck('standard:add', { title: 'Openness' }));
    acked(await mod.emitWithAck('standard:lock', { standardId: added.id }));
    acked(await mod.emitWithAck('standard:unlock', { standardId: added.id }));
    const editor = new CollabClient(members[1]!, added.docId);
    await editor.open();
    editor.edit('Open by default.');
    await vi.waitFor(() => expect(editor.acked).toContain('Open by default.'));
    const actions = await running.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE target = $1 ORDER BY id`,
      [added.id],
    );
    expect(actions.map((a) => a.action)).toEqual(['standard.added', 'standard.locked', 'standard.unlocked']);
    editor.detach();
  });

  it('adopts a locked standard by a secret vote that reveals only turnout until it closes', async () => {
    const watcher = await connectWatcher(running.url, seed.watchKey);
    // Capture everything every role receives during the vote.
    const received: { who: string; event: string; args: unknown[] }[] = [];
    for (const [who, socket] of [
      ['mod', mod],
      ['observer', watcher.socket],
      ...members.map((m, i) => [`m${i}`, m] as const),
    ] as const) {
      socket.onAny((event: string, ...args: unknown[]) => received.push({ who, event, args }));
    }
    let votes: VoteView[] = [];
    watcher.socket.on('votes:state', (u) => (votes = u.votes));
    let charter: StandardView[] = [];
    watcher.socket.on('charter:updated', (u) => (charter = u.standards));

    acked(
      await mod.emitWithAck('standard:setLadder', {
        standardId: seed.standardId,
        steps: ['Advice', 'Public apology', 'Formal warning'],
      }),
    );
    const { voteId } = acked(
      await mod.emitWithAck('vote:open', {
        subject: { kind: 'adopt_standard', standardId: seed.standardId },
        rules: { method: 'yes_no', threshold: { kind: 'two_thirds' }, abstentionsCount: false },
        quorumShare: 0.5,
      }),
    );
    const ballot = (choice: BallotChoice) => ({ voteId, ballotId: randomUUID(), choice, reason: '' });
    // Voter 0 retries the same ballot: one ballot. Voter 1 changes their mind: the last counts.
    const first = ballot(no);
    const receipts = [acked(await members[0]!.emitWithAck('vote:cast', first)).receipt];
    expect(acked(await members[0]!.emitWithAck('vote:cast', first)).receipt).toBe(receipts[0]);
    acked(await members[0]!.emitWithAck('vote:cast', ballot(yes)));
    receipts[0] = acked(await members[0]!.emitWithAck('vote:cast', { ...ballot(yes), reason: 'It is clear' })).receipt;
    acked(await members[1]!.emitWithAck('vote:cast', ballot(no)));
    receipts.push(acked(await members[1]!.emitWithAck('vote:cast', ballot(yes))).receipt);
    receipts.push(
      acked(await members[2]!.emitWithAck('vote:cast', ballot({ method: 'yes_no', choice: 'abstain' }))).receipt,
    );
    expect(await mod.emitWithAck('vote:cast', ballot(yes))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await vi.waitFor(() => expect(votes.find((v) => v.id === voteId)?.turnout).toBe(3));
    expect(votes.find((v) => v.id === voteId)).toMatchObject({
      status: 'open',
      result: null,
      ballots: null,
      eligible: 3,
      quorumNeeded: 2,
    });

    // Before close, nothing anyone received carries a choice.
    const beforeClose = JSON.stringify(received);
    for (const word of ['"yes"', '"no"', '"abstain"', 'It is clear']) expect(beforeClose).not.toContain(word);

    const result = acked(await mod.emitWithAck('vote:close', { voteId }));
    expect(result).toMatchObject({ passed: true, ballots: 3, quorumMet: true, counts: { yes: 2, no: 0, abstain: 1 } });
    expect(acked(await mod.emitWithAck('vote:close', { voteId }))).toEqual(result);
    expect(await members[1]!.emitWithAck('vote:cast', ballot(no))).toMatchObject({
      ok: false,
      error: { code: 'vote_closed', reason: { key: 'vote.voteClosed' } },
    });

    await vi.waitFor(() => expect(votes.find((v) => v.id === voteId)?.status).toBe('closed'));
    const published = votes.find((v) => v.id === voteId)!;
    // Each voter finds their receipt; anyone recomputes the tally from the published ballots.
    expect(published.ballots!.map((b) => b.receipt).sort()).toEqual([...receipts].sort());
    // (With the agreed paper totals, when there were any: none here.)
    expect(
      combinedTally(
        published.rules,
        published.ballots!.map((b) => b.choice),
        published.result!.paperCounts ?? null,
        { eligible: 3, quorumNeeded: 2 },
      ),
    ).toEqual(published.result);
    expect(published.result).toMatchObject({ online: 3, paper: 0 });
    expect(published.ballots!.some((b) => b.reason === 'It is clear')).toBe(true);
    const publishedText = JSON.stringify(published);
    for (const name of ['Voter 0', 'Voter 1', 'Voter 2']) expect(publishedText).not.toContain(name);

    await vi.waitFor(() => expect(charter.find((s) => s.id === seed.standardId)?.status).toBe('adopted'));
    expect(charter.find((s) => s.id === seed.standardId)?.ladder).toEqual([
      'Advice',
      'Public apology',
      'Formal warning',
    ]);
    expect((await listMilestones(running.db, seed.docId)).map((m) => m.label)).toEqual(['locked', 'adopted']);
    // Someone arriving later gets the votes with the connection's first frames.
    let lateVotes: VoteView[] = [];
    const late = await connectWatcher(running.url, seed.watchKey, (s) =>
      s.on('votes:state', (u) => (lateVotes = u.votes)),
    );
    await vi.waitFor(() => expect(lateVotes.find((v) => v.id === voteId)?.result).toEqual(result));
    late.socket.disconnect();
    watcher.socket.disconnect();
  });

  it('stores no way to join a ballot to a member', async () => {
    const columns = async (table: string) =>
      (
        await running.db.query<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY column_name`,
          [table],
        )
      ).map((c) => c.column_name);
    // Published: no key, no client id, no time. Sealed (open votes): a keyed ciphertext only.
    expect(await columns('ballots')).toEqual(['choice', 'reason', 'receipt', 'vote_id']);
    expect(await columns('sealed_ballots')).toEqual(['ballot_key', 'sealed', 'vote_id']);
    expect(await columns('vote_participation')).toEqual(['participant_id', 'vote_id']);
  });

  it('counts every member exactly once when hundreds of ballots race the close', async () => {
    const crowd: MemberSocket[] = [];
    for (let i = 0; i < 40; i++) {
      const { inviteSecret } = await inviteParticipant(running.db, seed.assemblyId, 'member');
      const socket = (await connectMember(running.url, await redeem(running.url, inviteSecret, `Crowd ${i}`))).socket;
      acked(await socket.emitWithAck('attendance:checkIn', { sessionId }));
      crowd.push(socket);
    }
    const { voteId } = acked(
      await mod.emitWithAck('vote:open', {
        subject: { kind: 'question', question: 'Meet weekly?' },
        rules: { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false },
        quorumShare: 0,
      }),
    );
    // Each member casts no, then yes (a new ballot), then retries the yes: last counts, retry never twice.
    const acks: Promise<Ack<{ receipt: string | null }>>[] = [];
    for (const socket of crowd) {
      const finalBallot = { voteId, ballotId: randomUUID(), choice: yes, reason: '' };
      acks.push(socket.emitWithAck('vote:cast', { voteId, ballotId: randomUUID(), choice: no, reason: '' }));
      acks.push(socket.emitWithAck('vote:cast', finalBallot));
      acks.push(socket.emitWithAck('vote:cast', finalBallot));
    }
    const closing = mod.emitWithAck('vote:close', { voteId });
    const outcomes = await Promise.all(acks);
    const result = acked(await closing);
    const accepted = outcomes.filter((o) => o.ok).length;
    const refused = outcomes.filter((o) => !o.ok);
    expect(refused.every((o) => !o.ok && o.error.code === 'vote_closed')).toBe(true);
    expect(accepted + refused.length).toBe(crowd.length * 3);
    // Every counted ballot is one member's; nobody is counted twice.
    const participation = await running.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM vote_participation WHERE vote_id = $1',
      [voteId],
    );
    const ballots = await running.db.query<{ n: number }>('SELECT count(*)::int AS n FROM ballots WHERE vote_id = $1', [
      voteId,
    ]);
    expect(result.ballots).toBe(ballots[0]!.n);
    expect(result.ballots).toBe(participation[0]!.n);
    expect(result.ballots).toBeLessThanOrEqual(crowd.length);
    expect(result.counts.yes! + result.counts.no!).toBe(result.ballots);
    // And nothing changed after the close.
    expect(acked(await mod.emitWithAck('vote:close', { voteId }))).toEqual(result);
    for (const socket of crowd) socket.disconnect();
  });
});
