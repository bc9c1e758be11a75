import type { AssemblySnapshot, StandardView } from '@moot/protocol';
import { PROTOCOL_VERSION, standardDocId } from '@moot/protocol';
import { describe, expect, it } from 'vitest';
import { roomReducer } from './roomState.ts';
import type { RoomState } from './roomState.ts';

const standard = (n: number, position: number, title = `Standard ${n}`): StandardView => {
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return { id, position, title, status: 'drafting', docId: standardDocId(id), ladder: [] };
};

const snapshot = (standards: StandardView[]): AssemblySnapshot => ({
  protocolVersion: PROTOCOL_VERSION,
  assembly: { id: 'a', title: 'Leaders', charge: 'What should we expect of leaders?' },
  standards,
  me: null,
  watchers: 3,
  serverTime: 0,
});

const titles = (state: RoomState | null) => state?.standards.map((s) => s.title);

describe('roomReducer', () => {
  it('ignores changes before the first snapshot', () => {
    expect(roomReducer(null, { type: 'watchers', count: 5 })).toBeNull();
    expect(roomReducer(null, { type: 'charter', standards: [standard(1, 0)] })).toBeNull();
  });

  it('keeps the programme the server sent, and keeps it across a reconnection’s snapshot', () => {
    const programme = { timeZone: 'Europe/London', currentId: null, sittings: [] };
    const state = roomReducer(null, { type: 'snapshot', snapshot: snapshot([]) });
    expect(state?.programme).toBeUndefined();
    const planned = roomReducer(state, { type: 'programme', programme });
    expect(planned?.programme).toBe(programme);
    expect(roomReducer(planned, { type: 'snapshot', snapshot: snapshot([]) })?.programme).toBe(programme);
  });

  it('keeps the charter in position order, whatever order the server lists it in', () => {
    const state = roomReducer(null, { type: 'snapshot', snapshot: snapshot([standard(2, 1), standard(1, 0)]) });
    expect(titles(state)).toEqual(['Standard 1', 'Standard 2']);
    const updated = roomReducer(state, {
      type: 'charter',
      standards: [standard(3, 2), standard(1, 1), standard(2, 0)],
    });
    expect(titles(updated)).toEqual(['Standard 2', 'Standard 1', 'Standard 3']);
    expect(updated?.watchers).toBe(3);
  });

  it('applies an ack and the matching broadcast in either order to the same result', () => {
    const start = roomReducer(null, { type: 'snapshot', snapshot: snapshot([standard(1, 0)]) });
    const added = standard(2, 1, 'Courage');
    const ackFirst = roomReducer(roomReducer(start, { type: 'standard', standard: added, added: true }), {
      type: 'charter',
      standards: [standard(1, 0), added],
    });
    const broadcastFirst = roomReducer(roomReducer(start, { type: 'charter', standards: [standard(1, 0), added] }), {
      type: 'standard',
      standard: added,
      added: true,
    });
    expect(titles(ackFirst)).toEqual(['Standard 1', 'Courage']);
    expect(broadcastFirst).toEqual(ackFirst);
  });

  it('does not resurrect a removed standard from a late retitle ack', () => {
    const start = roomReducer(null, { type: 'snapshot', snapshot: snapshot([standard(1, 0), standard(2, 1)]) });
    const removed = roomReducer(start, { type: 'removed', standardId: standard(2, 1).id });
    const late = roomReducer(removed, { type: 'standard', standard: standard(2, 1, 'Renamed'), added: false });
    expect(titles(late)).toEqual(['Standard 1']);
    const retitled = roomReducer(late, { type: 'standard', standard: standard(1, 0, 'Renamed'), added: false });
    expect(titles(retitled)).toEqual(['Renamed']);
  });
});
