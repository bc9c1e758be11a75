import { expect, vi } from 'vitest';
import { caseDocId, easyReadDocId, standardDocId, type Ack } from '@moot/protocol';
import { setStandardStatus } from '../../src/features/charter/charterStore.ts';
import { padDocId } from '../../src/features/sessions/groupStore.ts';
import { CollabClient, paragraph } from './collabClient.ts';
import {
  acked,
  connectMember,
  connectWatcher,
  redeem,
  seedAssembly,
  type MemberSocket,
  type RunningApp,
  type SeededAssembly,
  type WatcherSocket,
} from './harness.ts';
import type { IdKind } from './idKinds.ts';
import { memberAdminClient, organiserOf } from './organise.ts';
import { takeNarrowSeat } from './narrow.ts';
import { seat } from './staff.ts';

/** An assembly holding one record of every kind an id can name, in states where commands act on them. */
export interface FurnishedAssembly {
  seed: SeededAssembly;
  moderator: MemberSocket;
  /** Three members, checked in, split into running groups; the first has a hand up. */
  members: MemberSocket[];
  /** A facilitator, connected, dealt into one of the groups (for the commands only facilitators send). */
  facilitator: MemberSocket;
  observer: WatcherSocket;
  /** The narrow seats: the commissioning body's respondent, and the leader of the open case (deadline a day ahead). */
  respondent: MemberSocket;
  leader: MemberSocket;
  /** Its records by kind, each named by its state; the first of a kind is the one a command names by default. */
  records: Record<IdKind, Record<string, string>>;
  /** Every Yjs document it has (standard, easy-read version, group pad, case reasoning). */
  docIds: string[];
  disconnect(): void;
}

/** The one paragraph of the adopted standard's text, written while it was drafted (suggestions quote its words). */
export const ADOPTED_PARAGRAPH = 'Members speak in turn and listen to one another.';

/** Writes `text` as a paragraph of a drafting standard's text, as a co-editor would, and waits until the server stored it. */
async function writeParagraph(socket: MemberSocket, standardId: string, text: string): Promise<void> {
  const writer = new CollabClient(socket, standardDocId(standardId));
  try {
    await writer.open();
    writer.doc.getXmlFragment('text').insert(0, [paragraph(text)]);
    await vi.waitFor(() => expect(writer.unacked).toBe(0), { timeout: 20_000 });
    expect(writer.refusals).toEqual([]);
  } finally {
    writer.detach();
  }
  acked(await socket.emitWithAck('doc:close', { docId: standardDocId(standardId) }));
}

/**
 * Waits until the server has folded a document's logged updates into its snapshot, as it does
 * once nobody holds it: a walk comparing every row must not see that happen during its attempts.
 */
async function untilFolded(running: RunningApp, docId: string): Promise<void> {
  await vi.waitFor(
    async () => {
      const [row] = await running.db.query<{ n: string | number }>(
        'SELECT count(*) AS n FROM document_updates WHERE doc_id = $1',
        [docId],
      );
      expect(Number(row?.n)).toBe(0);
    },
    { timeout: 20_000, interval: 100 },
  );
}

const question = (text: string) => ({
  subject: { kind: 'question' as const, question: text },
  rules: { method: 'yes_no' as const, threshold: { kind: 'simple' as const }, abstentionsCount: false },
  quorumShare: 0,
});

/**
 * A live session with a running and a pending agenda item (and a sitting planned ahead), members checked in and in groups, a
 * hand up, an announcement; a drafting, a locked and an adopted standard (with a ladder and a paragraph of text); an open
 * vote and a closed one; an amendment, a minority report, a comment, an open breach case and one
 * in deliberation.
 */
export async function furnishAssembly(running: RunningApp): Promise<FurnishedAssembly> {
  const seed = await seedAssembly(running.db);
  const join = async (invite: string, name: string) =>
    (await connectMember(running.url, await redeem(running.url, invite, name))).socket;
  const [moderator, members, { socket: observer }] = await Promise.all([
    join(seed.moderatorInvite, 'Mo'),
    Promise.all(seed.memberInvites.map((invite, i) => join(invite, `Member ${i}`))),
    connectWatcher(running.url, seed.watchKey),
  ]);
  const [first] = members as [MemberSocket];
  const { socket: facilitator } = await seat(running, seed.assemblyId, 'facilitator', 'Fay');
  const mod = <T>(ack: Promise<Ack<T>>) => ack.then(acked);

  const { sessionId } = await mod(moderator.emitWithAck('session:create', { title: 'Sitting' }));
  await mod(moderator.emitWithAck('session:start', { sessionId }));
  await Promise.all(members.map(async (m) => acked(await m.emitWithAck('attendance:checkIn', { sessionId }))));

  const adopted = (await mod(moderator.emitWithAck('standard:add', { title: 'Adopted' }))).id;
  await mod(moderator.emitWithAck('standard:setLadder', { standardId: adopted, steps: ['A warning'] }));
  await writeParagraph(moderator, adopted, ADOPTED_PARAGRAPH);
  await mod(moderator.emitWithAck('standard:lock', { standardId: adopted }));
  const adoptionVote = (
    await mod(
      moderator.emitWithAck('vote:open', { ...question(''), subject: { kind: 'adopt_standard', standardId: adopted } }),
    )
  ).voteId;
  await mod(moderator.emitWithAck('vote:close', { voteId: adoptionVote }));
  // Passed or not (no ballots), the charter holds it as adopted: cases cite only adopted standards.
  await running.db.transaction((tx) =>
    setStandardStatus(tx, seed.assemblyId, adopted, ['rejected', 'adopted'], 'adopted'),
  );
  const locked = (await mod(moderator.emitWithAck('standard:add', { title: 'Locked' }))).id;
  await mod(moderator.emitWithAck('standard:lock', { standardId: locked }));

  const item = (title: string) =>
    mod(
      moderator.emitWithAck('agenda:add', {
        sessionId,
        title,
        kind: 'deliberate',
        plannedMinutes: 30,
        standardIds: [adopted],
      }),
    );
  const { itemId: runningItem } = await item('Now');
  const { itemId: pendingItem } = await item('Next');
  await mod(moderator.emitWithAck('agenda:start', { itemId: runningItem }));
  const { amendmentId } = await mod(
    moderator.emitWithAck('amendment:propose', { standardId: adopted, text: 'New wording', reason: '' }),
  );
  const { dissentId } = acked(await first.emitWithAck('dissent:write', { standardId: adopted, text: 'We disagree' }));
  const { commentId } = acked(await first.emitWithAck('comment:post', { standardId: seed.standardId, text: 'Hm' }));
  const openCase = () =>
    mod(
      moderator.emitWithAck('case:open', {
        respondent: { role: 'Director', name: null },
        standardIds: [adopted],
        summary: 'What happened',
        evidence: [],
      }),
    );
  const { caseId } = await openCase();
  const { caseId: deliberating } = await openCase();
  for (const to of ['hearing', 'deliberating'] as const) {
    await mod(moderator.emitWithAck('case:advance', { caseId: deliberating, to }));
  }
  await mod(moderator.emitWithAck('announcement:post', { text: 'Tea at four' }));
  // The hand is raised before groups form, so it waits in the plenary queue (a hand raised while
  // groups run goes in the member's group's queue).
  acked(await first.emitWithAck('queue:raise', { sessionId, kind: 'new_point' }));
  await mod(moderator.emitWithAck('groups:form', { sessionId, count: 2 }));
  const { voteId: openVote } = await mod(moderator.emitWithAck('vote:open', question('Agreed?')));
  // Members from the civic lottery: one selected (with a seat), one reserve.
  const csv = new TextEncoder().encode('id,name,Region,status\nS1,Selected Sam,North,\nR1,Reserve Rae,South,reserve\n');
  const admin = memberAdminClient(
    running.url,
    await organiserOf(running.url, running.db, seed.assemblyId),
    seed.assemblyId,
  );
  const { previewHash } = await mod(admin('members:preview', { csv }));
  await mod(admin('members:import', { csv, previewHash }));
  const imported = await mod(admin('members:list', {}));
  const memberNamed = (name: string) => imported.members.find((m) => m.name === name)!.memberId;
  // Two sittings planned ahead in the programme, not started.
  const plan = (title: string, date: string) =>
    mod(
      moderator.emitWithAck('programme:plan', {
        title,
        date,
        startTime: '10:00',
        endTime: '16:00',
        place: 'both',
        roomName: 'Town hall',
        roomAddress: '1 High Street',
        onlineLink: 'https://meet.example.org/next',
      }),
    );
  const { sessionId: planned } = await plan('Next weekend', '2030-06-01');
  const { sessionId: later } = await plan('The weekend after', '2030-06-08');
  // The evidence library: an expert talk, heard at the pending agenda item, and a member's question to its speaker.
  const { entryId: talk } = await mod(
    moderator.emitWithAck('evidence:add', {
      entry: { kind: 'talk', title: 'A talk', speaker: 'Dr Expert', summary: 'What we know', balance: 'context' },
    }),
  );
  await mod(moderator.emitWithAck('evidence:expertSession', { itemId: pendingItem, entryId: talk }));
  const { questionId } = acked(
    await members[1]!.emitWithAck('question:ask', { itemId: pendingItem, text: 'What do we not know?' }),
  );
  const { statementId } = acked(await members[2]!.emitWithAck('report:writeStatement', { text: 'We were heard.' }));
  const { socket: respondent } = await takeNarrowSeat(
    running,
    moderator.emitWithAck('respondent:invite', { body: 'The council' }),
    'accountability:state',
  );
  const { socket: leader } = await takeNarrowSeat(
    running,
    moderator.emitWithAck('leader:invite', { caseId, deadline: Date.now() + 86_400_000 }),
    'leader:state',
  );

  // Appeals: a second moderator hid two more of the first member's comments; the member appealed
  // one, so the other is theirs to appeal and the appeal is the first moderator's to decide.
  const { socket: secondModerator } = await seat(running, seed.assemblyId, 'moderator', 'Mona');
  const hideByMona = async (text: string) => {
    const { commentId: hidden } = acked(await first.emitWithAck('comment:post', { standardId: seed.standardId, text }));
    await mod(secondModerator.emitWithAck('comment:hide', { commentId: hidden, reason: { code: 'off_topic' } }));
    const [row] = await running.db.query<{ id: string }>('SELECT id FROM moderation_actions WHERE comment_id = $1', [
      hidden,
    ]);
    return row!.id;
  };
  const hiddenAction = await hideByMona('Off the subject');
  const appealed = await hideByMona('Also off the subject');
  const { appealId } = acked(await first.emitWithAck('appeal:file', { actionId: appealed, reason: 'It was not' }));
  const column = async (sql: string) =>
    (await running.db.query<{ id: string }>(sql, [seed.assemblyId])).map((r) => r.id);
  // Members by seat (the first, with a hand up, first), then the moderator.
  const [handUp, second, third, moderatorId] = await column(
    `SELECT id FROM participants WHERE assembly_id = $1
       AND id NOT IN (SELECT participant_id FROM members WHERE participant_id IS NOT NULL)
     ORDER BY role <> 'member', seat`,
  );
  const [group1, group2] = await column(
    `SELECT g.id FROM groups g JOIN assembly_sessions s ON s.id = g.session_id WHERE s.assembly_id = $1 ORDER BY g.number`,
  );
  const [announcement] = await column('SELECT id FROM announcements WHERE assembly_id = $1');
  // The moderator's invite opened again in another browser: a second device, not connected.
  await redeem(running.url, seed.moderatorInvite, 'Mo');
  const [otherDevice] = (
    await running.db.query<{ id: string }>(
      `SELECT device_id AS id FROM sessions WHERE participant_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [moderatorId],
    )
  ).map((r) => r.id);
  await untilFolded(running, standardDocId(adopted));
  const records: Record<IdKind, Record<string, string>> = {
    document: {
      standard: standardDocId(seed.standardId),
      easyRead: easyReadDocId(seed.standardId),
      pad: padDocId(group1!),
      case: caseDocId(caseId),
    },
    session: { live: sessionId, planned, later },
    agendaItem: { running: runningItem, pending: pendingItem },
    // Adopted first: cases, amendments and minority reports name adopted standards.
    standard: { adopted, drafting: seed.standardId, locked },
    case: { open: caseId, deliberating },
    participant: { handUp: handUp!, member: second!, another: third!, moderator: moderatorId! },
    group: { first: group1!, second: group2! },
    announcement: { showing: announcement! },
    vote: { open: openVote, closed: adoptionVote },
    amendment: { proposed: amendmentId },
    dissent: { written: dissentId },
    comment: { posted: commentId },
    member: { selected: memberNamed('Selected Sam') },
    reserve: { reserve: memberNamed('Reserve Rae') },
    evidence: { talk },
    question: { submitted: questionId },
    moderationAction: { hidden: hiddenAction },
    appeal: { pending: appealId },
    statement: { written: statementId! },
    device: { moderatorsOther: otherDevice! },
  };
  return {
    seed,
    moderator,
    members,
    facilitator,
    observer,
    respondent,
    leader,
    records,
    docIds: Object.values(records.document),
    disconnect: () => {
      for (const socket of [moderator, secondModerator, ...members, facilitator, observer, respondent, leader]) {
        socket.disconnect();
      }
    },
  };
}
