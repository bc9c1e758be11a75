import { caseDocId, easyReadDocId, standardDocId, type Ack } from '@moot/protocol';
import { setStandardStatus } from '../../src/features/charter/charterStore.ts';
import { padDocId } from '../../src/features/sessions/groupStore.ts';
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
  /** Its records by kind, each named by its state; the first of a kind is the one a command names by default. */
  records: Record<IdKind, Record<string, string>>;
  /** Every Yjs document it has (standard, easy-read version, group pad, case reasoning). */
  docIds: string[];
  disconnect(): void;
}

const question = (text: string) => ({
  subject: { kind: 'question' as const, question: text },
  rules: { method: 'yes_no' as const, threshold: { kind: 'simple' as const }, abstentionsCount: false },
  quorumShare: 0,
});

/**
 * A live session with a running and a pending agenda item (and a sitting planned ahead), members checked in and in groups, a
 * hand up, an announcement; a drafting, a locked and an adopted standard (with a ladder); an open
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
  await mod(moderator.emitWithAck('groups:form', { sessionId, count: 2 }));
  acked(await first.emitWithAck('queue:raise', { sessionId, kind: 'new_point' }));
  const { voteId: openVote } = await mod(moderator.emitWithAck('vote:open', question('Agreed?')));
  // Members from the civic lottery: one selected (with a seat), one reserve.
  const csv = new TextEncoder().encode('id,name,Region,status\nS1,Selected Sam,North,\nR1,Reserve Rae,South,reserve\n');
  const { previewHash } = await mod(moderator.emitWithAck('members:preview', { csv }));
  await mod(moderator.emitWithAck('members:import', { csv, previewHash }));
  const imported = await mod(moderator.emitWithAck('members:list', {}));
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
  };
  return {
    seed,
    moderator,
    members,
    facilitator,
    observer,
    records,
    docIds: Object.values(records.document),
    disconnect: () => {
      for (const socket of [moderator, ...members, facilitator, observer]) socket.disconnect();
    },
  };
}
