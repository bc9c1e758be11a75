/**
 * The final ballot (issue 15 §2): the ballot, its saved draft, its results and the paper count.
 * Loaded with the votes' code (`addEnglish` in `features/finalBallot/strings.ts`). Welsh: `cyFinalBallot.ts`.
 */
export const enFinalBallot = {
  finalBallot: {
    heading: 'Final ballot: {{count}} recommendations',
    threshold:
      'A recommendation is supported when “strongly agree” and “agree” together reach at least {{percent}}% {{base}}.',
    bases: {
      answering: 'of the ballots that answer it (“neither” is an answer; a recommendation left blank is not)',
      ballots: 'of all ballots cast, including those that leave it blank',
    },
    noQuorumRule: 'If fewer than {{quorum}} ballots are cast, nothing is supported.',
    scale: {
      strongly_agree: 'Strongly agree',
      agree: 'Agree',
      neither: 'Neither',
      disagree: 'Disagree',
      strongly_disagree: 'Strongly disagree',
    },
    parts: { standard: 'Standard', ladder: 'Consequence ladder' },
    itemLegend: '{{number}}. {{part}}: {{title}}',
    noAnswer: 'No answer',
    progress: '{{answered}} of {{total}} answered',
    savedOnDevice:
      'Your answers are kept on this device as you go, so you can finish later in the sitting. Nothing is sent until you cast the ballot.',
    restored: 'Your unfinished ballot was restored from this device.',
    cast: 'Cast ballot',
    castAgain: 'Cast again (replaces your ballot)',
    blanksLeft_one: '{{count}} recommendation has no answer: it counts as left blank.',
    blanksLeft_other: '{{count}} recommendations have no answer: they count as left blank.',
    yourBallot: 'Your ballot answers {{answered}} of {{total}} recommendations.',
    resultHeading: 'Results',
    summary: '{{supported}} of {{total}} recommendations supported',
    noQuorum: 'No quorum: nothing is supported',
    supported: 'Supported',
    notSupported: 'Not supported',
    supportShare: '{{supporting}} of {{base}} ({{percent}}%)',
    chartCaption:
      'Answers per recommendation, as a share of those answering: disagreement to the left, agreement to the right',
    chartRow: '{{title}}: {{answers}}',
    chartLoading: 'Loading the chart…',
    legend: 'Key',
    tableCaption: 'Answers per recommendation (online and paper together)',
    columnRecommendation: 'Recommendation',
    columnAnswered: 'Answered',
    columnSupport: 'Support',
    columnOutcome: 'Outcome',
    ofPaper: '{{count}} on paper',
    publishedHeading_one: '{{count}} published ballot',
    publishedHeading_other: '{{count}} published ballots',
    publishedAnswers: 'Answers in ballot order (1 strongly agree … 5 strongly disagree, – blank)',
    paperHeading: 'Paper count: final ballot',
    paperHint:
      'Tick each member voting on paper, then count the paper ballots: for each recommendation, how many gave each answer. A second facilitator counts and enters them too; only matching totals count.',
    totalsLegend: 'Totals for “{{title}}”',
    enterTotals: 'Enter paper totals',
    openHeading: 'Open the final ballot',
    openHint:
      'One secret ballot over the recommendations: members answer each on the support scale. The threshold and quorum are fixed now and shown on the ballot.',
    itemsLegend: 'Recommendations on the ballot ({{count}} chosen)',
    sharePercent: 'Supported at (% strongly agree + agree)',
    baseLabel: 'Measured against',
    baseOptions: { answering: 'the ballots answering it', ballots: 'all ballots cast' },
    quorumPercent: 'Quorum (% of members present)',
    open: 'Open the final ballot',
    problemItems: 'Choose at least one recommendation.',
    problemShare: 'The threshold is a percentage above 0 and at most 100.',
    problemQuorum: 'The quorum is a percentage from 0 to 100.',
  },
} as const;
