/**
 * The consensus map beside each standard: loaded with its own chunk (`addEnglish` in
 * `ConsensusPanel.tsx`). Welsh: `cyConsensus.ts`.
 */
export const enConsensus = {
  consensus: {
    heading: 'How members see each paragraph',
    explain:
      'Members mark each paragraph agree, disagree or pass. Opinion groups are found from the marks; a paragraph every group agrees with ranks highest. Individual marks are private: only these totals are shown.',
    nothingYet: 'No paragraph has been marked yet.',
    members_one: '{{count}} member has marked, in {{groups}} opinion group(s).',
    members_other: '{{count}} members have marked, in {{groups}} opinion group(s).',
    stripLabel: 'Heat strip of the paragraphs (the table below says the same in words)',
    table: 'Marks on each paragraph of “{{title}}”',
    paragraph: 'Paragraph',
    reading: 'Reading',
    agree: 'Agree',
    disagree: 'Disagree',
    pass: 'Pass',
    bridging: 'Across groups',
    bridgingValue: '{{percent}}%',
    earlier_one: '{{count}} mark on an earlier wording',
    earlier_other: '{{count}} marks on an earlier wording',
    readings: {
      too_few: 'Too few marks',
      agreement: 'Agreement',
      division: 'Groups divided',
      disagreement: 'Disagreement',
      mixed: 'Mixed',
    },
    groupsBreakdown: 'Group {{group}}: {{agree}} agree, {{disagree}} disagree, {{pass}} pass',
    yourMark: 'Your mark',
    markLabel: 'Your mark on “{{opening}}”',
    marks: { agree: 'Agree', disagree: 'Disagree', pass: 'Pass' },
    withdraw: 'Withdraw',
    earlierWording: 'You marked an earlier wording: mark it again as it reads now.',
    divisiveFirst: 'Most divisive first',
    divisiveHint: 'Paragraphs where opinion groups differ most, worth putting on the agenda.',
  },
} as const;
