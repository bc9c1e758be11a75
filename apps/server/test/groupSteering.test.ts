import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import type { GroupView, SessionState, VoteView, voteRulesSchema } from '@moot/protocol';
import { acked, connectWatcher, startSession, type AssemblyInSession, type MemberSocket } from './support/harness.ts';
import { followSession } from './support/sessionWatch.ts';
import { seat } from './support/staff.ts';

/**
 * Issue 14 §4, the limits lifted: each small group's own queue steered by its facilitator; paper
 * counts of approval and ranked votes; who votes on paper kept from members and the public.
 */

const refusedWith = (code: string) => ({ ok: false, error: { code } });

/** A live session with Ada, Ben, Cy and Dee checked in, and facilitators Fay and Gus. */
async function sitting(title: string) {
  const session = await startSession({ names: ['Ada', 'Ben', 'Cy'], title, start: true });
  const { running, seed, sessionId } = session;
  const dee = await seat(running, seed.assemblyId, 'member', 'Dee');
  acked(await dee.socket.emitWithAck('attendance:checkIn', { sessionId }));
  const fay = await seat(running, seed.assemblyId, 'facilitator', 'Fay');
  const gus = await seat(running, seed.assemblyId, 'facilitator', 'Gus');
  const members = [...session.members, dee.socket];
  return { session, members, fay, gus, close: () => [dee, fay, gus].forEach((s) => s.socket.disconnect()) };
}

function followVotes(socket: MemberSocket): { votes: VoteView[] } {
  const holder = { votes: [] as VoteView[] };
  socket.on('votes:state', (update) => (holder.votes = update.votes));
  return holder;
}

describe('small groups steer their own queues', () => {
  let session: AssemblyInSession;
  let members: MemberSocket[];
  let fay: Awaited<ReturnType<typeof seat>>;
  let gus: Awaited<ReturnType<typeof seat>>;
  let close: () => void;
  let view: { readonly state: SessionState | null };
  let memberView: { readonly state: SessionState | null };
  let ids: string[];
  let one: GroupView;
  let two: GroupView;
  beforeAll(async () => {
    ({ session, members, fay, gus, close } = await sitting('Tables'));
    const { mod, sessionId } = session;
    view = followSession(mod);
    memberView = followSession(members[0]!);
    acked(await mod.emitWithAck('announcement:post', { text: 'Republish' }));
    await vi.waitFor(() => expect(view.state?.attendees.filter((a) => a.online)).toHaveLength(7));
    ids = view.state!.attendees.filter((a) => a.role === 'member').map((a) => a.participantId);
    acked(await mod.emitWithAck('groups:form', { sessionId, count: 2 }));
    await vi.waitFor(() => expect(view.state?.groups).toHaveLength(2));
    [one, two] = view.state!.groups as [GroupView, GroupView];
    // Fay hosts group 1 with Ada and Ben; Gus group 2 with Cy and Dee.
    const place = async (participantId: string, groupId: string) =>
      acked(await mod.emitWithAck('groups:move', { sessionId, participantId, groupId }));
    await place(fay.participantId, one.id);
    await place(gus.participantId, two.id);
    await place(ids[0]!, one.id);
    await place(ids[1]!, one.id);
    await place(ids[2]!, two.id);
    await place(ids[3]!, two.id);
    await vi.waitFor(() => {
      const [a, b] = view.state!.groups;
      expect(a!.facilitatorIds).toEqual([fay.participantId]);
      expect(b!.facilitatorIds).toEqual([gus.participantId]);
      expect(a!.memberIds.sort()).toEqual([ids[0], ids[1]].sort());
    });
  }, 180_000);
  afterAll(async () => {
    close();
    await session.close();
  });

  const floorOf = (state: SessionState | null, groupId: string) => state?.groups.find((g) => g.id === groupId)?.floor;

  it("puts a member's hand in their own group's queue; its facilitator calls and ends turns there, never in another group", async () => {
    const { sessionId, mod } = session;
    const [ada, ben, cy] = ids as [string, string, string];
    // Members raise their own hands: the server puts each in their group's queue.
    acked(await members[0]!.emitWithAck('queue:raise', { sessionId, kind: 'new_point' }));
    acked(await members[1]!.emitWithAck('queue:raise', { sessionId, kind: 'direct_response' }));
    acked(await members[2]!.emitWithAck('queue:raise', { sessionId, kind: 'new_point' }));
    await vi.waitFor(() => {
      expect(floorOf(view.state, one.id)?.queue.map((h) => h.participantId)).toEqual([ben, ada]);
      expect(floorOf(view.state, two.id)?.queue.map((h) => h.participantId)).toEqual([cy]);
    });
    expect(view.state!.queue).toEqual([]);
    // Members see their group's queue too (the members' view carries every group's floor).
    await vi.waitFor(() => expect(floorOf(memberView.state, one.id)?.queue).toHaveLength(2));

    // Fay calls the next in group 1 (Ben's direct response first); Gus may not, nor may a member.
    const forbidden = refusedWith('forbidden');
    expect(await gus.socket.emitWithAck('groupQueue:next', { sessionId, groupId: one.id })).toMatchObject(forbidden);
    expect(await members[3]!.emitWithAck('groupQueue:next', { sessionId, groupId: two.id })).toMatchObject(forbidden);
    acked(await fay.socket.emitWithAck('groupQueue:next', { sessionId, groupId: one.id }));
    acked(await gus.socket.emitWithAck('groupQueue:next', { sessionId, groupId: two.id }));
    // Two floors at once: a speaker at each table, and none in the plenary.
    await vi.waitFor(() => {
      expect(floorOf(view.state, one.id)?.turn?.participantId).toBe(ben);
      expect(floorOf(view.state, two.id)?.turn?.participantId).toBe(cy);
    });
    expect(view.state!.turn).toBeNull();
    // The moderator's plenary commands do not reach the groups' floors.
    expect(await mod.emitWithAck('queue:next', { sessionId })).toMatchObject(refusedWith('not_found'));
    expect(await mod.emitWithAck('queue:endTurn', { sessionId })).toMatchObject(refusedWith('not_found'));
    // Gus cannot end Fay's speaker's turn; Fay can, and calls Ada by name.
    expect(await gus.socket.emitWithAck('groupQueue:endTurn', { sessionId, groupId: one.id })).toMatchObject(forbidden);
    expect(
      await fay.socket.emitWithAck('groupQueue:next', { sessionId, groupId: one.id, participantId: cy }),
    ).toMatchObject(refusedWith('not_found'));
    acked(await fay.socket.emitWithAck('groupQueue:next', { sessionId, groupId: one.id, participantId: ada }));
    await vi.waitFor(() => expect(floorOf(view.state, one.id)?.turn?.participantId).toBe(ada));
    expect(floorOf(view.state, two.id)?.turn?.participantId).toBe(cy);
    acked(await fay.socket.emitWithAck('groupQueue:endTurn', { sessionId, groupId: one.id }));
    await vi.waitFor(() => expect(floorOf(view.state, one.id)?.turn).toBeNull());
    expect(await fay.socket.emitWithAck('groupQueue:endTurn', { sessionId, groupId: one.id })).toMatchObject(
      refusedWith('not_found'),
    );
    // The moderator may steer any group's floor.
    acked(await mod.emitWithAck('groupQueue:endTurn', { sessionId, groupId: two.id }));
    await vi.waitFor(() => expect(floorOf(view.state, two.id)?.turn).toBeNull());
    // A group id that is not a running group of this session is not found.
    expect(await fay.socket.emitWithAck('groupQueue:next', { sessionId, groupId: randomUUID() })).toMatchObject(
      refusedWith('not_found'),
    );
  });

  it("raises a facilitator's hand for a member into that member's group queue; a member moved out leaves the queue", async () => {
    const { sessionId, mod } = session;
    const [ada, , , dee] = ids as [string, string, string, string];
    acked(await fay.socket.emitWithAck('queue:raiseFor', { sessionId, participantId: ada, kind: 'new_point' }));
    await vi.waitFor(() =>
      expect(floorOf(view.state, one.id)?.queue.find((h) => h.participantId === ada)?.raisedBy?.name).toBe('Fay'),
    );
    acked(await gus.socket.emitWithAck('queue:raiseFor', { sessionId, participantId: dee, kind: 'new_point' }));
    await vi.waitFor(() => expect(floorOf(view.state, two.id)?.queue.some((h) => h.participantId === dee)).toBe(true));
    // Dee moves to group 1: her hand does not follow her (nor stay in group 2's queue).
    acked(await mod.emitWithAck('groups:move', { sessionId, participantId: dee, groupId: one.id }));
    await vi.waitFor(() => expect(floorOf(view.state, two.id)?.queue.some((h) => h.participantId === dee)).toBe(false));
    expect(floorOf(view.state, one.id)?.queue.some((h) => h.participantId === dee)).toBe(false);
    acked(await mod.emitWithAck('groups:move', { sessionId, participantId: dee, groupId: two.id }));
  });

  it('keeps table discussions from the public: observers get no group floors', async () => {
    const { running, seed, mod } = session;
    const watcher = await connectWatcher(running.url, seed.watchKey);
    const publicView = followSession(watcher.socket);
    acked(await mod.emitWithAck('announcement:post', { text: 'Republish for the public' }));
    await vi.waitFor(() => expect(publicView.state?.groups).toHaveLength(2));
    // Ada's hand waits in group 1 for everyone inside the assembly, for nobody outside it.
    expect(floorOf(view.state, one.id)?.queue.length).toBeGreaterThan(0);
    expect(publicView.state!.groups.map((g) => g.floor)).toEqual([null, null]);
    watcher.socket.disconnect();
  });

  it('closes the groups’ queues when the groups end, and a hand goes to the plenary again', async () => {
    const { sessionId, mod } = session;
    acked(await members[2]!.emitWithAck('queue:raise', { sessionId, kind: 'new_point' }));
    acked(await gus.socket.emitWithAck('groupQueue:next', { sessionId, groupId: two.id }));
    await vi.waitFor(() => expect(floorOf(view.state, two.id)?.turn).not.toBeNull());
    acked(await mod.emitWithAck('groups:end', { sessionId }));
    await vi.waitFor(() => expect(view.state!.groups.every((g) => g.ended && g.floor === null)).toBe(true));
    const [hands] = await session.running.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM hands WHERE session_id = $1 AND group_id IS NOT NULL AND status IN ('waiting', 'speaking')`,
      [sessionId],
    );
    expect(hands!.n).toBe(0);
    // The group's turn is over and measured; the facilitator steers nothing more.
    expect(await gus.socket.emitWithAck('groupQueue:next', { sessionId, groupId: two.id })).toMatchObject(
      refusedWith('not_found'),
    );
    acked(await members[0]!.emitWithAck('queue:raise', { sessionId, kind: 'new_point' }));
    await vi.waitFor(() => expect(view.state!.queue.map((h) => h.participantId)).toEqual([ids[0]]));
    acked(await members[0]!.emitWithAck('queue:lower', { sessionId }));
  });
});

describe('paper counts of approval and ranked votes, and who votes on paper', () => {
  let session: AssemblyInSession;
  let members: MemberSocket[];
  let fay: Awaited<ReturnType<typeof seat>>;
  let gus: Awaited<ReturnType<typeof seat>>;
  let close: () => void;
  let ids: string[];
  beforeAll(async () => {
    ({ session, members, fay, gus, close } = await sitting('Paper'));
    const { mod } = session;
    const view = followSession(mod);
    acked(await mod.emitWithAck('announcement:post', { text: 'Republish' }));
    await vi.waitFor(() => expect(view.state?.attendees.filter((a) => a.online)).toHaveLength(7));
    ids = view.state!.attendees.filter((a) => a.role === 'member').map((a) => a.participantId);
  }, 180_000);
  afterAll(async () => {
    close();
    await session.close();
  });

  const openVote = async (rules: z.input<typeof voteRulesSchema>) =>
    acked(
      await session.mod.emitWithAck('vote:open', {
        subject: { kind: 'question', question: `Q ${randomUUID()}` },
        rules,
        quorumShare: 0.5,
      }),
    ).voteId;

  it('counts a ranked vote from each paper ballot’s ranking, combined with the online ballots by instant runoff', async () => {
    const { mod } = session;
    const voteId = await openVote({ method: 'ranked', options: ['Trams', 'Buses', 'Bikes'] });
    const [, , cy, dee] = ids as [string, string, string, string];
    // Online: Ada ranks Bikes, Trams; Ben ranks Buses first.
    const cast = (i: number, ranking: number[]) =>
      members[i]!.emitWithAck('vote:cast', {
        voteId,
        ballotId: randomUUID(),
        choice: { method: 'ranked', ranking },
        reason: '',
      });
    acked(await cast(0, [2, 0]));
    acked(await cast(1, [1]));
    // Cy and Dee vote on paper: Trams first for both, then Buses for Cy; Dee ranks only Trams.
    acked(await fay.socket.emitWithAck('vote:markPaper', { voteId, participantId: cy }));
    acked(await fay.socket.emitWithAck('vote:markPaper', { voteId, participantId: dee }));
    // Bad ballots get clear errors and are not stored.
    const enter = (who: typeof fay, ballots: { options: number[]; count: number }[]) =>
      who.socket.emitWithAck('vote:enterPaperBallots', { voteId, ballots });
    const badOption = await enter(fay, [{ options: [0, 5], count: 2 }]);
    expect(badOption).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: 'Paper ballot 1 names an option this vote does not have' },
    });
    expect(await enter(fay, [{ options: [0, 0], count: 2 }])).toMatchObject({
      ok: false,
      error: { message: 'Paper ballot 1 names an option twice' },
    });
    expect(await enter(fay, [{ options: [], count: 2 }])).toMatchObject(refusedWith('bad_request'));
    expect(await enter(fay, [{ options: [0, 1], count: 3 }])).toMatchObject(refusedWith('bad_request'));
    // Totals per choice are refused for a ranked vote: a ranking is not a total.
    expect(await fay.socket.emitWithAck('vote:enterPaperTotals', { voteId, counts: { yes: 2 } })).toMatchObject(
      refusedWith('bad_request'),
    );
    expect(
      await mod.emitWithAck('vote:enterPaperBallots', { voteId, ballots: [{ options: [0], count: 2 }] }),
    ).toMatchObject(refusedWith('forbidden'));
    // Two facilitators: the same ballots in another order agree; different ones discard both.
    expect(
      acked(
        await enter(fay, [
          { options: [0, 1], count: 1 },
          { options: [0], count: 1 },
        ]),
      ),
    ).toEqual({
      status: 'awaiting_second',
    });
    expect(await enter(gus, [{ options: [0], count: 2 }])).toMatchObject(refusedWith('bad_request'));
    acked(
      await enter(gus, [
        { options: [0], count: 1 },
        { options: [0, 1], count: 1 },
      ]),
    );
    expect(
      acked(
        await enter(fay, [
          { options: [0, 1], count: 1 },
          { options: [0], count: 1 },
        ]),
      ),
    ).toEqual({
      status: 'agreed',
    });
    // First preferences: Trams 2 (both paper), Buses 1, Bikes 1 of 4: no majority. Buses and Bikes
    // tie at the bottom; the later listed, Bikes, goes, and Ada's online ballot moves on to Trams:
    // 3 of 4 in round 2. (Why rankings and not first preferences: see combinedTally.test.ts.)
    const result = acked(await mod.emitWithAck('vote:close', { voteId }));
    expect(result).toMatchObject({
      ballots: 4,
      online: 2,
      paper: 2,
      winner: 0,
      paperBallots: [
        { options: [0, 1], count: 1 },
        { options: [0], count: 1 },
      ],
    });
    expect(result.counts).toMatchObject({ '0': 2, '1': 1, '2': 1 });
    expect(result.rounds!.map((r) => r.eliminated)).toEqual([2, null]);
    expect(result.rounds![1]!.counts).toMatchObject({ '0': 3, '1': 1 });
    expect(result.explanation).toMatch(/Counted 2 online and 2 paper ballots\.$/);
  });

  it('counts an approval vote from the paper ballots’ ticks, combined with the online ballots', async () => {
    const { mod } = session;
    const voteId = await openVote({ method: 'approval', options: ['Tax', 'Fees', 'Grants'] });
    const [, , cy, dee] = ids as [string, string, string, string];
    const cast = (i: number, approved: number[]) =>
      members[i]!.emitWithAck('vote:cast', {
        voteId,
        ballotId: randomUUID(),
        choice: { method: 'approval', approved },
        reason: '',
      });
    acked(await cast(0, [0, 1]));
    acked(await cast(1, [1]));
    acked(await gus.socket.emitWithAck('vote:markPaper', { voteId, participantId: cy }));
    acked(await gus.socket.emitWithAck('vote:markPaper', { voteId, participantId: dee }));
    // A ticked set has no order: [2, 1] and [1, 2] are the same paper ballot.
    acked(await gus.socket.emitWithAck('vote:enterPaperBallots', { voteId, ballots: [{ options: [2, 1], count: 2 }] }));
    expect(
      acked(
        await fay.socket.emitWithAck('vote:enterPaperBallots', {
          voteId,
          ballots: [
            { options: [1, 2], count: 1 },
            { options: [2, 1], count: 1 },
          ],
        }),
      ),
    ).toEqual({ status: 'agreed' });
    // Online: Tax 1, Fees 2; paper: Fees 2, Grants 2. Fees: 4 of 4.
    const result = acked(await mod.emitWithAck('vote:close', { voteId }));
    expect(result).toMatchObject({
      ballots: 4,
      online: 2,
      paper: 2,
      counts: { '0': 1, '1': 4, '2': 2 },
      winner: 1,
      paperBallots: [{ options: [1, 2], count: 2 }],
    });
  });

  it('shows who votes on paper to moderators and facilitators only, never to members or the public', async () => {
    const { mod, running, seed } = session;
    const [, , cy] = ids as [string, string, string];
    let publicVotes: VoteView[] = [];
    const watcher = await connectWatcher(running.url, seed.watchKey, (socket) =>
      socket.on('votes:state', (u) => (publicVotes = u.votes)),
    );
    const [modVotes, fayVotes, memberVotes] = [followVotes(mod), followVotes(fay.socket), followVotes(members[0]!)];
    const voteId = await openVote({ method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false });
    acked(await fay.socket.emitWithAck('vote:markPaper', { voteId, participantId: cy }));
    const paperOf = (votes: VoteView[]) => votes.find((v) => v.id === voteId)?.paper;
    await vi.waitFor(() => {
      expect(paperOf(modVotes.votes)?.voterIds).toEqual([cy]);
      expect(paperOf(fayVotes.votes)?.voterIds).toEqual([cy]);
      expect(paperOf(memberVotes.votes)).toMatchObject({ voterIds: [], voters: 1 });
      expect(paperOf(publicVotes)).toMatchObject({ voterIds: [], voters: 1 });
    });
    // On connection too: the public's first state names nobody.
    let first: VoteView[] | null = null;
    const late = await connectWatcher(running.url, seed.watchKey, (socket) =>
      socket.once('votes:state', (u) => (first = u.votes)),
    );
    await vi.waitFor(() => expect(paperOf(first ?? [])).toMatchObject({ voterIds: [], voters: 1 }));
    late.socket.disconnect();
    watcher.socket.disconnect();
    expect(JSON.stringify(memberVotes.votes)).not.toContain(cy);
  });
});
