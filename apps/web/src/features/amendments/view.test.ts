import { LIMITS } from '@moot/protocol';
import type { AmendmentView, DissentView } from '@moot/protocol';
import { describe, expect, it } from 'vitest';
import {
  byStandard,
  checkWording,
  hasSignedAmendment,
  hasSignedDissent,
  of,
  proposedAmendments,
  shownSuggestions,
} from './view.ts';

const amendment = (id: string, standardId: string, change: Partial<AmendmentView> = {}): AmendmentView => ({
  id,
  standardId,
  text: `Wording ${id}`,
  reason: '',
  proposer: 'Ada',
  cosigners: [],
  signerIds: ['ada-id'],
  status: 'proposed',
  voteId: null,
  suggestion: null,
  ...change,
});

describe('byStandard', () => {
  it('groups in the given order and gives an empty list for a standard without any', () => {
    const groups = byStandard([amendment('a', 's1'), amendment('b', 's2'), amendment('c', 's1')]);
    expect(of(groups, 's1').map((a) => a.id)).toEqual(['a', 'c']);
    expect(of(groups, 'none')).toEqual([]);
    expect(of(byStandard<AmendmentView>(undefined), 's1')).toEqual([]);
  });
});

describe('signing', () => {
  it('counts the proposer and co-signers of an amendment, and the signatories of a report, by id', () => {
    const a = amendment('a', 's', { cosigners: ['Grace'], signerIds: ['ada-id', 'grace-id'] });
    expect(hasSignedAmendment(a, 'ada-id')).toBe(true);
    expect(hasSignedAmendment(a, 'grace-id')).toBe(true);
    expect(hasSignedAmendment(a, 'alan-id')).toBe(false);
    const d: DissentView = { id: 'd', standardId: 's', text: 'No', signatories: ['Alan'], signerIds: ['alan-id'] };
    expect(hasSignedDissent(d, 'alan-id')).toBe(true);
    expect(hasSignedDissent(d, 'ada-id')).toBe(false);
  });

  it('tells apart two members who chose the same name', () => {
    const a = amendment('a', 's', { proposer: 'Sam', signerIds: ['sam-1'] });
    expect(hasSignedAmendment(a, 'sam-2')).toBe(false);
    const d: DissentView = { id: 'd', standardId: 's', text: 'No', signatories: ['Sam'], signerIds: ['sam-1'] };
    expect(hasSignedDissent(d, 'sam-2')).toBe(false);
  });
});

describe('checkWording', () => {
  it('trims, and refuses blank or too long wording', () => {
    expect(checkWording('  New text \n')).toEqual({ ok: true, text: 'New text' });
    expect(checkWording(' \n ')).toEqual({ ok: false, problem: 'empty' });
    expect(checkWording('x'.repeat(LIMITS.maxAmendmentLength + 1))).toEqual({ ok: false, problem: 'tooLong' });
  });
});

describe('proposedAmendments', () => {
  it('keeps only those waiting to be tabled', () => {
    const list = [amendment('a', 's'), amendment('b', 's', { status: 'tabled' }), amendment('c', 's')];
    expect(proposedAmendments(list).map((a) => a.id)).toEqual(['a', 'c']);
  });
});

describe('shownSuggestions', () => {
  it('draws open suggestions only, with their proposer and co-signers; whole-text amendments are not drawn', () => {
    const suggestion = {
      start: 'AAAA',
      end: 'BBBB',
      quote: 'truth',
      content: [{ type: 'text' as const, text: 'facts' }],
    };
    const shown = shownSuggestions([
      amendment('a', 's', { suggestion, cosigners: ['Bo'] }),
      amendment('b', 's', { suggestion, status: 'tabled' }),
      amendment('c', 's', { suggestion, status: 'adopted' }),
      amendment('d', 's', { suggestion, status: 'withdrawn' }),
      amendment('e', 's', { suggestion, status: 'stale' }),
      amendment('f', 's'),
    ]);
    expect(shown.map((s) => s.id)).toEqual(['a', 'b']);
    expect(shown[0]).toEqual({ ...suggestion, id: 'a', proposer: 'Ada', cosigners: ['Bo'] });
  });
});
