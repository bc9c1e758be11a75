import type { AgendaItemView, Attendee, GroupView, HandView, SessionState } from '@moot/protocol';

/** Present: checked in and connected. Away: checked in, no tab open. Absent: not checked in. */
export type Presence = 'present' | 'away' | 'absent' | 'removed';

export function presenceOf(attendee: Attendee): Presence {
  if (attendee.removed) return 'removed';
  if (!attendee.checkedIn) return 'absent';
  return attendee.online ? 'present' : 'away';
}

export function isMuted(attendee: Attendee | undefined, serverNow: number): boolean {
  return !!attendee && attendee.mutedUntil !== null && attendee.mutedUntil > serverNow;
}

export function currentItem(state: SessionState | null): AgendaItemView | null {
  if (!state?.currentItemId) return null;
  return state.agenda.find((item) => item.id === state.currentItemId) ?? null;
}

export function inAgendaOrder(agenda: readonly AgendaItemView[]): AgendaItemView[] {
  return [...agenda].sort((a, b) => a.position - b.position);
}

/** The standards the current agenda item concerns, while it runs or is paused. */
export function standardsDiscussedNow(state: SessionState | null): ReadonlySet<string> {
  const item = currentItem(state);
  if (!item || (item.status !== 'running' && item.status !== 'paused')) return new Set();
  return new Set(item.standardIds);
}

export function attendeeOf(state: SessionState | null, participantId: string): Attendee | undefined {
  return state?.attendees.find((a) => a.participantId === participantId);
}

export function myHand(state: SessionState | null, participantId: string): HandView | undefined {
  return state?.queue.find((hand) => hand.participantId === participantId);
}

/** Groups are running while any group of the current split has not ended. */
export function groupsRunning(state: SessionState | null): boolean {
  return !!state && state.groups.some((g) => !g.ended);
}

/** The member's own group while groups run. */
export function myGroup(state: SessionState | null, participantId: string): GroupView | undefined {
  return state?.groups.find((g) => !g.ended && g.memberIds.includes(participantId));
}

/** Groups whose notes belong in the plenary: all of them, once the split has ended. */
export function endedGroups(state: SessionState | null): GroupView[] {
  if (!state || state.groups.length === 0 || groupsRunning(state)) return [];
  return [...state.groups].sort((a, b) => a.number - b.number);
}

/** What a screen-reader user should hear about a change of session state. */
export type SessionChange =
  | { type: 'itemStarted'; title: string }
  | { type: 'nowSpeaking'; name: string; isMe: boolean }
  | { type: 'youAreNext' }
  | { type: 'announcement'; text: string }
  | { type: 'sessionEnded' };

/**
 * The changes worth announcing between two states. The first state (the snapshot on load) is
 * not announced, except nothing: it is what the page shows.
 */
export function sessionChanges(
  before: SessionState | null | undefined,
  after: SessionState | null,
  myId: string | null,
): SessionChange[] {
  if (before === undefined || !after) return [];
  // Ending replaces whatever was said last ("Ada is speaking"), which is no longer true.
  if (after.status === 'ended') return before?.status === 'ended' ? [] : [{ type: 'sessionEnded' }];
  const changes: SessionChange[] = [];
  const wasItem = currentItem(before);
  const item = currentItem(after);
  if (item && item.status === 'running' && (wasItem?.id !== item.id || wasItem.status === 'pending'))
    changes.push({ type: 'itemStarted', title: item.title });
  if (after.turn && after.turn.handId !== before?.turn?.handId)
    changes.push({ type: 'nowSpeaking', name: after.turn.name, isMe: after.turn.participantId === myId });
  const nextWas = before?.queue[0]?.participantId;
  const nextIs = after.queue[0]?.participantId;
  if (myId && nextIs === myId && nextWas !== myId) changes.push({ type: 'youAreNext' });
  const known = new Set(before?.announcements.map((a) => a.id));
  for (const a of after.announcements) if (!known.has(a.id)) changes.push({ type: 'announcement', text: a.text });
  return changes;
}
