/**
 * Present mode (`/present`), the room's projector: loaded with its own chunk (`addEnglish`).
 */
export const enPresent = {
  present: {
    title: 'Present mode',
    agenda: 'Agenda',
    noAgenda: 'No agenda yet.',
    noSession: 'No session is running.',
    current: 'Now',
    itemState: { pending: 'Next', running: 'Now', paused: 'Paused', done: 'Done' },
    speaker: 'Speaking',
    nobodySpeaking: 'Nobody has the floor',
    nextUp_one: '{{count}} hand raised',
    nextUp_other: '{{count}} hands raised',
    drafting: 'The text being drafted',
    nothingDrafted: 'No standard is under discussion.',
    standardHeading: 'Standard {{position}}: {{title}}',
    lastVote: 'Last vote',
    noVote: 'No vote has closed yet.',
    voteOpen: 'Voting is open: {{turnout}} of {{eligible}} have voted.',
    bar: '{{choice}}: {{count}} ({{percent}}%)',
    chartLabel: 'Results of “{{question}}”',
    forModerators:
      'Present mode is for the moderator (open it from the console) or for a room screen with the watch link’s key: /present#<watch key>.',
    exit: 'Leave present mode',
  },
} as const;
