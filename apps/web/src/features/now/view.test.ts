import type { AgendaItemView, SessionState, StandardView, VoteView } from '@moot/protocol';
import { describe, expect, it } from 'vitest';
import { ballotOnNow, openVotes, standardsUnderDiscussion, voteHref, voteInHash } from './view.ts';

const standard = (id: string, position: number): StandardView => ({
  id,
  position,
  title: `Standard ${id}`,
  status: 'drafting',
  docId: `standard:${id}`,
  ladder: [],
});

const item = (over: Partial<AgendaItemView>): AgendaItemView => ({
  id: 'i1',
  position: 0,
  title: 'Item',
  kind: 'deliberate',
  plannedMinutes: 5,
  standardIds: [],
  caseId: null,
  status: 'running',
  endsAt: null,
  remainingMs: null,
  ...over,
});

const session = (current: AgendaItemView | null): SessionState =>
  ({
    id: 's',
    title: 'Session',
    status: 'live',
    agenda: current ? [current] : [],
    currentItemId: current?.id ?? null,
    attendees: [],
    queue: [],
    turn: null,
    groups: [],
    announcements: [],
    moderationLog: [],
  }) as unknown as SessionState;

const charter = [standard('c', 2), standard('a', 0), standard('b', 1)];

describe('the standards under discussion', () => {
  it('are the running item’s, in charter order, not the order they were ticked', () => {
    const now = standardsUnderDiscussion(session(item({ standardIds: ['c', 'a'] })), charter);
    expect(now.map((s) => s.id)).toEqual(['a', 'c']);
  });

  it('stay while the item is paused, and go when it is done or not started', () => {
    expect(standardsUnderDiscussion(session(item({ standardIds: ['b'], status: 'paused' })), charter)).toHaveLength(1);
    expect(standardsUnderDiscussion(session(item({ standardIds: ['b'], status: 'done' })), charter)).toEqual([]);
    expect(standardsUnderDiscussion(session(item({ standardIds: ['b'], status: 'pending' })), charter)).toEqual([]);
  });

  it('skip a standard no longer in the charter, and are empty without a session or an item', () => {
    expect(standardsUnderDiscussion(session(item({ standardIds: ['gone', 'b'] })), charter).map((s) => s.id)).toEqual([
      'b',
    ]);
    expect(standardsUnderDiscussion(session(null), charter)).toEqual([]);
    expect(standardsUnderDiscussion(null, charter)).toEqual([]);
    expect(standardsUnderDiscussion(undefined, charter)).toEqual([]);
  });
});

describe('open votes on the now screen', () => {
  const vote = (id: string, status: 'open' | 'closed', openedAt: number) =>
    ({ id, status, openedAt }) as unknown as VoteView;

  it('lists only open votes, oldest first', () => {
    expect(openVotes([vote('b', 'open', 5), vote('x', 'closed', 1), vote('a', 'open', 2)]).map((v) => v.id)).toEqual([
      'a',
      'b',
    ]);
    expect(openVotes(undefined)).toEqual([]);
  });

  it('links to a vote (in its case for a consequence) by a fragment the section reads back', () => {
    const id = '0b7c8a52-3f1e-4b8e-9a8e-2f1d3c4b5a69';
    expect(voteHref({ id, subject: 'question' })).toBe(`/assembly/votes#vote-${id}`);
    expect(voteHref({ id, subject: 'consequence' })).toBe(`/assembly/cases#vote-${id}`);
    expect(voteInHash(`#vote-${id}`)).toBe(id);
    expect(voteInHash('#something')).toBeNull();
    expect(voteInHash('')).toBeNull();
  });

  it('carries the ballot itself only for a yes/no vote; the others link to their own room', () => {
    const rules = (method: string) => ({ rules: { method } }) as unknown as VoteView;
    expect(ballotOnNow(rules('yes_no'))).toBe(true);
    for (const method of ['consent', 'ranked', 'approval', 'support']) expect(ballotOnNow(rules(method))).toBe(false);
  });
});
