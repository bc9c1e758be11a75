import { describe, expect, it } from 'vitest';
import { EVIDENCE_LIMITS, type EvidenceState, type ProgrammeState, type QuestionView } from '@moot/protocol';
import { agendaChoices, citersOf, parseLinks, questionsLeft, questionsOf, toggledCitation } from './view.ts';

const q = (id: string, over: Partial<QuestionView> = {}): QuestionView => ({
  id,
  itemId: 'talk',
  author: 'Ada',
  text: id,
  supports: 0,
  askedAt: null,
  answer: null,
  answeredAt: null,
  hidden: null,
  ...over,
});

describe('the evidence screens', () => {
  it('orders a session’s questions: waiting by support (ties in arrival order), hidden last, then asked in asking order', () => {
    const list = [
      q('asked second', { askedAt: 20, supports: 9 }),
      q('few', { supports: 1 }),
      q('hidden', { supports: 5, hidden: 'off_topic', text: null }),
      q('many', { supports: 4 }),
      q('other session', { itemId: 'another', supports: 99 }),
      q('also few', { supports: 1 }),
      q('asked first', { askedAt: 10 }),
    ];
    expect(questionsOf(list, 'talk').map((x) => x.id)).toEqual([
      'many',
      'few',
      'also few',
      'hidden',
      'asked first',
      'asked second',
    ]);
  });

  it('counts down the questions a member has left, never below none', () => {
    expect(questionsLeft(0)).toBe(EVIDENCE_LIMITS.maxQuestionsPerMemberPerSession);
    expect(questionsLeft(EVIDENCE_LIMITS.maxQuestionsPerMemberPerSession + 2)).toBe(0);
  });

  it('keeps only http(s) links from the form and reports the rest', () => {
    expect(parseLinks('https://example.org/a\n\n  javascript:alert(1)\nhttp://x.org\nwww.example.org\n')).toEqual({
      links: ['https://example.org/a', 'http://x.org'],
      bad: ['javascript:alert(1)', 'www.example.org'],
    });
  });

  it('finds what cites an entry, and adds or removes one entry from a citation list', () => {
    const state: EvidenceState = {
      entries: [],
      sessions: [],
      questions: [],
      citations: { standards: { s1: ['e1', 'e2'], s2: ['e2'] }, cases: { c1: ['e1'] } },
    };
    expect(citersOf(state, 'e1')).toEqual({ standards: ['s1'], cases: ['c1'] });
    expect(citersOf(state, 'e3')).toEqual({ standards: [], cases: [] });
    expect(toggledCitation(['e1'], 'e2')).toEqual(['e1', 'e2']);
    expect(toggledCitation(['e1', 'e2'], 'e1')).toEqual(['e2']);
    expect(toggledCitation(undefined, 'e1')).toEqual(['e1']);
  });

  it('offers agenda items not done, of sittings neither ended nor cancelled', () => {
    const item = (id: string, status: 'pending' | 'done') => ({
      id,
      title: id,
      kind: 'learn' as const,
      plannedMinutes: 30,
      status,
    });
    const sitting = (id: string, over: object, agenda: ReturnType<typeof item>[]) => ({
      id,
      title: id,
      status: 'planned' as const,
      cancelled: false,
      startsAt: null,
      endsAt: null,
      place: null,
      agenda,
      ...over,
    });
    const programme: ProgrammeState = {
      timeZone: 'Europe/London',
      currentId: null,
      sittings: [
        sitting('first', {}, [item('talk', 'pending'), item('over', 'done')]),
        sitting('called off', { cancelled: true }, [item('never', 'pending')]),
        sitting('past', { status: 'ended' }, [item('old', 'pending')]),
      ],
    };
    expect(agendaChoices(programme)).toEqual([{ itemId: 'talk', label: 'talk', sitting: 'first' }]);
    expect(agendaChoices(undefined)).toEqual([]);
  });
});
