import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/index.ts';
import { thresholdSentence } from './threshold.ts';
import { divergingSegments } from './view.ts';

describe('the final ballot as shown', () => {
  it('states the threshold and what it is measured against, as typed (no float noise)', () => {
    const t = i18n.getFixedT('en');
    expect(thresholdSentence(t, { share: 0.6, base: 'answering' })).toBe(
      'A recommendation is supported when “strongly agree” and “agree” together reach at least 60% of the ballots that answer it (“neither” is an answer; a recommendation left blank is not).',
    );
    expect(thresholdSentence(t, { share: 0.667, base: 'ballots' })).toMatch(
      /at least 66\.7% of all ballots cast, including those that leave it blank\.$/,
    );
  });

  it('puts disagreement left of the centre line, agreement right, and splits neither across it', () => {
    const s = divergingSegments([2, 2, 2, 3, 1]); // 10 answers
    expect(s).toEqual({
      neither_left: -10,
      neither_right: 10,
      disagree: -30,
      agree: 20,
      strongly_disagree: -10,
      strongly_agree: 20,
    });
    const left = s.neither_left + s.disagree + s.strongly_disagree;
    const right = s.neither_right + s.agree + s.strongly_agree;
    expect(right - left).toBeCloseTo(100);
    expect(Object.values(divergingSegments([0, 0, 0, 0, 0])).every((v) => v === 0)).toBe(true);
  });
});
