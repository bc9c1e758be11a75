import type {
  CASE_STATUSES,
  GROUP_METHODS,
  HAND_KINDS,
  MODERATION_REASONS,
  PARTICIPANT_ROLES,
  QUEUE_MODES,
  VOTE_METHODS,
  AuditRecord,
  APPEALABLE_ACTIONS,
} from '@moot/protocol';
import type { applySuggestion } from '../amendments/suggestion.ts';

/**
 * What each audit action says to a reader of the exported log, in English words. Every action
 * the server writes has one (auditLabels.test.ts walks the source for them); an action missing
 * here would print its code. Its keys are the actions every language words (`ActionLabels`;
 * Welsh: `auditLabelsWelsh.ts`), so a language that misses one does not compile.
 */
export const ACTION_LABELS = {
  'invite.redeemed': 'Joined with an invite',
  'participant.invited': 'Invited someone',
  'participant.link_reissued': 'Gave someone a new invite link',
  'participant.role_changed': 'Changed someone’s role',
  'participant.revoked': 'Removed someone from the assembly',
  'members.imported': 'Imported the selected members',
  'members.replaced': 'Gave a member’s seat to a reserve',
  'members.cards_issued': 'Printed invite cards',
  'standard.added': 'Added a standard',
  'standard.retitled': 'Renamed a standard',
  'standard.moved': 'Moved a standard',
  'standard.removed': 'Removed a standard',
  'standard.locked': 'Locked a standard for voting',
  'standard.unlocked': 'Unlocked a standard for drafting',
  'standard.ladder_set': 'Set the consequences of breaching a standard',
  'session.created': 'Planned a session',
  'session.configured': 'Changed a session’s settings',
  'session.started': 'Started a session',
  'session.ended': 'Ended a session',
  'agenda.added': 'Added an agenda item',
  'agenda.moved': 'Moved an agenda item',
  'agenda.removed': 'Removed an agenda item',
  'agenda.started': 'Started an agenda item',
  'agenda.paused': 'Paused an agenda item',
  'agenda.ended': 'Ended an agenda item',
  'agenda.extended': 'Gave an agenda item more time',
  'agenda.next': 'Moved to the next agenda item',
  'attendance.checked_in': 'Checked in',
  'attendance.checked_out': 'Checked out',
  'attendance.checked_in_for': 'Checked someone in at the door',
  'attendance.checked_out_for': 'Checked someone out at the door',
  'queue.raised_for': 'Raised a hand for someone in the room',
  'queue.lowered_for': 'Lowered a hand for someone in the room',
  'queue.raised': 'Raised a hand to speak',
  'queue.lowered': 'Lowered a hand',
  'queue.called': 'Called the next speaker',
  'queue.turn_ended': 'Ended a speaking turn',
  'groups.formed': 'Split the session into small groups',
  'participant.show_name': 'Chose whether the public sees their name',
  'participant.device_signed_out': 'Signed out one of their devices',
  'assembly.livestream': 'Set the livestream shown on the watch page',
  'groups.moved': 'Moved someone to another group',
  'groups.ended': 'Brought the small groups back together',
  'announcement.posted': 'Posted an announcement',
  'announcement.cleared': 'Cleared an announcement',
  'moderation.muted': 'Muted someone',
  'moderation.unmuted': 'Unmuted someone',
  'moderation.removed': 'Removed someone from a session',
  'comment.posted': 'Commented on a standard',
  'comment.hidden': 'Hid a comment',
  'vote.opened': 'Opened a vote',
  'vote.cast': 'Voted',
  'vote.closed': 'Closed a vote',
  'vote.participants': 'Who took part in a vote',
  'vote.closed_at_deadline': 'A vote closed itself at its deadline',
  'vote.paused': 'A vote paused: too few members present for its quorum',
  'vote.resumed': 'A vote resumed: enough members present again',
  'vote.quorum_continued': 'Continued a paused vote with the members present (quorum overridden)',
  'vote.paper_marked': 'Ticked someone as voting on paper',
  'vote.paper_totals_entered': 'Entered a count of paper ballots',
  'vote.paper_totals_agreed': 'Confirmed the count of paper ballots (two counts agreed)',
  'vote.paper_totals_mismatch': 'Entered a count of paper ballots that did not agree (neither counted)',
  'amendment.proposed': 'Proposed an amendment',
  'amendment.cosigned': 'Co-signed an amendment',
  'amendment.tabled': 'Put an amendment to the vote',
  'amendment.suggested': 'Suggested a change to a standard’s wording',
  'amendment.withdrawn': 'Withdrew a suggested change',
  'amendment.applied': 'Changed a standard’s text as the assembly decided (credited to the proposer)',
  'amendment.stale': 'Could not change the text as decided: the words were edited since',
  'dissent.written': 'Wrote a minority report',
  'dissent.cosigned': 'Signed a minority report',
  'case.opened': 'Opened a breach case',
  'case.advanced': 'Moved a breach case on',
  'case.replied': 'Recorded the reply to a breach case',
  'case.evidence_added': 'Added evidence to a breach case',
  'case.dismissed': 'Dismissed a breach case',
  'case.vote_opened': 'Opened the vote on a breach case',
  'case.decided': 'Decided a breach case',
  'case.undecided': 'A breach case vote decided nothing',
  'case.conflict_declared': 'Declared a conflict of interest and stepped aside from a case’s panel',
  'case.panel_prepared': 'Prepared the draw of a case’s panel (the seed’s commitment published)',
  'case.panel_drawn': 'Drew a case’s panel by lot',
  'assembly.created': 'An organiser created the assembly',
  'assembly.edited': 'An organiser changed the assembly’s details',
  'assembly.archived': 'An organiser archived the assembly (read-only from then on)',
  'assembly.watch_link_rotated': 'An organiser issued a new watch link',
  'participant.appointed': 'An organiser appointed someone',
  'organiser.joined': 'Someone became a co-organiser',
  'security.denied': 'A command was refused',
  'programme.planned': 'Planned a sitting in the programme',
  'programme.edited': 'Changed a planned sitting',
  'programme.cancelled': 'Cancelled a planned sitting',
  'programme.agenda_copied': 'Copied an agenda from another sitting',
  'programme.swapped': 'Swapped the dates of two planned sittings',
  'programme.time_zone_set': 'Set the assembly’s time zone',
  'evidence.added': 'Added evidence to the library',
  'evidence.edited': 'Edited evidence in the library',
  'evidence.expert_session': 'Made an agenda item an expert session',
  'evidence.cited': 'Cited evidence from the library',
  'question.submitted': 'Put a question to an expert',
  'question.supported': 'Supported a question to an expert',
  'question.asked': 'Asked an expert a members’ question',
  'question.answered': 'Recorded an expert’s answer',
  'question.hidden': 'Hid a question to an expert',
  'security.denied_suppressed': 'More refused commands, counted but not each recorded',
  'respondent.invited': 'Invited the commissioning body to respond',
  'response.published': 'The commissioning body responded to a standard',
  'response.revised': 'The commissioning body changed its response to a standard',
  'response.progress': 'The commissioning body reported progress on a standard',
  'leader.invited': 'Invited the leader concerned to reply to a breach case',
  'leader.deadline_set': 'Moved the deadline for the leader’s reply',
  'leader.replied': 'The leader concerned replied to a breach case',
  'appeal.filed': 'Appealed a moderation action',
  'appeal.upheld': 'Upheld an appeal against moderation (the action stands)',
  'appeal.overturned': 'Overturned an action on appeal (undone where still in force)',
  'statement.written': 'Wrote a statement for the assembly’s report',
  'statement.withdrawn': 'Withdrew their statement from the assembly’s report',
  'statement.hidden': 'Left a member’s statement out of the assembly’s report',
};

/** The audit actions the log words. */
export type AuditAction = keyof typeof ACTION_LABELS;
/** Every action in one language. */
export type ActionLabels = Readonly<Record<AuditAction, string>>;

/** What each public detail field is called. */
export const DETAIL_LABELS = {
  title: 'title',
  from: 'from',
  to: 'to',
  steps: 'steps',
  queueMode: 'queue',
  turnLimitSeconds: 'turn limit in seconds',
  toIndex: 'new place (from 0)',
  minutes: 'minutes',
  kind: 'kind',
  participant: 'who',
  participants: 'who took part',
  split: 'standards shared out between groups',
  showName: 'name shown to the public',
  count: 'groups',
  groupId: 'group',
  text: 'text',
  reason: 'reason',
  question: 'question',
  present: 'members present',
  needed: 'members needed for quorum',
  closesInSeconds: 'closes after (seconds)',
  method: 'method',
  passed: 'passed',
  ballots: 'ballots',
  online: 'ballots cast online',
  paper: 'ballots cast on paper',
  number: 'number',
  replaced: 'replaced an earlier reply',
  description: 'description',
  link: 'link',
  outcome: 'outcome',
  breachFound: 'breach found',
  explanation: 'explanation',
  role: 'role',
  listed: 'listed on the home page',
  provider: 'video site',
  url: 'address',
  date: 'date',
  timeZone: 'time zone',
  grouping: 'how groups were formed',
  balance: 'balance (for, against, context)',
  entryId: 'library entry',
  entryIds: 'library entries',
  on: 'cited in a',
  why: 'why',
  appealed: 'what was appealed',
  publicReason: 'reason given publicly',
  size: 'panel size',
  poolSize: 'members who could be drawn',
  seedCommitment: 'SHA-256 of the secret seed',
  inputsHash: 'SHA-256 of the draw’s inputs',
  transcriptHash: 'SHA-256 of the draw’s public transcript',
  seed: 'seed',
  contribution: 'numbers said in the room',
  finalSeed: 'seed of the draw',
};

/** Vote methods in words; the yes / no method also takes abstentions. */
export const METHOD_LABELS: Readonly<Record<(typeof VOTE_METHODS)[number], string>> = {
  yes_no: 'yes / no / abstain',
  consent: 'consent (no one objects)',
  approval: 'approval (choose any)',
  ranked: 'ranked choice',
};

export const REASON_LABELS: Readonly<Record<(typeof MODERATION_REASONS)[number], string>> = {
  off_topic: 'off topic',
  disrespect: 'disrespect',
  disruption: 'disruption',
  harassment: 'harassment',
  privacy: 'privacy',
  other: 'other',
};

/** Codes that detail fields carry, by field, in words. */
export const VALUE_LABELS = {
  kind: {
    point_of_process: 'point of process',
    direct_response: 'direct response',
    new_point: 'new point',
  } satisfies Record<(typeof HAND_KINDS)[number], string>,
  reason: REASON_LABELS,
  why: {
    deleted: 'the passage it changed was deleted',
    edited: 'the passage it changed was edited',
  } satisfies Record<NonNullable<ReturnType<typeof applySuggestion>>, string>,
  method: METHOD_LABELS,
  appealed: { mute: 'a mute', remove: 'a removal from a session', hide_comment: 'a hidden comment' } satisfies Record<
    (typeof APPEALABLE_ACTIONS)[number],
    string
  >,
  queueMode: { fifo: 'first come, first served', equity: 'fewest turns first' } satisfies Record<
    (typeof QUEUE_MODES)[number],
    string
  >,
  role: {
    moderator: 'moderator',
    facilitator: 'facilitator',
    note_taker: 'note-taker',
    member: 'member',
  } satisfies Record<(typeof PARTICIPANT_ROLES)[number], string>,
  grouping: { random: 'at random', balanced: 'balanced and rotated' } satisfies Record<
    (typeof GROUP_METHODS)[number],
    string
  >,
  from: caseStatuses(),
  to: caseStatuses(),
};

function caseStatuses(): Record<(typeof CASE_STATUSES)[number], string> {
  return { open: 'open', hearing: 'hearing', deliberating: 'deliberating', decided: 'decided', dismissed: 'dismissed' };
}

/**
 * What the audit log's Markdown writes in one language: every action, every public detail field
 * and every code a field carries (the same keys in every language: `AuditWords`), and the few
 * sentences around them. English here, the log as it always was; Welsh: `auditLabelsWelsh.ts`.
 */
export const AUDIT_ENGLISH = {
  actions: ACTION_LABELS as ActionLabels,
  details: DETAIL_LABELS as Readonly<Record<keyof typeof DETAIL_LABELS, string>>,
  values: VALUE_LABELS as {
    readonly [F in keyof typeof VALUE_LABELS]: Readonly<Record<keyof (typeof VALUE_LABELS)[F], string>>;
  },
  none: 'none',
  yes: 'yes',
  no: 'no',
  /** Who did what the server did of itself (a vote closing at its deadline). */
  system: 'system',
  entries: (count: number, hash: string) => `Entries: ${count}. Head hash (SHA-256): \`${hash}\``,
  more: (after: number) => `More entries follow after ${after}.`,
  /** What the log calls a breach case and a member's statement (`targetTitles`). */
  caseSubject: (number: number, role: string) => `Case ${number}: ${role}`,
  statementSubject: 'A statement for the report',
};
export type AuditWords = typeof AUDIT_ENGLISH;

/** An action in words (its code only if a new action was never given one). */
export const actionLabel = (action: string, words: AuditWords = AUDIT_ENGLISH): string =>
  (words.actions as Readonly<Record<string, string>>)[action] ?? action;

/** A detail field's name in words (its key if it has none). */
export const detailLabel = (key: string, words: AuditWords = AUDIT_ENGLISH): string =>
  (words.details as Readonly<Record<string, string>>)[key] ?? key;

/** One detail value in words: codes by their label, booleans as yes / no, lists joined. */
export function detailValue(
  key: string,
  value: AuditRecord['detail'][string],
  words: AuditWords = AUDIT_ENGLISH,
): string {
  if (value === null) return words.none;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (Array.isArray(value)) return value.join('; ');
  const codes = (words.values as Readonly<Record<string, Readonly<Record<string, string>>>>)[key];
  return codes?.[String(value)] ?? String(value);
}
