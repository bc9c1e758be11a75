/**
 * The member's screen (`/assembly` and its sections): the compact header, the sections' bar and
 * the "now" view. Loaded with the assembly page's chunk (`addEnglish`), not with every page.
 */
export const enMember = {
  member: {
    menu: 'Menu',
    menuLabel: 'Menu: your name, language, sign out',
    sections: 'Sections',
    openVotes_one: '({{count}} open)',
    openVotes_other: '({{count}} open)',
    tabs: {
      now: 'Now',
      charter: 'Charter',
      evidence: 'Evidence',
      votes: 'Votes',
      cases: 'Cases',
      comments: 'Comments',
      record: 'Record',
    },
    now: {
      heading: 'Now',
      noSession: 'No session is running.',
      sessionStatus: 'Session: {{status}}',
      item: 'Agenda item',
      speaker: 'Speaking',
      nobodySpeaking: 'Nobody has the floor.',
      queue: 'Your place',
      notInQueue: 'Your hand is down.',
      yourPlace: 'You are number {{place}} in the queue ({{kind}}).',
      queueLength_one: '{{count}} hand raised.',
      queueLength_other: '{{count}} hands raised.',
      openVote: 'Vote open: {{question}}',
      goVote: 'Vote now',
      seeVote: 'See the vote',
      voted: 'You have voted.',
      discussing: 'Under discussion',
      nothingDiscussed: 'No standard is under discussion right now.',
      openCharter: 'Open the charter',
      details: 'This sitting',
    },
    comments: {
      heading: 'Comments',
      intro: 'Every standard’s comments, in charter order.',
    },
    record: {
      heading: 'Record',
      intro:
        'The public record of this assembly: the charter ready to print, the minutes of each session, the audit log, and downloads.',
    },
  },
} as const;
