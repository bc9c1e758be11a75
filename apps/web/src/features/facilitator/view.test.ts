import type { Attendee, GroupView, SessionState } from '@moot/protocol';
import { describe, expect, it } from 'vitest';
import { hostedGroup, paperChoicesOf, steeredMembers, steeredQueue } from './view.ts';

const member = (id: string): Attendee => ({
  participantId: id,
  name: id,
  role: 'member',
  checkedIn: true,
  checkedOut: false,
  online: true,
  mutedUntil: null,
  removed: false,
});
const group = (n: number, memberIds: string[], facilitatorIds: string[], ended = false): GroupView => ({
  id: `g${n}`,
  number: n,
  memberIds,
  standardIds: [],
  padDocId: `pad:g${n}`,
  facilitatorIds,
  noteTakerIds: [],
  ended,
  floor: ended
    ? null
    : {
        queue: memberIds.slice(0, 1).map((m) => ({
          id: `g${n}-${m}`,
          participantId: m,
          name: m,
          kind: 'new_point' as const,
          raisedAt: 3,
          raisedBy: null,
        })),
        turn: null,
      },
});
const state = (groups: GroupView[]): SessionState =>
  ({
    attendees: ['a', 'b', 'c'].map(member),
    groups,
    queue: [
      { id: 'h1', participantId: 'c', name: 'c', kind: 'new_point', raisedAt: 1, raisedBy: null },
      { id: 'h2', participantId: 'a', name: 'a', kind: 'new_point', raisedAt: 2, raisedBy: null },
    ],
  }) as unknown as SessionState;

describe('the facilitator’s table', () => {
  it('steers every member at the door while no groups run', () => {
    const s = state([]);
    expect(steeredMembers(s, hostedGroup(s, 'f')).map((m) => m.participantId)).toEqual(['a', 'b', 'c']);
  });

  it('steers only their own group while groups run, and nobody when they host none', () => {
    const s = state([group(1, ['a', 'b'], ['f']), group(2, ['c'], ['g'])]);
    expect(steeredMembers(s, hostedGroup(s, 'f')).map((m) => m.participantId)).toEqual(['a', 'b']);
    // While groups run, the queue steered is the hosted group's own, never the plenary's.
    expect(steeredQueue(s, steeredMembers(s, hostedGroup(s, 'f')), hostedGroup(s, 'f')).map((h) => h.id)).toEqual([
      'g1-a',
    ]);
    expect(steeredQueue(s, [], hostedGroup(s, 'nobody'))).toEqual([]);
    expect(steeredMembers(s, hostedGroup(s, 'nobody'))).toEqual([]);
  });

  it('totals yes/no and consent votes on paper; approval and ranked go ballot by ballot', () => {
    expect(paperChoicesOf({ method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false })).toEqual([
      'yes',
      'no',
      'abstain',
    ]);
    expect(paperChoicesOf({ method: 'ranked', options: ['x', 'y'] })).toBeNull();
  });
});
