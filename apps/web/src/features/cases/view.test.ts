import { NO_BREACH_FOUND } from '@moot/protocol';
import type { StandardView } from '@moot/protocol';
import { describe, expect, it } from 'vitest';
import { aCase, aVote } from '../../../test/support/cases.ts';
import {
  caseChanges,
  caseOfItem,
  caseTimeline,
  casesInOrder,
  citedStandards,
  safeHref,
  votesOfCase,
  votesOutsideCases,
} from './view.ts';

const S1 = '11111111-1111-4111-8111-111111111111';

describe('the register, in order', () => {
  it('lists cases in progress first, each group by number', () => {
    const cases = [
      aCase({ id: 'a', number: 1, status: 'decided' }),
      aCase({ id: 'b', number: 2, status: 'hearing' }),
      aCase({ id: 'c', number: 3, status: 'dismissed' }),
      aCase({ id: 'd', number: 4, status: 'open' }),
    ];
    expect(casesInOrder(cases).map((c) => c.number)).toEqual([2, 4, 1, 3]);
  });

  it('shows consequence votes inside their case, latest first, and leaves them out of the general list', () => {
    const votes = [aVote('v1'), aVote('q', 'question'), aVote('v2')];
    const c = aCase({
      votes: [
        { voteId: 'v1', status: 'closed', explanation: 'No quorum', decided: false },
        { voteId: 'v2', status: 'open', explanation: null, decided: false },
        { voteId: 'unknown-yet', status: 'open', explanation: null, decided: false },
      ],
    });
    expect(votesOfCase(c, votes).map((v) => v.id)).toEqual(['v2', 'v1']);
    expect(votesOutsideCases(votes)?.map((v) => v.id)).toEqual(['q']);
    expect(votesOutsideCases(undefined)).toBeUndefined();
  });

  it('names the cited standards in citation order, null for one gone from the charter', () => {
    const standards = [{ id: S1, title: 'Honesty' }] as StandardView[];
    expect(citedStandards(aCase({ standardIds: ['gone', S1] }), standards)).toEqual([null, 'Honesty']);
  });

  it('links evidence only to http(s) addresses', () => {
    expect(safeHref('https://example.org/a b')).toBe('https://example.org/a%20b');
    expect(safeHref('http://example.org')).toBe('http://example.org/');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<b>x</b>')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
    expect(safeHref(null)).toBeNull();
  });
});

describe('the timeline of a case', () => {
  it('lists the steps taken, with when, and the closing step only once closed', () => {
    expect(caseTimeline(aCase({ openedAt: 1 }))).toEqual([{ step: 'opened', at: 1 }]);
    const dismissed = aCase({ openedAt: 1, hearingAt: 2, status: 'dismissed', closedAt: 3 });
    expect(caseTimeline(dismissed)).toEqual([
      { step: 'opened', at: 1 },
      { step: 'hearing', at: 2 },
      { step: 'dismissed', at: 3 },
    ]);
    const decided = aCase({ openedAt: 1, hearingAt: 2, deliberatingAt: 3, status: 'decided', closedAt: 4 });
    expect(caseTimeline(decided).map((s) => s.step)).toEqual(['opened', 'hearing', 'deliberating', 'decided']);
  });
});

describe('what is announced', () => {
  it('says nothing for the first list', () => {
    expect(caseChanges(undefined, [aCase()])).toEqual([]);
  });

  it('follows a case from opening to decision', () => {
    const opened = aCase({ number: 2 });
    expect(caseChanges([], [opened])).toEqual([{ type: 'opened', number: 2, role: 'Director of Housing' }]);
    const hearing = { ...opened, status: 'hearing' as const, reply: { text: 'I did not', recordedAt: 5 } };
    expect(caseChanges([opened], [hearing])).toEqual([
      { type: 'replied', number: 2 },
      { type: 'moved', number: 2, status: 'hearing' },
    ]);
    const replaced = { ...hearing, reply: { text: 'I did not, really', recordedAt: 6 } };
    expect(caseChanges([hearing], [replaced])).toEqual([{ type: 'replied', number: 2 }]);
    const deliberating = { ...replaced, status: 'deliberating' as const };
    expect(caseChanges([replaced], [deliberating])).toEqual([{ type: 'moved', number: 2, status: 'deliberating' }]);
    const voting = {
      ...deliberating,
      votes: [{ voteId: 'v1', status: 'open' as const, explanation: null, decided: false }],
    };
    expect(caseChanges([deliberating], [voting])).toEqual([{ type: 'voteOpened', number: 2 }]);
    const noQuorum = {
      ...voting,
      votes: [{ voteId: 'v1', status: 'closed' as const, explanation: 'No quorum: 1 of 2', decided: false }],
    };
    expect(caseChanges([voting], [noQuorum])).toEqual([
      { type: 'undecided', number: 2, explanation: 'No quorum: 1 of 2' },
    ]);
    const decided = {
      ...noQuorum,
      status: 'decided' as const,
      votes: [...noQuorum.votes, { voteId: 'v2', status: 'closed' as const, explanation: 'Won', decided: true }],
      decision: {
        voteId: 'v2',
        outcome: 'Formal warning',
        breachFound: true,
        reasoning: '',
        options: [NO_BREACH_FOUND, 'Formal warning'],
        result: {} as never,
        decidedAt: 9,
      },
    };
    expect(caseChanges([noQuorum], [decided])).toEqual([{ type: 'decided', number: 2, outcome: 'Formal warning' }]);
    expect(caseChanges([decided], [decided])).toEqual([]);
  });

  it('announces a dismissal with its reason', () => {
    const open = aCase();
    const dismissed = { ...open, status: 'dismissed' as const, dismissalReason: 'Withdrawn' };
    expect(caseChanges([open], [dismissed])).toEqual([{ type: 'dismissed', number: 1, reason: 'Withdrawn' }]);
  });
});

describe('the case an agenda item is about', () => {
  it('is named by number and role, or not at all', () => {
    const c = aCase({ number: 3, respondent: { role: 'Chief Planner', name: null } });
    expect(caseOfItem([c], c.id)).toEqual({ number: 3, role: 'Chief Planner' });
    expect(caseOfItem([c], null)).toBeNull();
    expect(caseOfItem([c], 'another')).toBeNull();
    expect(caseOfItem(undefined, c.id)).toBeNull();
  });
});
