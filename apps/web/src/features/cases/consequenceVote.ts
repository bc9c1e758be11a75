import type { OpenCaseVote, ReceiptMode } from '@moot/protocol';
import { DEFAULT_RULES, shareFromPercent } from '../votes/rulesDraft.ts';

/** The consequence vote form as typed: quorum in percent, and the moderator's receipts choice. */
export interface ConsequenceVoteDraft {
  quorumPercent: string;
  receipts: ReceiptMode;
}

/** Defaults as for any other vote. */
export const DEFAULT_CONSEQUENCE_VOTE: ConsequenceVoteDraft = {
  quorumPercent: DEFAULT_RULES.quorumPercent,
  receipts: DEFAULT_RULES.receipts,
};

/** The `case:openVote` the moderator means, or null when the quorum is not a percentage. */
export function consequenceVoteFromDraft(caseId: string, draft: ConsequenceVoteDraft): Required<OpenCaseVote> | null {
  const quorumShare = shareFromPercent(draft.quorumPercent, true);
  if (quorumShare === null) return null;
  return { caseId, quorumShare, receipts: draft.receipts };
}
