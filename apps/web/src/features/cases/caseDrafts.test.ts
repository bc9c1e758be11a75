import { describe, expect, it } from 'vitest';
import { caseFromDraft, EMPTY_CASE, evidenceFromDraft } from './caseDrafts.ts';

const S1 = '11111111-1111-4111-8111-111111111111';
const S2 = '22222222-2222-4222-8222-222222222222';

describe('opening a case: the draft checked before it is sent', () => {
  const draft = {
    ...EMPTY_CASE,
    role: '  Director of Housing ',
    standardIds: [S1],
    summary: 'Misled the council',
  };

  it('sends trimmed text, no name or link when left empty, and drops blank evidence rows', () => {
    const checked = caseFromDraft({
      ...draft,
      evidence: [
        { description: ' ', link: '' },
        { description: 'Minutes', link: ' https://example.org/m ' },
        { description: 'Email', link: '' },
      ],
    });
    expect(checked).toEqual({
      ok: true,
      payload: {
        respondent: { role: 'Director of Housing', name: null },
        standardIds: [S1],
        summary: 'Misled the council',
        evidence: [
          { description: 'Minutes', link: 'https://example.org/m' },
          { description: 'Email', link: null },
        ],
      },
    });
  });

  it('points at the field that is wrong', () => {
    expect(caseFromDraft({ ...draft, role: ' ' })).toEqual({ ok: false, problem: { field: 'role' } });
    expect(caseFromDraft({ ...draft, name: 'x'.repeat(201) })).toEqual({ ok: false, problem: { field: 'name' } });
    expect(caseFromDraft({ ...draft, standardIds: [] })).toEqual({ ok: false, problem: { field: 'standards' } });
    expect(caseFromDraft({ ...draft, standardIds: [S1, S1] })).toEqual({ ok: false, problem: { field: 'standards' } });
    expect(caseFromDraft({ ...draft, summary: '' })).toEqual({ ok: false, problem: { field: 'summary' } });
    expect(caseFromDraft({ ...draft, standardIds: [S1, S2] }).ok).toBe(true);
  });

  it('names the evidence row as typed, counting blank rows', () => {
    const evidence = [
      { description: '', link: '' },
      { description: 'Minutes', link: 'javascript:alert(1)' },
    ];
    expect(caseFromDraft({ ...draft, evidence })).toEqual({
      ok: false,
      problem: { field: 'evidenceLink', index: 1 },
    });
    expect(caseFromDraft({ ...draft, evidence: [{ description: '', link: 'https://example.org' }] })).toEqual({
      ok: false,
      problem: { field: 'evidenceDescription', index: 0 },
    });
  });
});

describe('evidence added after opening', () => {
  it('trims, takes an empty link as none, and points at the field that is wrong', () => {
    expect(evidenceFromDraft('  Minutes  ', '  ')).toEqual({
      ok: true,
      evidence: { description: 'Minutes', link: null },
    });
    expect(evidenceFromDraft('Minutes', 'https://example.org/m')).toEqual({
      ok: true,
      evidence: { description: 'Minutes', link: 'https://example.org/m' },
    });
    expect(evidenceFromDraft('   ', 'https://example.org/m')).toEqual({ ok: false, field: 'description' });
    expect(evidenceFromDraft('Minutes', 'javascript:alert(1)')).toEqual({ ok: false, field: 'link' });
    expect(evidenceFromDraft('Minutes', 'example.org')).toEqual({ ok: false, field: 'link' });
  });
});
