import { LIMITS, voteRulesSchema } from '@moot/protocol';
import type { ReceiptMode, VoteMethod, VoteRulesInput } from '@moot/protocol';

/** The vote rules form as typed: shares in percent, options one per line. */
export interface RulesDraft {
  method: VoteMethod;
  threshold: 'simple' | 'two_thirds' | 'share';
  thresholdPercent: string;
  abstentionsCount: boolean;
  agreePercent: string;
  options: string;
  quorumPercent: string;
  /** Verifiable receipts, or none (no one can prove how they voted); the moderator picks per vote. */
  receipts: ReceiptMode;
}

export const DEFAULT_RULES: RulesDraft = {
  method: 'yes_no',
  threshold: 'simple',
  thresholdPercent: '60',
  abstentionsCount: false,
  agreePercent: '75',
  options: '',
  quorumPercent: '50',
  receipts: 'verifiable',
};

export type RulesProblem = 'thresholdPercent' | 'agreePercent' | 'quorumPercent' | 'options' | 'optionTooLong';

export type RulesCheck =
  { ok: true; rules: VoteRulesInput; quorumShare: number } | { ok: false; problem: RulesProblem };

/** A percentage typed by a person as a share: `min` < p ≤ 100 (quorum may be 0). Null if not one. */
export function shareFromPercent(text: string, allowZero = false): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  const percent = Number(trimmed);
  if (percent > 100 || percent < 0 || (!allowZero && percent === 0)) return null;
  // Written as a decimal of the percentage, so 66.7% is 0.667 exactly as typed.
  return Number((percent / 100).toFixed(6));
}

/** The options of an approval or ranked vote: one per line, blank lines dropped. */
export function optionLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** The rules a moderator means, checked by the protocol's own schema before anything is sent. */
export function rulesFromDraft(draft: RulesDraft): RulesCheck {
  const quorumShare = shareFromPercent(draft.quorumPercent, true);
  if (quorumShare === null) return { ok: false, problem: 'quorumPercent' };
  let rules: unknown;
  switch (draft.method) {
    case 'yes_no': {
      if (draft.threshold === 'share') {
        const share = shareFromPercent(draft.thresholdPercent);
        if (share === null) return { ok: false, problem: 'thresholdPercent' };
        rules = { method: 'yes_no', threshold: { kind: 'share', share }, abstentionsCount: draft.abstentionsCount };
      } else
        rules = { method: 'yes_no', threshold: { kind: draft.threshold }, abstentionsCount: draft.abstentionsCount };
      break;
    }
    case 'consent': {
      const agreeShare = shareFromPercent(draft.agreePercent);
      if (agreeShare === null) return { ok: false, problem: 'agreePercent' };
      rules = { method: 'consent', agreeShare };
      break;
    }
    case 'approval':
    case 'ranked': {
      const options = optionLines(draft.options);
      if (options.some((option) => option.length > LIMITS.maxTitleLength))
        return { ok: false, problem: 'optionTooLong' };
      if (options.length < 2 || options.length > LIMITS.maxVoteOptions) return { ok: false, problem: 'options' };
      rules = { method: draft.method, options };
      break;
    }
  }
  const parsed = voteRulesSchema.safeParse({ ...(rules as object), receipts: draft.receipts });
  if (!parsed.success) return { ok: false, problem: draft.method === 'consent' ? 'agreePercent' : 'options' };
  return { ok: true, rules: parsed.data, quorumShare };
}
