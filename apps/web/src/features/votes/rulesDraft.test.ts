import { LIMITS } from '@moot/protocol';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, optionLines, rulesFromDraft, shareFromPercent } from './rulesDraft.ts';

describe('shareFromPercent', () => {
  it('reads percentages as typed, with a comma or a point', () => {
    expect(shareFromPercent('50')).toBe(0.5);
    expect(shareFromPercent(' 66.7 ')).toBe(0.667);
    expect(shareFromPercent('62,5')).toBe(0.625);
    expect(shareFromPercent('100')).toBe(1);
  });

  it('refuses what is not a share, and zero unless allowed', () => {
    for (const bad of ['', 'abc', '-5', '101', '1e2', '50%']) expect(shareFromPercent(bad)).toBeNull();
    expect(shareFromPercent('0')).toBeNull();
    expect(shareFromPercent('0', true)).toBe(0);
  });
});

describe('rulesFromDraft', () => {
  it('builds yes/no rules with each threshold and the abstention rule', () => {
    expect(rulesFromDraft(DEFAULT_RULES)).toEqual({
      ok: true,
      rules: { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false, receipts: 'verifiable' },
      quorumShare: 0.5,
    });
    expect(rulesFromDraft({ ...DEFAULT_RULES, threshold: 'two_thirds', abstentionsCount: true })).toMatchObject({
      rules: { threshold: { kind: 'two_thirds' }, abstentionsCount: true },
    });
    expect(rulesFromDraft({ ...DEFAULT_RULES, threshold: 'share', thresholdPercent: '60' })).toMatchObject({
      rules: { threshold: { kind: 'share', share: 0.6 } },
    });
    expect(rulesFromDraft({ ...DEFAULT_RULES, threshold: 'share', thresholdPercent: '0' })).toEqual({
      ok: false,
      problem: 'thresholdPercent',
    });
  });

  it('builds consent rules with the agreeing share', () => {
    expect(rulesFromDraft({ ...DEFAULT_RULES, method: 'consent', agreePercent: '80' })).toMatchObject({
      ok: true,
      rules: { method: 'consent', agreeShare: 0.8 },
    });
    expect(rulesFromDraft({ ...DEFAULT_RULES, method: 'consent', agreePercent: '' })).toEqual({
      ok: false,
      problem: 'agreePercent',
    });
  });

  it('builds approval and ranked rules from one option per line', () => {
    const options = '  Advice \n\nPublic apology\nFormal warning\n';
    expect(optionLines(options)).toEqual(['Advice', 'Public apology', 'Formal warning']);
    expect(rulesFromDraft({ ...DEFAULT_RULES, method: 'ranked', options })).toMatchObject({
      ok: true,
      rules: { method: 'ranked', options: ['Advice', 'Public apology', 'Formal warning'] },
    });
    expect(rulesFromDraft({ ...DEFAULT_RULES, method: 'approval', options: 'Only one' })).toEqual({
      ok: false,
      problem: 'options',
    });
    const tooMany = Array.from({ length: LIMITS.maxVoteOptions + 1 }, (_, i) => `Option ${i}`).join('\n');
    expect(rulesFromDraft({ ...DEFAULT_RULES, method: 'approval', options: tooMany })).toEqual({
      ok: false,
      problem: 'options',
    });
    const long = `a\n${'x'.repeat(LIMITS.maxTitleLength + 1)}`;
    expect(rulesFromDraft({ ...DEFAULT_RULES, method: 'ranked', options: long })).toEqual({
      ok: false,
      problem: 'optionTooLong',
    });
  });

  it('checks the quorum share, which may be zero', () => {
    expect(rulesFromDraft({ ...DEFAULT_RULES, quorumPercent: '0' })).toMatchObject({ ok: true, quorumShare: 0 });
    expect(rulesFromDraft({ ...DEFAULT_RULES, quorumPercent: '150' })).toEqual({ ok: false, problem: 'quorumPercent' });
  });

  it('carries the receipts choice into every kind of rules', () => {
    expect(rulesFromDraft({ ...DEFAULT_RULES, receipts: 'none' })).toMatchObject({ rules: { receipts: 'none' } });
    expect(rulesFromDraft({ ...DEFAULT_RULES, method: 'ranked', options: 'A\nB', receipts: 'none' })).toMatchObject({
      rules: { method: 'ranked', receipts: 'none' },
    });
  });
});
