/**
 * The sentences the server authors for people, in English, by code (`Phrase.key`): a tally's
 * explanation (`tally.*`, `VoteResult.because`), the question of a vote the server opened
 * (`question.*`, `questionPhrase`), the case option "No breach found" (`NO_BREACH_FOUND`), and how
 * the public record names people (`named.*`, `pseudonym`: "moderator Alex", "Member 4").
 * One table for both ends: the server words its English `explanation` and the Markdown downloads
 * from it, the web's `enWords.ts` takes it for pages. i18next-style: `{{name}}` is a parameter,
 * and a key may come as `_one`/`_other`… forms chosen by a `count` parameter (none does yet: the
 * tally picks its `…One` codes itself). Welsh: `wordsWelsh.ts`.
 * Plain data (no zod): pages load it with the code that words a phrase.
 */
export const WORDS_ENGLISH = {
  tally: {
    passed: 'Passed',
    failed: 'Failed',
    noQuorum:
      'No quorum: {{cast}} of {{needed}} needed ballots were cast ({{eligible}} eligible), so nothing is decided.',
    counted: 'counted',
    notCounted: 'not counted',
    yesNoRest: '{{no}} no, {{abstain}} abstaining ({{abstentions}})',
    yesNoEmpty: 'Failed: no votes to count ({{rest}}).',
    yesNoResult: '{{outcome}}: {{yes}} yes of {{counted}} counted ({{percent}}) is {{verdict}}; {{rest}}.',
    moreThanHalf: 'more than half',
    notMoreThanHalf: 'not more than half',
    atLeast: 'at least {{bar}}',
    lessThan: 'less than {{bar}}',
    twoThirds: 'two thirds',
    consentBlockedOne:
      'Failed: {{blocks}} block, and consent allows none ({{agreeing}} of {{counted}} agree, {{aside}} stood aside).',
    consentBlocked:
      'Failed: {{blocks}} blocks, and consent allows none ({{agreeing}} of {{counted}} agree, {{aside}} stood aside).',
    consentNone: 'Failed: no ballots were cast.',
    consentAllAside: 'Failed: all {{ballots}} ballots stood aside, so there is no agreement to count.',
    consentResult:
      '{{outcome}}: {{agreeing}} of {{counted}} agree ({{percent}}), {{verdict}}, with no block ({{aside}} stood aside).',
    fromBallotOne: 'from {{ballots}} ballot',
    fromBallots: 'from {{ballots}} ballots',
    approvalNone: 'No winner: no option was approved {{from}}.',
    approvalTie:
      'Tie between {{options}} with {{most}} approvals each {{from}}; ties are not broken, so the assembly votes again.',
    approvalWinsOne: '“{{option}}” wins with {{approvals}} approval {{from}}.',
    approvalWins: '“{{option}}” wins with {{approvals}} approvals {{from}}.',
    rankedNone: 'No winner: no ballots were cast.',
    rankedWins: '“{{option}}” wins in round {{round}} with {{votes}} of {{live}} votes ({{percent}}).',
    rankedWinsAfterOne:
      '“{{option}}” wins in round {{round}} with {{votes}} of {{live}} votes ({{percent}}) after {{eliminated}} was eliminated.',
    rankedWinsAfterSome:
      '“{{option}}” wins in round {{round}} with {{votes}} of {{live}} votes ({{percent}}) after {{eliminated}} were eliminated.',
    rankedWinsAfterMany:
      '“{{option}}” wins in round {{round}} with {{votes}} of {{live}} votes ({{percent}}) after {{count}} options were eliminated.',
    tieByRound:
      'Round {{round}} was tied for fewest votes between {{tied}}: “{{out}}” was eliminated, the one with fewer votes in round {{byRound}}, as the rules state.',
    tieLater:
      'Round {{round}} was tied for fewest votes between {{tied}}: “{{out}}” was eliminated, the later-listed of the tied options, as the rules state.',
    tieLaterEvery:
      'Round {{round}} was tied for fewest votes between {{tied}}: “{{out}}” was eliminated, the later-listed of the tied options, tied in every round so far, as the rules state.',
    supportResult:
      '{{supported}} of {{items}} recommendations supported: strongly agree and agree reached at least {{bar}} {{among}}.',
    ofAnswering: 'of those answering it',
    ofAllBallots: 'of all ballots',
    supportNoQuorum:
      'No quorum: {{cast}} of {{needed}} needed ballots were cast ({{eligible}} eligible), so no recommendation is supported.',
    countedSplitOne: 'Counted {{online}} online and {{paper}} paper ballot.',
    countedSplit: 'Counted {{online}} online and {{paper}} paper ballots.',
  },
  question: {
    adopt: 'Adopt “{{title}}”?',
    amend: 'Amend “{{title}}”?',
    consequence: 'Case {{number}} ({{role}}): what consequence?',
    finalBallot: 'Final ballot: {{count}} recommendations',
  },
  noBreachFound: 'No breach found',
  /** How the public record names a moderator or facilitator: by role and name (`namedInPublic`, the web's `names.ts`). */
  named: { moderator: 'moderator {{name}}', facilitator: 'facilitator {{name}}' },
  /** A member the public sees without their name (`pseudonym`). */
  pseudonym: 'Member {{seat}}',
} as const;

/** The shape every language's table has: the same codes, each a sentence. */
export type ServerWords = {
  readonly [K in keyof typeof WORDS_ENGLISH]: (typeof WORDS_ENGLISH)[K] extends string
    ? string
    : { readonly [P in keyof (typeof WORDS_ENGLISH)[K]]: string };
};
