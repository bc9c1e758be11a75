import type {
  CASE_STATUSES,
  GROUP_METHODS,
  HAND_KINDS,
  MODERATION_REASONS,
  PARTICIPANT_ROLES,
  QUEUE_MODES,
  VOTE_METHODS,
  AuditRecord,
} from '@moot/protocol';

/**
 * What each audit action says to a reader of the exported log, in words. Every action the
 * server writes has one (auditLabels.test.ts walks the source for them); an action missing
 * here would print its code.
 */
export const ACTION_LABELS: Readonly<Record<string, string>> = {
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
  'vote.paper_marked': 'Ticked someone as voting on paper',
  'vote.paper_totals_entered': 'Entered a count of paper ballots',
  'vote.paper_totals_agreed': 'Confirmed the count of paper ballots (two counts agreed)',
  'vote.paper_totals_mismatch': 'Entered a count of paper ballots that did not agree (neither counted)',
  'amendment.proposed': 'Proposed an amendment',
  'amendment.cosigned': 'Co-signed an amendment',
  'amendment.tabled': 'Put an amendment to the vote',
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
  'security.denied_suppressed': 'More refused commands, counted but not each recorded',
};

/** What each public detail field is called. */
export const DETAIL_LABELS: Readonly<Record<string, string>> = {
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
export const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  kind: {
    point_of_process: 'point of process',
    direct_response: 'direct response',
    new_point: 'new point',
  } satisfies Record<(typeof HAND_KINDS)[number], string>,
  reason: REASON_LABELS,
  method: METHOD_LABELS,
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

/** An action in words (its code only if a new action was never given one). */
export const actionLabel = (action: string): string => ACTION_LABELS[action] ?? action;

/** One detail value in words: codes by their label, booleans as yes / no, lists joined. */
export function detailValue(key: string, value: AuditRecord['detail'][string]): string {
  if (value === null) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.join('; ');
  return VALUE_LABELS[key]?.[String(value)] ?? String(value);
}
