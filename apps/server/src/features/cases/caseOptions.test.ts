import { LIMITS, NO_BREACH_FOUND } from '@moot/protocol';
import { describe, expect, it } from 'vitest';
import { consequenceOptions, optionsProblem } from './caseOptions.ts';

describe('the options of a consequence vote', () => {
  it('lists "No breach found" first, then each ladder in citation order, each step once', () => {
    expect(
      consequenceOptions([
        ['Advice', 'Public apology', 'Formal warning'],
        ['  public   APOLOGY ', 'Training', 'Advice'],
        ['no breach found', 'Referral'],
      ]),
    ).toEqual([NO_BREACH_FOUND, 'Advice', 'Public apology', 'Formal warning', 'Training', 'Referral']);
  });

  it('refuses a vote with nothing to choose or more options than a vote holds', () => {
    expect(optionsProblem(consequenceOptions([[], []]))).toMatch(/no consequence ladder/);
    expect(optionsProblem(consequenceOptions([['Advice']]))).toBeNull();
    const many = Array.from({ length: LIMITS.maxVoteOptions }, (_, i) => `Step ${i}`);
    expect(optionsProblem(consequenceOptions([many]))).toMatch(/at most 20/);
    expect(optionsProblem(consequenceOptions([many.slice(1)]))).toBeNull();
  });
});
