import type { AgendaItemView, Attendee, SessionState } from '@moot/protocol';
import { describe, expect, it } from 'vitest';
import { endedGroups, isMuted, myGroup, presenceOf, sessionChanges, standardsDiscussedNow } from './view.ts';

const attendee = (over: Partial<Attendee>): Attendee => ({
  participantId: 'p1',
  name: 'Ada',
  role: 'member',
  checkedIn: false,
  checkedOut: false,
  online: false,
  mutedUntil: null,
  removed: false,
  ...over,
});

const item = (id: string, over: Partial<AgendaItemView> = {}): AgendaItemView => ({
  id,
  position: 0,
  title: `Item ${id}`,
  kind: 'deliberate',
  plannedMinutes: 5,
  standardIds: [],
  caseId: null,
  status: 'pending',
  endsAt: null,
  remainingMs: null,
  ...over,
});

const state = (over: Partial<SessionState> = {}): SessionState => ({
  version: 'e.1',
  id: 's',
  title: 'Session 1',
  status: 'live',
  queueMode: 'fifo',
  turnLimitSeconds: 180,
  agenda: [],
  currentItemId: null,
  attendees: [],
  queue: [],
  turn: null,
  groups: [],
  announcements: [],
  moderationLog: [],
  equity: null,
  groupRepeats: null,
  ...over,
});

const hand = (participantId: string, name: string) => ({
  id: `h-${participantId}`,
  participantId,
  name,
  raisedBy: null,
  kind: 'new_point' as const,
  raisedAt: 0,
});

describe('presence', () => {
  it('tells present, away, absent and removed apart', () => {
    expect(presenceOf(attendee({ checkedIn: true, online: true }))).toBe('present');
    expect(presenceOf(attendee({ checkedIn: true, online: false }))).toBe('away');
    expect(presenceOf(attendee({ checkedIn: false, online: true }))).toBe('absent');
    expect(presenceOf(attendee({ checkedIn: true, online: true, removed: true }))).toBe('removed');
  });

  it('is muted only until the mute ends, by the server clock', () => {
    expect(isMuted(attendee({ mutedUntil: 1000 }), 999)).toBe(true);
    expect(isMuted(attendee({ mutedUntil: 1000 }), 1000)).toBe(false);
    expect(isMuted(attendee({}), 0)).toBe(false);
    expect(isMuted(undefined, 0)).toBe(false);
  });
});

describe('standardsDiscussedNow', () => {
  it('highlights the current item’s standards while it runs or is paused, not when done', () => {
    const s = (status: AgendaItemView['status']) =>
      state({ agenda: [item('a', { status, standardIds: ['x', 'y'] })], currentItemId: 'a' });
    expect([...standardsDiscussedNow(s('running'))]).toEqual(['x', 'y']);
    expect([...standardsDiscussedNow(s('paused'))]).toEqual(['x', 'y']);
    expect(standardsDiscussedNow(s('done')).size).toBe(0);
    expect(standardsDiscussedNow(null).size).toBe(0);
  });
});

describe('groups', () => {
  const group = (n: number, memberIds: string[], ended: boolean) => ({
    id: `g${n}`,
    number: n,
    memberIds,
    standardIds: [],
    padDocId: `pad:g${n}`,
    facilitatorIds: [],
    noteTakerIds: [],
    ended,
    floor: null,
  });

  it('finds my group only while groups run', () => {
    expect(myGroup(state({ groups: [group(1, ['a'], false), group(2, ['b'], false)] }), 'b')?.id).toBe('g2');
    expect(myGroup(state({ groups: [group(1, ['a'], true), group(2, ['b'], true)] }), 'b')).toBeUndefined();
  });

  it('shows notes in the plenary only once every group has ended, in group order', () => {
    expect(endedGroups(state({ groups: [group(1, [], true), group(2, [], false)] }))).toEqual([]);
    expect(endedGroups(state({ groups: [group(2, [], true), group(1, [], true)] })).map((g) => g.number)).toEqual([
      1, 2,
    ]);
  });
});

describe('sessionChanges', () => {
  it('announces nothing for the first state', () => {
    expect(sessionChanges(undefined, state({ turn: null }), 'me')).toEqual([]);
  });

  it('announces an item that starts, a new speaker, being next, and new announcements', () => {
    const before = state({ agenda: [item('a')], queue: [hand('x', 'Grace'), hand('me', 'Ada')] });
    const after = state({
      agenda: [item('a', { status: 'running', endsAt: 1 })],
      currentItemId: 'a',
      queue: [hand('me', 'Ada')],
      turn: { handId: 'h-x', participantId: 'x', name: 'Grace', startedAt: 0, endsAt: 1 },
      announcements: [{ id: 'n1', text: 'Break at 3', postedAt: 0 }],
    });
    expect(sessionChanges(before, after, 'me')).toEqual([
      { type: 'itemStarted', title: 'Item a' },
      { type: 'nowSpeaking', name: 'Grace', isMe: false },
      { type: 'youAreNext' },
      { type: 'announcement', text: 'Break at 3' },
    ]);
    // The same state again (a broadcast after an unrelated change) says nothing new.
    expect(sessionChanges(after, after, 'me')).toEqual([]);
  });

  it('says the session ended, replacing the last message, and says it once', () => {
    const live = state({
      status: 'live',
      turn: { handId: 'h', participantId: 'p', name: 'Ada', startedAt: 0, endsAt: 1 },
    });
    const ended = state({ status: 'ended', turn: null });
    expect(sessionChanges(live, ended, 'me')).toEqual([{ type: 'sessionEnded' }]);
    expect(sessionChanges(ended, ended, 'me')).toEqual([]);
  });

  it('does not re-announce an item resumed after a pause', () => {
    const paused = state({ agenda: [item('a', { status: 'paused', remainingMs: 5 })], currentItemId: 'a' });
    const resumed = state({ agenda: [item('a', { status: 'running', endsAt: 9 })], currentItemId: 'a' });
    expect(sessionChanges(paused, resumed, null)).toEqual([]);
  });
});
