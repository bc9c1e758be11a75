import type { GroupView, HandView, SessionState } from '@moot/protocol';
import { describe, expect, it } from 'vitest';
import { floorOf } from './groupFloor.ts';

const hand = (participantId: string): HandView => ({
  id: `h-${participantId}`,
  participantId,
  name: participantId,
  kind: 'new_point',
  raisedAt: 0,
  raisedBy: null,
});
const group = (n: number, memberIds: string[], queue: HandView[], ended = false): GroupView => ({
  id: `g${n}`,
  number: n,
  memberIds,
  standardIds: [],
  padDocId: `pad:g${n}`,
  facilitatorIds: [],
  noteTakerIds: [],
  ended,
  floor: ended ? null : { queue, turn: null },
});
const state = (groups: GroupView[], queue: HandView[] = []) =>
  ({ groups, queue, turn: null }) as unknown as SessionState;

describe('floorOf', () => {
  it('is my own group’s floor while groups run, never another group’s', () => {
    const s = state([group(1, ['a'], [hand('a')]), group(2, ['b'], [hand('b')])], [hand('old')]);
    expect(floorOf(s, 'b')).toMatchObject({ group: { id: 'g2' }, queue: [{ participantId: 'b' }] });
    expect(floorOf(s, 'a').queue.map((h) => h.participantId)).toEqual(['a']);
  });

  it('is the plenary’s when no groups run, or I am in none', () => {
    const s = state([group(1, ['a'], [], true)], [hand('p')]);
    expect(floorOf(s, 'a')).toMatchObject({ group: null, queue: [{ participantId: 'p' }] });
    const running = state([group(1, ['a'], [])], [hand('p')]);
    expect(floorOf(running, 'z').group).toBeNull();
  });
});
