import { thresholdSentence } from '../finalBallot/threshold.ts';
import type { VoteRules } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import type { ChoiceLabel } from './view.ts';
import { sharePercent } from './view.ts';
import { optionText, usePhraseWording } from '../../i18n/phrases.ts';

/** The words for one line of a vote: "Yes", "Agree with reservations", or the option's own text. */
export function useChoiceText(): (label: ChoiceLabel) => string {
  const { t } = useTranslation();
  const wording = usePhraseWording();
  return (label) => {
    switch (label.kind) {
      case 'yes_no':
        return t(`votes.choices.${label.choice}`);
      case 'consent':
        return t(`votes.consent.${label.choice}`);
      case 'option':
        return optionText(label.text, wording);
    }
  };
}

/** One plain sentence saying how a vote is decided. */
export function useRulesText(): (rules: VoteRules) => string {
  const { t } = useTranslation();
  return (rules) => {
    switch (rules.method) {
      case 'yes_no': {
        const { threshold } = rules;
        const bar =
          threshold.kind === 'share'
            ? t('votes.thresholds.share', { percent: sharePercent(threshold.share) })
            : t(`votes.thresholds.${threshold.kind}`);
        return t(rules.abstentionsCount ? 'votes.rulesYesNoAbstentions' : 'votes.rulesYesNo', { threshold: bar });
      }
      case 'consent':
        return t('votes.rulesConsent', { percent: sharePercent(rules.agreeShare) });
      case 'approval':
        return t('votes.rulesApproval');
      case 'ranked':
        return t('votes.rulesRanked');
      case 'support':
        return thresholdSentence(t, rules.threshold);
    }
  };
}
