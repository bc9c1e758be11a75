/**
 * The strings of the forms that open a vote (a vote, a tabled amendment, a breach case's
 * consequence vote): loaded with those forms (`addEnglish` in `RulesFields.tsx`,
 * `OpenVoteForm.tsx`, `CaseSteering.tsx`), not with every page — the watch page never opens a
 * vote. Part of the `Messages` type like the rest of `en.ts`.
 */
export const enVoteForm = {
  votes: {
    openHeading: 'Open a vote',
    subjectLabel: 'What is voted on',
    subjectAdopt: 'Adopting a locked standard',
    subjectQuestion: 'A free question',
    standardLabel: 'Standard to adopt',
    noLockedStandards: 'Lock a standard first: only a locked standard can be put to an adoption vote.',
    questionLabel: 'Question',
    methodLabel: 'Method',
    decisionMethodsOnly: 'A decision on a text is a yes/no or consent vote.',
    thresholdLabel: 'Threshold',
    thresholdShareOption: 'at least a share I set',
    thresholdPercentLabel: 'Share of yes needed (%)',
    abstentionsLabel: 'Count abstentions in the threshold',
    agreePercentLabel: 'Share agreeing needed (%)',
    optionsLabel: 'Options, one per line',
    optionsHint: 'Between 2 and {{max}} options, each up to {{length}} characters.',
    quorumLabel: 'Quorum (% of members checked in)',
    quorumHint: 'Counted from the members checked in when the vote opens. 0 means no quorum.',
    receiptsLabel: 'Receipts',
    receiptsVerifiable: 'Give each voter a receipt',
    receiptsVerifiableHint:
      'A voter can check that their ballot was counted. But a receipt also lets a voter show someone else how they voted, so they can be bought or pressured.',
    receiptsNone: 'No receipts',
    receiptsNoneHint:
      'Nobody can prove how they voted, so buying or pressuring votes cannot be checked. Voters cannot check their own ballot, and ballots take no reason.',
    receiptsRecast: 'Either way, a voter can change their ballot until the vote closes: only the last one counts.',
    openVote: 'Open vote',
    opening: 'Opening…',
    needsLiveSession: 'Votes are held in a live session. Start the session first.',
    problems: {
      question: 'Write the question first.',
      standard: 'Choose a locked standard.',
      thresholdPercent: 'Enter a share of yes between 0 and 100.',
      agreePercent: 'Enter a share agreeing between 0 and 100.',
      quorumPercent: 'Enter a quorum between 0 and 100.',
      options: 'Give between 2 and {{max}} options, one per line.',
      optionTooLong: 'An option is at most {{max}} characters.',
    },
  },
};
