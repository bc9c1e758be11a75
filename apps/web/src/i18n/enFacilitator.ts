/**
 * The facilitator's screen (their group's members, queue and pad, and the paper count): loaded
 * with that screen (`addEnglish` in `FacilitatorScreen.tsx`), not with every page. Part of the
 * `Messages` type like the rest of `en.ts`.
 */
export const enFacilitator = {
  facilitator: {
    heading: 'Your table',
    groupHeading: 'Group {{number}}',
    roomHeading: 'The room',
    roomHint: 'No small groups are running: you check members in and out at the door.',
    noGroup: 'Small groups are running, but you host none of them. Ask the moderator to move you to a group.',
    membersHeading: 'Members',
    noMembers: 'No members here yet.',
    present: 'in the room',
    checkedOut: 'left',
    absent: 'not checked in',
    checkIn: 'Check {{name}} in',
    checkOut: 'Check {{name}} out',
    raiseFor: 'Raise a hand for {{name}}',
    lowerFor: 'Lower {{name}}’s hand',
    queueHeading: 'Hands up in this group',
    queueEmpty: 'No hands are up.',
    raisedBy: 'raised by {{name}}',
    padHeading: 'The group’s notes',
    noteTakerHint: 'You take this group’s notes. Only members vote.',
    paperHeading: 'Paper ballots: {{question}}',
    paperHint:
      'Tick each member who votes on paper. They must be checked in, and then cannot vote online. When the paper ballots are counted, two facilitators each enter the totals.',
    paperVoters: 'Voting on paper: {{count}}',
    markPaper: '{{name}} votes on paper',
    paperMarked: '{{name}}: on paper',
    totalsLegend: 'Totals counted on paper',
    enterTotals: 'Enter these totals',
    statusOpen: 'No totals entered yet.',
    statusAwaiting: 'One count is entered. Another facilitator must count and enter the totals independently.',
    statusAwaitingMine:
      'You entered the first count. Another facilitator must count and enter the totals independently.',
    statusAgreed: 'Two counts agree: the paper ballots will be counted with the online ones.',
    mismatch:
      'The last two counts did not agree, so neither counts. Count the paper ballots again; then two facilitators enter them afresh.',
  },
};
