/**
 * Every heading of the Markdown downloads (charter, minutes, case register, audit log, tracker, report),
 * in one table per language: English (`HEADINGS`, the downloads as they always were) and Welsh
 * (`HEADINGS_WELSH`, for `?lang=cy`; README: "What is in English only" says which downloads use
 * it yet). A heading that carries the assembly's own words takes them as arguments, already
 * escaped; a status comes already worded.
 */
export const HEADINGS = {
  audit: (title: string) => `# ${title}: audit log`,
  cases: (title: string) => `# Register of cases: ${title}`,
  case: (number: number, who: string, status: string) => `## Case ${number}: ${who} (${status})`,
  caseSummary: '### Summary',
  caseEvidence: '### Evidence',
  caseReply: '### Reply',
  caseReasoning: '### Reasoning',
  caseDecision: '### Decision',
  caseDismissed: '### Dismissed',
  caseUndecided: '### Votes that decided nothing',
  charter: (title: string) => `# ${title}`,
  standard: (position: number, title: string, status: string) => `## ${position}. ${title} (${status})`,
  standardBreach: '### What a breach looks like',
  standardEasyRead: '### Easy read',
  standardLadder: '### Consequences',
  standardHistory: '### History',
  standardVotes: '### Votes',
  amendment: (number: number, status: string) => `### Amendment ${number} (${status})`,
  minorityReport: '### Minority report',
  standardConsensus: '### Consensus map',
  minutes: (title: string, session: string) => `# ${title}: minutes of ${session}`,
  minutesAgenda: '## Agenda',
  minutesSpeakers: '## Speakers',
  minutesVotes: '## Votes',
  minutesAnnouncements: '## Announcements',
  minutesModeration: '## Moderation',
  minutesGroups: '## Small groups',
  minutesAmendments: '## Amendments',
  minutesMinorityReports: '## Minority reports',
  minutesCases: '## Breach cases',
  tracker: (title: string) => `# Responses and progress: ${title}`,
  trackedStandard: (title: string) => `## ${title}`,
  responseReasons: '### Reasons',
  responseTimeline: '### Timeline',
  responseProgress: '### Progress',
  report: (title: string) => `# ${title}: the assembly’s report`,
  reportContents: '## Contents',
  reportPart: (number: number, title: string) => `## ${number}. ${title}`,
  reportCategory: (category: string) => `### ${category}`,
  reportSitting: (title: string, when: string, cancelled: boolean) =>
    `### ${title}${when}${cancelled ? ' — cancelled' : ''}`,
  reportEvidence: (number: number, title: string, kind: string, balance: string) =>
    `### Evidence ${number}: ${title} (${kind}, ${balance})`,
  reportLadder: (position: number, title: string) => `### ${position}. ${title}`,
  reportStatement: (author: string) => `### ${author}`,
} as const;

/** Every download's headings, in one language. */
export type Headings = {
  readonly [K in keyof typeof HEADINGS]: (typeof HEADINGS)[K] extends string ? string : (typeof HEADINGS)[K];
};

/** Cymraeg for the headings above. To be reviewed by a Welsh speaker. */
export const HEADINGS_WELSH: Headings = {
  audit: (title) => `# ${title}: log archwilio`,
  cases: (title) => `# Cofrestr achosion: ${title}`,
  case: (number, who, status) => `## Achos ${number}: ${who} (${status})`,
  caseSummary: '### Crynodeb',
  caseEvidence: '### Tystiolaeth',
  caseReply: '### Ateb',
  caseReasoning: '### Rhesymu',
  caseDecision: '### Penderfyniad',
  caseDismissed: '### Gwrthodwyd',
  caseUndecided: '### Pleidleisiau na phenderfynodd ddim',
  charter: (title) => `# ${title}`,
  standard: (position, title, status) => `## ${position}. ${title} (${status})`,
  standardBreach: '### Sut beth yw torri’r safon',
  standardEasyRead: '### Hawdd ei ddeall',
  standardLadder: '### Canlyniadau',
  standardHistory: '### Hanes',
  standardVotes: '### Pleidleisiau',
  amendment: (number, status) => `### Gwelliant ${number} (${status})`,
  minorityReport: '### Adroddiad lleiafrifol',
  standardConsensus: '### Map consensws',
  minutes: (title, session) => `# ${title}: cofnodion ${session}`,
  minutesAgenda: '## Agenda',
  minutesSpeakers: '## Siaradwyr',
  minutesVotes: '## Pleidleisiau',
  minutesAnnouncements: '## Cyhoeddiadau',
  minutesModeration: '## Cymedroli',
  minutesGroups: '## Grwpiau bach',
  minutesAmendments: '## Gwelliannau',
  minutesMinorityReports: '## Adroddiadau lleiafrifol',
  minutesCases: '## Achosion o dorri safon',
  tracker: (title) => `# Ymatebion a chynnydd: ${title}`,
  trackedStandard: (title) => `## ${title}`,
  responseReasons: '### Rhesymau',
  responseTimeline: '### Llinell amser',
  responseProgress: '### Cynnydd',
  report: (title) => `# ${title}: adroddiad y cynulliad`,
  reportContents: '## Cynnwys',
  reportPart: (number, title) => `## ${number}. ${title}`,
  reportCategory: (category) => `### ${category}`,
  reportSitting: (title, when, cancelled) => `### ${title}${when}${cancelled ? ' — wedi’i chanslo' : ''}`,
  reportEvidence: (number, title, kind, balance) => `### Tystiolaeth ${number}: ${title} (${kind}, ${balance})`,
  reportLadder: (position, title) => `### ${position}. ${title}`,
  reportStatement: (author) => `### ${author}`,
};

/** A heading one level further down (the report holds the charter's standards and the case register inside its parts). */
export const down = (heading: string): string => `#${heading}`;
