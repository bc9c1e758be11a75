/**
 * A small group's own speaking queue (the facilitator's screen, the member's Now, the console)
 * and the paper count of approval and ranked votes: registered with `addEnglish` where they are
 * shown. Welsh: `cyGroupFloor.ts`.
 */
export const enGroupFloor = {
  groupFloor: {
    heading: 'The group’s floor',
    callNext: 'Call the next speaker',
    call: 'Call {{name}}',
    endTurn: 'End this turn',
    myQueue: 'Group {{number}}’s queue',
    memberHint:
      'While small groups run, your hand goes in your group’s queue, and your facilitator calls the speakers.',
    consoleSpeaking: 'Speaking: {{name}}',
    consoleWaiting: 'Hands up: {{count}}',
    private: 'Table discussions are private: the public sees the groups, not who speaks in them.',
    ballotsLegend: 'The paper ballots as counted',
    ballotsHintApproval:
      'For each different paper ballot, tick the options it approves and say how many paper ballots read exactly so.',
    ballotsHintRanked:
      'For each different paper ballot, choose its preferences in order and say how many paper ballots read exactly so. Whole rankings are needed: when an option is eliminated, its ballots move to their next preference.',
    ballotLine: 'Paper ballot {{n}}',
    preference: 'Preference {{n}}',
    noPreference: 'No further preference',
    count: 'How many read so',
    addLine: 'Add a different ballot',
    removeLine: 'Remove paper ballot {{n}}',
    enterBallots: 'Enter these ballots',
  },
};
