/**
 * Quorum while a vote is open, and a vote's deadline (`features/votes/QuorumState.tsx`, the
 * deadline field of `OpenVoteForm.tsx`), with the words for the server's refusals
 * (`reasons.vote`). Loaded with the vote card (`addEnglish`); part of the `Messages` type.
 */
export const enQuorum = {
  quorum: {
    paused: 'Paused: quorum lost ({{present}} of {{needed}} present)',
    pausedExplain_one:
      'At least {{count}} member must be present for this vote. Ballots wait until enough are back, or until the moderator continues with those present.',
    pausedExplain_other:
      'At least {{count}} members must be present for this vote. Ballots wait until enough are back, or until the moderator continues with those present.',
    continue: 'Continue with the {{count}} present',
    continueLabel_one: 'Continue “{{question}}” with the {{count}} member present',
    continueLabel_other: 'Continue “{{question}}” with the {{count}} members present',
    continueHint: 'This overrides the quorum for this vote. The public record shows it, with how many were present.',
    continued_one: 'The moderator continued this vote with {{count}} member present ({{needed}} needed for quorum).',
    continued_other: 'The moderator continued this vote with {{count}} members present ({{needed}} needed for quorum).',
    closesIn: 'Closes by itself in {{time}}',
    closing: 'The deadline has passed: the vote is closing.',
    deadlineLabel: 'Close by itself after (minutes)',
    deadlineHint:
      'Optional. Leave it empty to close the vote yourself. A pause for lost quorum does not move the deadline.',
    deadlineProblem: 'Give a whole number of minutes from 1 to {{max}}, or leave it empty.',
  },
  reasons: {
    vote: {
      quorumLost:
        'This vote is paused: quorum lost ({{present}} of {{needed}} present). Cast it again when the vote resumes.',
      deadlinePassed: 'This vote’s deadline has passed.',
      notPaused: 'This vote is not paused, so there is nothing to continue.',
    },
  },
};
