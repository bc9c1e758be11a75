import type { Attendee, GroupView, HandView, SessionState } from '@moot/protocol';
import { CONSENT_CHOICES, YES_NO_CHOICES, type VoteRules } from '@moot/protocol';

/** The running group this facilitator or note-taker hosts, if any. */
export function hostedGroup(state: SessionState | null, participantId: string): GroupView | undefined {
  return state?.groups.find(
    (g) => !g.ended && (g.facilitatorIds.includes(participantId) || g.noteTakerIds.includes(participantId)),
  );
}

/**
 * The members a facilitator steers: their group's while groups run (none if they host no group),
 * every member at the door otherwise. The server checks the same rule.
 */
export function steeredMembers(state: SessionState | null, group: GroupView | undefined): Attendee[] {
  if (!state) return [];
  const running = state.groups.some((g) => !g.ended);
  const members = state.attendees.filter((a) => a.role === 'member' && !a.removed);
  if (!running) return members;
  return group ? members.filter((a) => group.memberIds.includes(a.participantId)) : [];
}

/**
 * The hands up of the members steered, in queue order: while groups run, the hosted group's own
 * queue (none if they host no group); at the door, those of the plenary queue.
 */
export function steeredQueue(
  state: SessionState | null,
  members: readonly Attendee[],
  group?: GroupView,
): readonly HandView[] {
  if (state?.groups.some((g) => !g.ended)) return group?.floor?.queue ?? [];
  const ids = new Set(members.map((m) => m.participantId));
  return (state?.queue ?? []).filter((h) => ids.has(h.participantId));
}

/** The choices a paper count totals (yes/no and consent), or null for a vote counted ballot by ballot (approval, ranked). */
export function paperChoicesOf(rules: VoteRules): readonly string[] | null {
  if (rules.method === 'yes_no') return YES_NO_CHOICES;
  if (rules.method === 'consent') return CONSENT_CHOICES;
  return null;
}
