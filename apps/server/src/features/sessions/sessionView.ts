import {
  isParticipantRole,
  publicName,
  type ParticipantRole,
  type Attendee,
  type EquitySummary,
  type GroupRepeats,
  type HandKind,
  type HandView,
  type TurnView,
  type QueueMode,
  type Role,
  type SessionState,
} from '@moot/protocol';
import type { Participant } from '../identity/participantStore.ts';
import { gini, giniSeries, type FinishedTurn } from './equity.ts';
import { isPresent, type AttendanceRow, type HandRow, type SpokenRow } from './floorStore.ts';
import { padDocId, type GroupRow } from './groupStore.ts';
import { repeatPairs } from './groupPlanner.ts';
import type { ModerationRow } from './moderationStore.ts';
import type { SessionRow } from './sessionStore.ts';
import type { AgendaItemView, AnnouncementView } from '@moot/protocol';

/** Everything known about the current session, loaded once and then shaped for each audience. */
export interface SessionFacts {
  session: SessionRow;
  agenda: AgendaItemView[];
  participants: (Participant & { mutedUntil: number | null })[];
  attendance: AttendanceRow[];
  online: Set<string>;
  hands: HandRow[];
  totals: SpokenRow[];
  /** The session's finished turns, for the moderator's Gini line. */
  turns: FinishedTurn[];
  groups: GroupRow[];
  announcements: AnnouncementView[];
  moderation: ModerationRow[];
  /** Earlier splits into groups (any sitting), loaded only while groups run. */
  groupHistory: string[][][] | null;
  now: number;
}

const KIND_RANK: Record<HandKind, number> = { point_of_process: 0, direct_response: 1, new_point: 2 };

/**
 * The order in which waiting hands get the floor: points of process first, then direct
 * responses, then new points; within each, first come first served — or, in equity mode,
 * whoever has spoken least this session (time, then turns) first.
 */
export function orderQueue<H extends { participantId: string; kind: HandKind; raisedAt: Date }>(
  hands: readonly H[],
  mode: QueueMode,
  totals: readonly Pick<SpokenRow, 'participantId' | 'spokenMsThisSession' | 'turnsThisSession'>[],
): H[] {
  const spoken = new Map(totals.map((t) => [t.participantId, t]));
  return [...hands].sort((a, b) => {
    const byKind = KIND_RANK[a.kind] - KIND_RANK[b.kind];
    if (byKind !== 0) return byKind;
    if (mode === 'equity') {
      const [sa, sb] = [spoken.get(a.participantId), spoken.get(b.participantId)];
      const byTime = (sa?.spokenMsThisSession ?? 0) - (sb?.spokenMsThisSession ?? 0);
      if (byTime !== 0) return byTime;
      const byTurns = (sa?.turnsThisSession ?? 0) - (sb?.turnsThisSession ?? 0);
      if (byTurns !== 0) return byTurns;
    }
    return a.raisedAt.getTime() - b.raisedAt.getTime();
  });
}

/** One audience's view, before the publisher gives it a version. */
export type SessionView = Omit<SessionState, 'version'>;

export function viewFor(facts: SessionFacts, audience: Role): SessionView {
  const { session, now } = facts;
  const byId = new Map(facts.participants.map((p) => [p.id, p]));
  const nameOf = (id: string): string => {
    const p = byId.get(id);
    if (!p) return 'Unknown';
    return audience === 'observer' ? publicName(p) : p.displayName;
  };
  const checkedIn = new Map(facts.attendance.map((a) => [a.participantId, a]));
  // A seat whose invite nobody has used yet is nobody: not "not here", just not listed.
  // Narrow seats (a respondent, a leader) are never attendees (`listParticipants` leaves them out too).
  const seated = facts.participants.filter(
    (p): p is typeof p & { role: ParticipantRole } => isParticipantRole(p.role) && (p.joined || checkedIn.has(p.id)),
  );
  const attendees: Attendee[] = seated.map((p) => ({
    participantId: p.id,
    name: nameOf(p.id),
    role: p.role,
    checkedIn: checkedIn.has(p.id) && isPresent(checkedIn.get(p.id)!),
    checkedOut: checkedIn.get(p.id)?.checkedOut ?? false,
    online: facts.online.has(p.id),
    mutedUntil: p.mutedUntil !== null && p.mutedUntil > now ? p.mutedUntil : null,
    removed: checkedIn.get(p.id)?.removed ?? false,
  }));
  // The plenary's floor holds the hands in no group; each running group has its own.
  const floorOf = (groupId: string | null) => {
    const hands = facts.hands.filter((h) => h.groupId === groupId);
    const speaking = hands.find((h) => h.status === 'speaking');
    const queue = orderQueue(
      hands.filter((h) => h.status === 'waiting'),
      session.queueMode,
      facts.totals,
    ).map((h): HandView => ({
      id: h.id,
      participantId: h.participantId,
      name: nameOf(h.participantId),
      kind: h.kind,
      raisedAt: h.raisedAt.getTime(),
      raisedBy: h.raisedBy ? { participantId: h.raisedBy, name: nameOf(h.raisedBy) } : null,
    }));
    const turn: TurnView | null =
      speaking && speaking.calledAt
        ? {
            handId: speaking.id,
            participantId: speaking.participantId,
            name: nameOf(speaking.participantId),
            startedAt: speaking.calledAt.getTime(),
            endsAt: speaking.calledAt.getTime() + session.turnLimitSeconds * 1000,
          }
        : null;
    return { speaking, queue, turn };
  };
  const plenary = floorOf(null);
  return {
    id: session.id,
    title: session.title,
    status: session.status,
    queueMode: session.queueMode,
    turnLimitSeconds: session.turnLimitSeconds,
    agenda: facts.agenda,
    currentItemId: session.currentItemId,
    attendees,
    queue: plenary.queue,
    turn: plenary.turn,
    groups: facts.groups.map((g) => ({
      id: g.id,
      number: g.number,
      memberIds: g.memberIds,
      standardIds: g.standardIds,
      padDocId: padDocId(g.id),
      facilitatorIds: g.facilitatorIds,
      noteTakerIds: g.noteTakerIds,
      ended: g.ended,
      // Observers do not follow table discussions (who waits to speak at which table): kept within the assembly.
      floor: audience === 'observer' || g.ended ? null : (({ queue, turn }) => ({ queue, turn }))(floorOf(g.id)),
    })),
    announcements: facts.announcements,
    moderationLog: facts.moderation.map((m) => ({
      id: m.id,
      action: m.action,
      participantName: nameOf(m.participantId),
      reason: m.reason,
      // Observers never read free text about a named member.
      note: audience === 'observer' ? null : m.note,
      at: m.at.getTime(),
      // Public by design: the member wrote theirs to be read, the deciding moderator theirs to account for it.
      appeal: m.appeal,
    })),
    equity:
      audience === 'moderator'
        ? equity(
            facts,
            facts.hands.filter((h) => h.status === 'speaking'),
          )
        : null,
    groupRepeats: audience === 'moderator' ? groupRepeats(facts) : null,
  };
}

/** Who in the running groups shared a group before: recounted on every publish, so moves by hand show at once. */
function groupRepeats(facts: SessionFacts): GroupRepeats | null {
  const running = facts.groups.filter((g) => !g.ended);
  if (running.length === 0 || !facts.groupHistory) return null;
  const pairs = repeatPairs(
    running.map((g) => g.memberIds),
    facts.groupHistory,
  );
  return { count: pairs.length, pairs };
}

function equity(facts: SessionFacts, speaking: readonly HandRow[]): EquitySummary {
  const totals = new Map(facts.totals.map((t) => [t.participantId, t]));
  const members = facts.participants.filter((p) => p.role === 'member');
  const rows = members.map((p) => {
    const t = totals.get(p.id);
    // The turn under way counts as it goes, so the view is live without stored ticks.
    const turn = speaking.find((h) => h.participantId === p.id && h.calledAt);
    const live = turn?.calledAt ? facts.now - turn.calledAt.getTime() : 0;
    return {
      participantId: p.id,
      name: p.displayName,
      turnsThisSession: (t?.turnsThisSession ?? 0) + (live > 0 ? 1 : 0),
      spokenMsThisSession: (t?.spokenMsThisSession ?? 0) + live,
      turnsOverall: (t?.turnsOverall ?? 0) + (live > 0 ? 1 : 0),
      spokenMsOverall: (t?.spokenMsOverall ?? 0) + live,
    };
  });
  const present = new Set(facts.attendance.filter(isPresent).map((a) => a.participantId));
  const counted = rows.filter((r) => present.has(r.participantId));
  return {
    rows: rows.sort((a, b) => a.spokenMsThisSession - b.spokenMsThisSession),
    shareWhoSpoke: counted.length === 0 ? 0 : counted.filter((r) => r.turnsThisSession > 0).length / counted.length,
    gini: gini(counted.map((r) => r.spokenMsThisSession)),
    giniSeries: giniSeries(
      facts.turns,
      counted.map((r) => r.participantId),
    ),
  };
}
