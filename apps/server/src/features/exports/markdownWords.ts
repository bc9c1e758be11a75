import type {
  AgendaKind,
  AmendmentStatus,
  CaseStatus,
  MinutesExport,
  ParagraphReading,
  SessionStatus,
  StandardStatus,
} from '@moot/protocol';
import { METHOD_LABELS, REASON_LABELS } from './auditLabels.ts';

/** A noun's forms by `Intl.PluralRules` category ("one", "two", "few"…; "other" for the rest). */
export type NounForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * The sentences the Markdown downloads write around the assembly's own words, in English: the
 * charter's, the minutes', the case register's and the tracker's (the report's are in
 * `report/reportWords.ts`, the audit log's in `auditLabels.ts`). Welsh:
 * `markdownWordsWelsh.ts`, the same shape. The English is the downloads' as they always were
 * (`?lang=en` is byte-identical to no `lang`), so statuses and kinds are their codes.
 */
export const MARKDOWN_ENGLISH = {
  exported: (when: string) => `Exported ${when}`,
  noText: '_No text yet._',
  notDescribed: '_Not yet described._',
  open: 'open',
  vote: (line: string) => `Vote: ${line}`,
  notPutToVote: '_Not put to a vote._',
  signedBy: (members: string) => `Signed by ${members}.`,
  member: { one: 'member', other: 'members' } as NounForms,
  minute: { one: 'minute', other: 'minutes' } as NounForms,
  turn: { one: 'turn', other: 'turns' } as NounForms,
  group: { one: 'group', other: 'groups' } as NounForms,
  /** A standard's milestones the server saves (`saveMilestone`); an amendment's is `amendedBy`. */
  milestones: { locked: 'locked', adopted: 'adopted' } as Readonly<Record<string, string>>,
  amendedBy: (amendment: string) => `amended by ${amendment}`,
  /** A standard's consensus map (the report's words). */
  consensusMarked: (members: string, groups: string) =>
    `${members} marked its paragraphs, in ${groups}. Bridging is high only when every group agrees.`,
  opinionGroup: { one: 'opinion group', other: 'opinion groups' } as NounForms,
  consensusColumns: ['Paragraph', 'Agree', 'Disagree', 'Pass', 'Bridging', 'Reading'] as readonly string[],
  readings: {
    too_few: 'too few marks to say',
    agreement: 'broad agreement',
    division: 'divides opinion groups',
    disagreement: 'broad disagreement',
    mixed: 'mixed',
  } satisfies Record<ParagraphReading, string>,
  /** "amendment 2: “Leaders answer every…”" (`amendmentName`). */
  amendment: (number: number, start: string) => `amendment ${number}: “${start}”`,
  standardStatus: {
    drafting: 'drafting',
    locked: 'locked',
    adopted: 'adopted',
    rejected: 'rejected',
  } satisfies Record<StandardStatus, string> as Readonly<Record<string, string>>,
  amendmentStatus: {
    proposed: 'proposed',
    tabled: 'tabled',
    adopted: 'adopted',
    rejected: 'rejected',
    withdrawn: 'withdrawn',
    stale: 'stale',
  } satisfies Record<AmendmentStatus, string> as Readonly<Record<string, string>>,
  methods: METHOD_LABELS as Readonly<Record<string, string>>,
  /** A vote's counts by choice: the codes of yes/no and consent (an option's title is the assembly's own). */
  choices: {} as Readonly<Record<string, string>>,
  // The minutes.
  status: (status: string, started: string, ended: string) => `Status: ${status}. Started ${started}, ended ${ended}.`,
  sessionStatus: { planned: 'planned', live: 'live', ended: 'ended' } satisfies Record<
    SessionStatus,
    string
  > as Readonly<Record<string, string>>,
  notYet: 'not yet',
  attendance: (checkedIn: number, removed: number, checkedOut: number) =>
    `Attendance: ${checkedIn} checked in, ${removed} removed, ${checkedOut} checked out.`,
  noItems: '_No items._',
  agendaKind: {
    learn: 'learn',
    deliberate: 'deliberate',
    draft: 'draft',
    decide: 'decide',
    break: 'break',
  } satisfies Record<AgendaKind, string> as Readonly<Record<string, string>>,
  didNotRun: 'did not run',
  ran: (duration: string) => `ran ${duration}`,
  aboutCase: (number: number) => `, about case ${number}`,
  planned: (minutes: string, actual: string) => `planned ${minutes}, ${actual}`,
  nobodySpoke: '_Nobody spoke from the queue._',
  noVotes: '_No votes._',
  openVoted: (turnout: number, eligible: number) => `open, ${turnout} of ${eligible} voted`,
  none: '_None._',
  /** What was done about a member, with their public name. */
  moderated: {
    muted: (member: string) => `${member} muted`,
    unmuted: (member: string) => `${member} unmuted`,
    removed: (member: string) => `${member} removed from the session`,
    comment_hidden: (member: string) => `${member} had a comment hidden`,
  } satisfies Record<MinutesExport['moderation'][number]['action'], (member: string) => string>,
  reasons: REASON_LABELS as Readonly<Record<string, string>>,
  reason: (reason: string) => `, reason: ${reason}`,
  forMinutes: (minutes: string) => ` for ${minutes}`,
  splitInto: (groups: string) => `split into ${groups}`,
  broughtBack: 'groups brought back together',
  minorityReport: (standard: string, members: string) => `On ${standard}: signed by ${members}`,
  caseLine: (number: number, status: string) => `Case ${number} (${status})`,
  caseStatus: {
    open: 'open',
    hearing: 'hearing',
    deliberating: 'deliberating',
    decided: 'decided',
    dismissed: 'dismissed',
  } satisfies Record<CaseStatus, string> as Readonly<Record<string, string>>,
  // The register of cases (its dates are ISO 8601, as they always were).
  noCases: '_No cases._',
  alleged: (standards: string) => `- Standards alleged to be breached: ${standards}`,
  /** Who opened a case: always a moderator, by role and name (`withRole`, in the download's language). */
  openedBy: (at: string, by: string) => `- Opened ${at} by ${by}`,
  hearingFrom: (at: string) => `- Hearing from ${at}`,
  deliberationFrom: (at: string) => `- Deliberation from ${at}`,
  decidedAt: (at: string) => `- Decided ${at}`,
  dismissedAt: (at: string) => `- Dismissed ${at}`,
  recorded: (at: string) => `_Recorded ${at}_`,
  noReply: '_No reply recorded._',
  // The tracker of responses (its dates are ISO 8601, as they always were).
  notAsked: 'The commissioning body has not been asked to respond yet.',
  handedOver: (at: string) => `Report handed to the commissioning body ${at}`,
  noAdopted: '_No adopted standards._',
  noResponse: '_No response yet._',
  stances: { accept: 'Accepted', accept_in_part: 'Accepted in part', reject: 'Rejected' },
  responded: (stance: string, by: string, at: string) => `**${stance}** by ${by}, ${at}`,
  changed: (at: string) => `(changed ${at})`,
  noProgress: '_No progress reported yet._',
  states: { planned: 'Planned', in_progress: 'In progress', done: 'Done', dropped: 'Dropped' },
};

export type MarkdownWords = typeof MARKDOWN_ENGLISH;
