import {
  SUPPORT_SCALE,
  type RecommendationResult,
  type SupportAnswer,
  type SupportThreshold,
  type VoteRules,
  type VoteView,
} from '@moot/protocol';

export type SupportRules = Extract<VoteRules, { method: 'support' }>;

export const isFinalBallot = (vote: VoteView): vote is VoteView & { rules: SupportRules } =>
  vote.rules.method === 'support';

/** The threshold as the ballot states it: a percentage typed as a share (0.6 → 60) and its base. */
export function thresholdParts(threshold: SupportThreshold): { percent: number; base: SupportThreshold['base'] } {
  return { percent: Number((threshold.share * 100).toPrecision(12)), base: threshold.base };
}

/** One row of the chart: each answer's share of the answers given, disagreement negative (to the left). */
export interface DivergingRow {
  key: string;
  label: string;
  /** Percent of the answers, signed: disagree and half of neither to the left, agree and the other half to the right. */
  segments: Record<DivergingKey, number>;
}

/** Stacking order outwards from the centre line on each side. */
export const DIVERGING_KEYS = [
  'neither_left',
  'neither_right',
  'disagree',
  'agree',
  'strongly_disagree',
  'strongly_agree',
] as const;
export type DivergingKey = (typeof DIVERGING_KEYS)[number];

/** The answer a chart segment shows (neither is split across the centre). */
export const answerOf = (key: DivergingKey): SupportAnswer =>
  key === 'neither_left' || key === 'neither_right' ? 'neither' : key;

export function divergingSegments(counts: readonly number[]): Record<DivergingKey, number> {
  const answered = counts.reduce((a, b) => a + b, 0);
  const share = (answer: SupportAnswer) =>
    answered === 0 ? 0 : ((counts[SUPPORT_SCALE.indexOf(answer)] ?? 0) / answered) * 100;
  return {
    neither_left: -share('neither') / 2,
    neither_right: share('neither') / 2,
    disagree: -share('disagree'),
    agree: share('agree'),
    strongly_disagree: -share('strongly_disagree'),
    strongly_agree: share('strongly_agree'),
  };
}

/** Each recommendation's title and result, in ballot order. */
export function recommendationRows(vote: VoteView & { rules: SupportRules }): {
  index: number;
  title: string;
  part: SupportRules['items'][number]['part'];
  result: RecommendationResult | null;
}[] {
  return vote.rules.items.map((item, index) => ({
    index,
    title: item.title,
    part: item.part,
    result: vote.result?.recommendations?.[index] ?? null,
  }));
}
