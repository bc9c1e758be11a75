import { randomUUID } from 'node:crypto';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BallotChoice, SessionState, VoteView } from '@moot/protocol';
import { acked, connectWatcher, startSession, type AssemblyInSession, type MemberSocket } from './support/harness.ts';
import { followSession } from './support/sessionWatch.ts';
import { seat } from './support/staff.ts';
import { exportMinutes, minutesMarkdown } from '../src/features/exports/minutesExport.ts';

/** Facilitators and note-takers (issue 14 §4): group scope, the door, hands raised for members, paper counts. */

/** A refusal with this code and, when given, this reason (`paper.*` and the rest: `refusal(feature, key)`). */
const refusedWith = (code: string, reason?: { key: string; params?: Record<string, string | number> }) => ({
  ok: false,
  error: reason ? { code, reason } : { code },
});
const yesNo = { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false } as const;

function followVotes(socket: MemberSocket): { votes: VoteView[] } {
  const holder = { votes: [] as VoteView[] };
  socket.on('votes:state', (update) => (holder.votes = update.votes));
  return holder;
}

describe('facilitators steer their own group', () => {
  let session: AssemblyInSession;
  let fay: Awaited<ReturnType<typeof seat>>;
  let gus: Awaited<ReturnType<typeof seat>>;
  let nia: Awaited<ReturnType<typeof seat>>;
  let view: { readonly state: SessionState | null };
  let ids: string[];
  beforeAll(async () => {
    session = await startSession({ names: ['Ada', 'Ben', 'Cy'], title: 'Sitting', start: true });
    const { running, seed } = session;
    fay = await seat(running, seed.assemblyId, 'facilitator', 'Fay');
    gus = await seat(running, seed.assemblyId, 'facilitator', 'Gus');
    nia = await seat(running, seed.assemblyId, 'note_taker', 'Nia');
    view = followSession(session.mod);
    acked(await session.mod.emitWithAck('announcement:post', { text: 'Republish' }));
    await vi.waitFor(() => expect(view.state?.attendees.filter((a) => a.online)).toHaveLength(7));
    ids = view.state!.attendees.filter((a) => a.role === 'member').map((a) => a.participantId);
  }, 180_000);
  afterAll(async () => {
    for (const s of [fay, gus, nia]) s.socket.disconnect();
    await session.close();
  });

  it('deals one facilitator to each group, and refuses a facilitator of group A anything in group B', async () => {
    const { mod, sessionId } = session;
    acked(await mod.emitWithAck('groups:form', { sessionId, count: 2 }));
    await vi.waitFor(() => expect(view.state?.groups).toHaveLength(2));
    const groups = view.state!.groups;
    expect(groups.map((g) => g.facilitatorIds.length)).toEqual([1, 1]);
    expect(groups.flatMap((g) => g.noteTakerIds)).toEqual([nia.participantId]);
    // Make it certain: Fay hosts group 1, Gus group 2, Nia takes notes in group 1.
    const [one, two] = groups as [(typeof groups)[0], (typeof groups)[0]];
    acked(await mod.emitWithAck('groups:move', { sessionId, participantId: fay.participantId, groupId: one.id }));
    acked(await mod.emitWithAck('groups:move', { sessionId, participantId: gus.participantId, groupId: two.id }));
    acked(await mod.emitWithAck('groups:move', { sessionId, participantId: nia.participantId, groupId: one.id }));
    // Two members in group 1, one in group 2.
    acked(await mod.emitWithAck('groups:move', { sessionId, participantId: ids[0]!, groupId: one.id }));
    acked(await mod.emitWithAck('groups:move', { sessionId, participantId: ids[1]!, groupId: one.id }));
    acked(await mod.emitWithAck('groups:move', { sessionId, participantId: ids[2]!, groupId: two.id }));
    await vi.waitFor(() => {
      const [a, b] = view.state!.groups;
      expect(a!.facilitatorIds).toEqual([fay.participantId]);
      expect(b!.facilitatorIds).toEqual([gus.participantId]);
      expect(a!.noteTakerIds).toEqual([nia.participantId]);
      expect(b!.memberIds).toEqual([ids[2]]);
    });
    const [ownMember, otherMember] = [ids[0]!, ids[2]!];

    // Group B's member: Fay (group A) may neither check them out, nor in, nor raise a hand for them.
    const forbidden = refusedWith('forbidden');
    expect(
      await fay.socket.emitWithAck('attendance:checkOutFor', { sessionId, participantId: otherMember }),
    ).toMatchObject(forbidden);
    expect(
      await fay.socket.emitWithAck('attendance:checkInFor', { sessionId, participantId: otherMember }),
    ).toMatchObject(forbidden);
    expect(
      await fay.socket.emitWithAck('queue:raiseFor', { sessionId, participantId: otherMember, kind: 'new_point' }),
    ).toMatchObject(forbidden);
    expect(await fay.socket.emitWithAck('queue:lowerFor', { sessionId, participantId: otherMember })).toMatchObject(
      forbidden,
    );
    expect(view.state!.attendees.find((a) => a.participantId === otherMember)?.checkedIn).toBe(true);
    // …but their own group's member, yes; and Gus his.
    acked(await fay.socket.emitWithAck('queue:raiseFor', { sessionId, participantId: ownMember, kind: 'new_point' }));
    acked(
      await gus.socket.emitWithAck('queue:raiseFor', {
        sessionId,
        participantId: otherMember,
        kind: 'direct_response',
      }),
    );
    // While groups run, each hand goes in its member's own group's queue, not the plenary's.
    await vi.waitFor(() => expect(view.state!.groups.map((g) => g.floor?.queue.length)).toEqual([1, 1]));
    expect(view.state!.queue).toHaveLength(0);

    // The pads: each host writes their own group's, and is refused the other's.
    const padA = one.padDocId;
    const padB = two.padDocId;
    acked(await fay.socket.emitWithAck('doc:open', { docId: padA }));
    acked(await nia.socket.emitWithAck('doc:open', { docId: padA }));
    expect(await fay.socket.emitWithAck('doc:open', { docId: padB })).toMatchObject(forbidden);
    expect(await nia.socket.emitWithAck('doc:open', { docId: padB })).toMatchObject(forbidden);
    acked(await gus.socket.emitWithAck('doc:open', { docId: padB }));

    // A facilitator is not a member: moving a member into a group stays the moderator's.
    expect(
      await fay.socket.emitWithAck('groups:move', { sessionId, participantId: ownMember, groupId: one.id }),
    ).toMatchObject(forbidden);
    acked(await mod.emitWithAck('groups:end', { sessionId }));
    for (const id of ids) await session.mod.emitWithAck('queue:lowerFor', { sessionId, participantId: id });
  });

  it('raises a hand for a member in the room: the member’s hand, saying who raised it; not for someone absent', async () => {
    const { sessionId, members } = session;
    const ada = ids[0]!;
    acked(await fay.socket.emitWithAck('queue:raiseFor', { sessionId, participantId: ada, kind: 'point_of_process' }));
    await vi.waitFor(() => {
      const hand = view.state!.queue.find((h) => h.participantId === ada);
      expect(hand).toMatchObject({
        name: 'Ada',
        kind: 'point_of_process',
        raisedBy: { participantId: fay.participantId, name: 'Fay' },
      });
    });
    // The member lowers it themselves: it is theirs.
    acked(await members[0]!.emitWithAck('queue:lower', { sessionId }));
    await vi.waitFor(() => expect(view.state!.queue.some((h) => h.participantId === ada)).toBe(false));
    // A member raising their own hand: no "raised by".
    acked(await members[1]!.emitWithAck('queue:raise', { sessionId, kind: 'new_point' }));
    await vi.waitFor(() => expect(view.state!.queue.find((h) => h.participantId === ids[1])?.raisedBy).toBeNull());
    acked(await members[1]!.emitWithAck('queue:lower', { sessionId }));

    // Checked out: not in the room, so no hand for them; a facilitator's hand needs the member present.
    acked(await fay.socket.emitWithAck('attendance:checkOutFor', { sessionId, participantId: ada }));
    expect(
      await fay.socket.emitWithAck('queue:raiseFor', { sessionId, participantId: ada, kind: 'new_point' }),
    ).toMatchObject(refusedWith('bad_request'));
    acked(await fay.socket.emitWithAck('attendance:checkInFor', { sessionId, participantId: ada }));
    // Somebody not a member (the facilitator themselves, a note-taker) has no hand raised for them.
    expect(
      await fay.socket.emitWithAck('queue:raiseFor', {
        sessionId,
        participantId: nia.participantId,
        kind: 'new_point',
      }),
    ).toMatchObject(refusedWith('not_found'));
  });

  it('counts quorum from who is present now: a check-out at the door lowers it, a check-in raises it', async () => {
    const { mod, sessionId, members } = session;
    const votes = followVotes(mod);
    const open = async () =>
      acked(
        await mod.emitWithAck('vote:open', {
          subject: { kind: 'question', question: `Q ${randomUUID()}` },
          rules: yesNo,
          quorumShare: 1,
        }),
      ).voteId;
    const eligibleOf = async (voteId: string) => {
      await vi.waitFor(() => expect(votes.votes.find((v) => v.id === voteId)).toBeDefined());
      return votes.votes.find((v) => v.id === voteId)!;
    };
    const before = await eligibleOf(await open());
    expect(before).toMatchObject({ eligible: 3, quorumNeeded: 3 });

    acked(await fay.socket.emitWithAck('attendance:checkOutFor', { sessionId, participantId: ids[2]! }));
    await vi.waitFor(() =>
      expect(view.state!.attendees.find((a) => a.participantId === ids[2])).toMatchObject({
        checkedIn: false,
        checkedOut: true,
      }),
    );
    expect(await eligibleOf(await open())).toMatchObject({ eligible: 2, quorumNeeded: 2 });
    // Checking oneself out counts the same.
    acked(await members[1]!.emitWithAck('attendance:checkOut', { sessionId }));
    expect(await eligibleOf(await open())).toMatchObject({ eligible: 1, quorumNeeded: 1 });
    // Back in: by themselves, or at the door.
    acked(await members[1]!.emitWithAck('attendance:checkIn', { sessionId }));
    acked(await gus.socket.emitWithAck('attendance:checkInFor', { sessionId, participantId: ids[2]! }));
    expect(await eligibleOf(await open())).toMatchObject({ eligible: 3, quorumNeeded: 3 });
    // Checking out twice is a clear error, not a silent no-op.
    acked(await members[1]!.emitWithAck('attendance:checkOut', { sessionId }));
    expect(await members[1]!.emitWithAck('attendance:checkOut', { sessionId })).toMatchObject(
      refusedWith('bad_request'),
    );
    acked(await members[1]!.emitWithAck('attendance:checkIn', { sessionId }));
    for (const v of votes.votes.filter((x) => x.status === 'open'))
      acked(await mod.emitWithAck('vote:close', { voteId: v.id }));
  });

  it('counts paper ballots only when two facilitators enter the same totals, and never twice for one member', async () => {
    const { mod, sessionId, members } = session;
    const votes = followVotes(fay.socket);
    const { voteId } = acked(
      await mod.emitWithAck('vote:open', {
        subject: { kind: 'question', question: 'Paper and online' },
        rules: yesNo,
        quorumShare: 0.5,
      }),
    );
    const ballot = (choice: BallotChoice) => ({ voteId, ballotId: randomUUID(), choice, reason: '' });
    const [ada, ben, cy] = ids as [string, string, string];

    // Ada votes online first: she cannot then be ticked for paper.
    acked(await members[0]!.emitWithAck('vote:cast', ballot({ method: 'yes_no', choice: 'yes' })));
    expect(await fay.socket.emitWithAck('vote:markPaper', { voteId, participantId: ada })).toMatchObject({
      ok: false,
      error: {
        code: 'bad_request',
        message: 'This member has already voted online in this vote',
        reason: { key: 'paper.votedOnline' },
      },
    });
    // Cy is not in the room: not on the check-in list, no paper ballot.
    acked(await gus.socket.emitWithAck('attendance:checkOutFor', { sessionId, participantId: cy }));
    expect(await fay.socket.emitWithAck('vote:markPaper', { voteId, participantId: cy })).toMatchObject(
      refusedWith('bad_request', { key: 'paper.notCheckedIn' }),
    );
    acked(await gus.socket.emitWithAck('attendance:checkInFor', { sessionId, participantId: cy }));

    // Ben and Cy vote on paper; then neither can vote online.
    acked(await fay.socket.emitWithAck('vote:markPaper', { voteId, participantId: ben }));
    acked(await gus.socket.emitWithAck('vote:markPaper', { voteId, participantId: cy }));
    expect(await fay.socket.emitWithAck('vote:markPaper', { voteId, participantId: ben })).toMatchObject(
      refusedWith('bad_request', { key: 'paper.alreadyTicked' }),
    );
    expect(await members[1]!.emitWithAck('vote:cast', ballot({ method: 'yes_no', choice: 'no' }))).toMatchObject({
      ok: false,
      error: {
        code: 'bad_request',
        message: 'You are voting on paper in this vote, so you cannot also vote online',
        reason: { key: 'paper.votingOnPaper' },
      },
    });
    await vi.waitFor(() => expect(votes.votes.find((v) => v.id === voteId)?.paper?.voterIds).toHaveLength(2));
    expect(votes.votes.find((v) => v.id === voteId)).toMatchObject({ turnout: 3 });

    // Only facilitators enter totals; totals must add up to the ticked paper voters.
    expect(await mod.emitWithAck('vote:enterPaperTotals', { voteId, counts: { yes: 1, no: 1 } })).toMatchObject(
      refusedWith('forbidden'),
    );
    expect(await fay.socket.emitWithAck('vote:enterPaperTotals', { voteId, counts: { yes: 3 } })).toMatchObject(
      refusedWith('bad_request', { key: 'paper.totalsMismatch', params: { total: 3, voters: 2 } }),
    );
    expect(await fay.socket.emitWithAck('vote:enterPaperTotals', { voteId, counts: { maybe: 2 } })).toMatchObject(
      refusedWith('bad_request', { key: 'paper.notAChoice', params: { choices: 'maybe' } }),
    );
    // Closing before the paper count is agreed is refused.
    expect(await mod.emitWithAck('vote:close', { voteId })).toMatchObject(
      refusedWith('bad_request', { key: 'paper.notAgreedYet', params: { voters: 2 } }),
    );

    // First entry waits; the same facilitator again is refused.
    expect(acked(await fay.socket.emitWithAck('vote:enterPaperTotals', { voteId, counts: { yes: 1, no: 1 } }))).toEqual(
      {
        status: 'awaiting_second',
      },
    );
    expect(await fay.socket.emitWithAck('vote:enterPaperTotals', { voteId, counts: { yes: 1, no: 1 } })).toMatchObject(
      refusedWith('bad_request', { key: 'paper.secondCounterNeeded' }),
    );
    // Mismatch: neither counts, the second is told, the first sees it in the vote.
    const mismatch = await gus.socket.emitWithAck('vote:enterPaperTotals', { voteId, counts: { yes: 2 } });
    expect(mismatch).toMatchObject(refusedWith('bad_request', { key: 'paper.countsDisagree' }));
    expect((mismatch as { error: { message: string } }).error.message).toMatch(/neither counts/);
    await vi.waitFor(() =>
      expect(votes.votes.find((v) => v.id === voteId)?.paper).toMatchObject({
        status: 'open',
        firstEnteredBy: null,
        lastMismatchAt: expect.any(Number),
      }),
    );
    expect(await mod.emitWithAck('vote:close', { voteId })).toMatchObject(refusedWith('bad_request'));
    // Counted again: Gus first this time, Fay matches.
    expect(
      acked(await gus.socket.emitWithAck('vote:enterPaperTotals', { voteId, counts: { yes: 1, no: 1, abstain: 0 } })),
    ).toEqual({
      status: 'awaiting_second',
    });
    await vi.waitFor(() =>
      expect(votes.votes.find((v) => v.id === voteId)?.paper?.firstEnteredBy).toBe(gus.participantId),
    );
    expect(acked(await fay.socket.emitWithAck('vote:enterPaperTotals', { voteId, counts: { no: 1, yes: 1 } }))).toEqual(
      {
        status: 'agreed',
      },
    );
    // Agreed: no more ticking, no more entries.
    expect(await gus.socket.emitWithAck('vote:enterPaperTotals', { voteId, counts: { yes: 2 } })).toMatchObject(
      refusedWith('bad_request', { key: 'paper.alreadyAgreed' }),
    );

    // One result: 1 online + 2 paper = 3 ballots, 2 yes and 1 no.
    const result = acked(await mod.emitWithAck('vote:close', { voteId }));
    expect(result).toMatchObject({
      ballots: 3,
      online: 1,
      paper: 2,
      paperCounts: { yes: 1, no: 1, abstain: 0 },
      counts: { yes: 2, no: 1, abstain: 0 },
      eligible: 3,
      quorumNeeded: 2,
      quorumMet: true,
      passed: true,
    });
    expect(result.explanation).toMatch(/Counted 1 online and 2 paper ballots\.$/);
    // Only the online ballot is published as a ballot; who took part lists all three.
    await vi.waitFor(() => expect(votes.votes.find((v) => v.id === voteId)?.status).toBe('closed'));
    expect(votes.votes.find((v) => v.id === voteId)?.ballots).toHaveLength(1);
    const [participation] = await session.running.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM vote_participation WHERE vote_id = $1',
      [voteId],
    );
    expect(participation!.n).toBe(3);
    // The minutes say how many voted online and on paper, in figures and in the sentence.
    const minutes = await exportMinutes(
      session.running.db,
      { assembly: { id: session.seed.assemblyId, title: '', charge: '' }, audience: 'observer' },
      sessionId,
    );
    expect(minutes!.votes.find((v) => v.question === 'Paper and online')).toMatchObject({
      online: 1,
      paper: 2,
      passed: true,
      explanation: expect.stringMatching(/Counted 1 online and 2 paper ballots/),
    });
    expect(minutesMarkdown(minutes!)).toMatch(/Counted 1 online and 2 paper ballots/);
  });

  it('lets facilitators and note-takers read the charter but never write it; a member still does', async () => {
    const { running, seed, members } = session;
    const edit = async () => {
      const live = await running.app.context.documents.open(seed.docId);
      const writer = new Y.Doc();
      Y.applyUpdate(writer, Y.encodeStateAsUpdate(live.doc));
      const before = Y.encodeStateVector(writer);
      writer.getText('t').insert(0, 'x');
      const encoder = encoding.createEncoder();
      syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(writer, before));
      return { docId: seed.docId, message: encoding.toUint8Array(encoder) };
    };
    for (const who of [fay.socket, nia.socket]) {
      acked(await who.emitWithAck('doc:open', { docId: seed.docId }));
      expect(await who.emitWithAck('doc:sync', await edit())).toMatchObject(refusedWith('locked'));
    }
    acked(await members[0]!.emitWithAck('doc:open', { docId: seed.docId }));
    acked(await members[0]!.emitWithAck('doc:sync', await edit()));
  });

  it('shows facilitators to the public by name and role; a note-taker like a member, by pseudonym', async () => {
    const { running, seed } = session;
    const watcher = await connectWatcher(running.url, seed.watchKey);
    const publicView = followSession(watcher.socket);
    acked(await session.mod.emitWithAck('announcement:post', { text: 'Republish for the public' }));
    await vi.waitFor(() => expect(publicView.state?.attendees.length).toBe(7));
    const names = publicView.state!.attendees.map((a) => `${a.role}:${a.name}`);
    expect(names).toEqual(expect.arrayContaining(['facilitator:Fay', 'facilitator:Gus', 'note_taker:Member 7']));
    watcher.socket.disconnect();
  });
});
