import type { VoteCodes, VoteView } from '@moot/protocol';

/**
 * A vote's sentences as codes, for an export to carry beside the English it keeps (`question`,
 * `explanation`): the same codes the live `VoteView` carries, so the record's pages word them in
 * their reader's language as the live pages do. The Markdown exports read only the English.
 */
export const voteCodes = (vote: VoteView): Required<VoteCodes> => ({
  questionPhrase: vote.questionPhrase ?? null,
  because: vote.result?.because ?? null,
});
