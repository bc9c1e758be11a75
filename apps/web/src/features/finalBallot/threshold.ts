import type { SupportThreshold } from '@moot/protocol';
import type { TFunction } from 'i18next';
import './strings.ts';
import { thresholdParts } from './view.ts';

/** The sentence the ballot shows before anyone votes: when a recommendation counts as supported. */
export function thresholdSentence(t: TFunction, threshold: SupportThreshold): string {
  const { percent, base } = thresholdParts(threshold);
  return t('finalBallot.threshold', { percent, base: t(`finalBallot.bases.${base}`) });
}
