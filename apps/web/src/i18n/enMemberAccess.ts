/**
 * Who reaches members' records: the link from an organiser's assembly to its members page
 * (loaded with the organisers' chunk) and the access needs a facilitator sees for the members at
 * their table (loaded with the facilitator's screen). Welsh: `cyMemberAccess.ts`.
 */
export const enMemberAccess = {
  organiserMembers: {
    heading: 'Members',
    open: 'Members from the civic lottery',
    hint: 'Import the selection tool’s file, record access needs, print invite cards and see who is missing.',
    back: 'Back to {{title}}',
  },
  tableNeeds: {
    heading: 'Access needs',
    intro: 'Recorded with each member’s consent: needs, not diagnoses.',
    none: 'No access needs are recorded for the members you steer.',
    needsOf: '{{name}}: {{needs}}',
    kinds: {
      captions: 'Captions',
      screen_reader: 'Screen reader',
      large_text: 'Large text',
      welsh: 'Welsh',
      bsl_interpreter: 'BSL interpreter',
      step_free_room: 'Step-free room',
      device_or_data: 'A device or data to join online',
    },
  },
};
