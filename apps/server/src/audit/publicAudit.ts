import type { AuditRecord } from '@moot/protocol';
import type { AuditEntry } from './auditEntry.ts';

/**
 * What of each audit entry is public: every entry's who, what and when is; of its `detail`,
 * only the fields listed here for its action. Anything not listed stays private — an action
 * added later shows no detail until someone lists what of it may be read. No action records a
 * ballot's choice, a moderator's note or a hidden comment's text; the policy keeps it that way
 * even if one ever did. Fields naming a participant are published as that participant's name.
 */
export const PUBLIC_DETAIL: Readonly<Record<string, readonly string[]>> = {
  'invite.redeemed': [],
  'standard.added': ['title'],
  'standard.retitled': ['title'],
  'standard.moved': ['from', 'to'],
  'standard.removed': [],
  'standard.locked': [],
  'standard.unlocked': [],
  'standard.ladder_set': ['steps'],
  'session.created': ['title'],
  'session.configured': ['queueMode', 'turnLimitSeconds'],
  'session.started': [],
  'session.ended': [],
  'agenda.added': ['title'],
  'agenda.moved': ['toIndex'],
  'agenda.removed': [],
  'agenda.started': [],
  'agenda.paused': [],
  'agenda.ended': [],
  'agenda.extended': ['minutes'],
  'agenda.next': [],
  'attendance.checked_in': [],
  'attendance.checked_out': [],
  // Who was checked in or out at the door, and by whom (the actor): attendance is public.
  'attendance.checked_in_for': ['participantId'],
  'attendance.checked_out_for': ['participantId'],
  'queue.raised_for': ['participantId', 'kind'],
  'queue.lowered_for': ['participantId'],
  'queue.raised': ['kind'],
  'queue.lowered': [],
  'queue.called': ['participantId'],
  'queue.turn_ended': [],
  'groups.formed': ['count', 'split', 'grouping'],
  'participant.show_name': ['showName'],
  'participant.device_signed_out': [],
  // The livestream is shown to the public anyway: its address is public.
  'assembly.livestream': ['provider', 'url'],
  'groups.moved': ['groupId'],
  'groups.ended': [],
  'announcement.posted': ['text'],
  'announcement.cleared': [],
  // The reason's code is public (as in the session's moderation log); a note never is.
  'moderation.muted': ['minutes', 'reason'],
  'moderation.unmuted': [],
  'moderation.removed': ['reason'],
  'comment.posted': [],
  'comment.hidden': ['reason'],
  'vote.opened': ['question', 'method', 'closesInSeconds'],
  // Entries of votes cast before ballots were sealed: that a member voted, never what.
  'vote.cast': [],
  'vote.closed': ['passed', 'ballots', 'online', 'paper'],
  // Who voted on paper is seen in the room; totals stay private until the close publishes the result.
  'vote.paper_marked': ['participantId'],
  'vote.paper_totals_entered': [],
  'vote.paper_totals_agreed': [],
  'vote.paper_totals_mismatch': [],
  // Who took part, written once at close and published sorted by name: never in casting order.
  'vote.participants': ['participantIds'],
  // Quorum while a vote is open is public: the room and the public see a vote pause and why.
  'vote.closed_at_deadline': ['passed', 'ballots', 'online', 'paper'],
  'vote.paused': ['present', 'needed'],
  'vote.resumed': ['present', 'needed'],
  'vote.quorum_continued': ['present', 'needed'],
  'amendment.proposed': [],
  'amendment.cosigned': [],
  'amendment.tabled': [],
  'amendment.suggested': [],
  'amendment.withdrawn': [],
  // The assembly's decision changing the text (credited to the proposer), or refusing to: the text was edited since.
  'amendment.applied': [],
  'amendment.stale': ['why'],
  'dissent.written': [],
  'dissent.cosigned': [],
  // Breach cases are public record; the decision is the aggregate outcome, never a ballot.
  'case.opened': ['number'],
  'case.advanced': ['from', 'to'],
  'case.replied': ['replaced'],
  // Evidence is public, as the whole case is.
  'case.evidence_added': ['description', 'link'],
  'case.dismissed': ['from', 'reason'],
  'case.vote_opened': [],
  'case.decided': ['outcome', 'breachFound'],
  'case.undecided': ['explanation'],
  // Case panels: who stepped aside is public, their reason only if they published it; the draw's
  // commitments, seed and panel are public so anyone can check it; the pool's categories never are.
  'case.conflict_declared': ['publicReason'],
  'case.panel_prepared': ['size', 'poolSize', 'seedCommitment', 'inputsHash', 'transcriptHash'],
  'case.panel_drawn': ['seed', 'contribution', 'finalSeed', 'participantIds'],
  // The roster: who holds a seat and in which role is public; an invite link never is.
  'participant.invited': ['role'],
  'participant.link_reissued': [],
  'participant.role_changed': ['role'],
  'participant.revoked': [],
  // Organisers (not participants: the record names no one for them) run the assembly itself.
  'assembly.created': ['title'],
  'assembly.edited': ['title', 'listed'],
  'assembly.archived': [],
  'assembly.watch_link_rotated': [],
  'participant.appointed': ['role'],
  'organiser.joined': [],
  // The programme is public (as on the watch page); an online meeting link never is.
  'programme.planned': ['title', 'date'],
  'programme.edited': ['title', 'date'],
  'programme.cancelled': [],
  'programme.agenda_copied': [],
  'programme.swapped': [],
  'programme.time_zone_set': ['timeZone'],
  // The evidence library is public; a question's author and text are not in the record (the
  // watch page shows the questions asked, under the public's names), nor who supported which.
  'evidence.added': ['number', 'title', 'kind', 'balance'],
  'evidence.edited': ['title', 'balance'],
  'evidence.expert_session': ['entryId'],
  'evidence.cited': ['on', 'entryIds'],
  'question.submitted': [],
  'question.supported': [],
  'question.asked': [],
  'question.answered': [],
  'question.hidden': ['reason'],
  // Appeals against moderation: what was appealed and both reasons are public (the forms say so);
  // the member is the actor or the subject, so the public reads their pseudonym.
  'appeal.filed': ['appealed', 'text'],
  'appeal.upheld': ['appealed', 'text'],
  'appeal.overturned': ['appealed', 'text'],
  // A statement's words are in the report (unless hidden); the log says who wrote and who hid, and why by code.
  'statement.written': [],
  'statement.withdrawn': [],
  'statement.hidden': ['reason'],
};

/** Detail fields that hold a participant's id (or a list of them), published as names under a new key. */
export const PARTICIPANT_FIELDS: Readonly<Record<string, string>> = {
  participantId: 'participant',
  participantIds: 'participants',
};

type DetailValue = AuditRecord['detail'][string];

const isPublishable = (value: unknown): value is DetailValue =>
  value === null ||
  ['string', 'number', 'boolean'].includes(typeof value) ||
  (Array.isArray(value) && value.every((v) => typeof v === 'string'));

/**
 * The public copy of one entry. `nameOf` gives a participant's name as this reader may see it
 * (null for an id that is not a participant); `subjectOf` names the target (a standard's title,
 * a session's title, a vote's question, a member).
 */
export function publicAuditRecord(
  entry: AuditEntry & { seq: number; at: Date },
  nameOf: (participantId: string) => string | null,
  subjectOf: (target: string) => string | null,
): Omit<AuditRecord, 'sealed' | 'prev' | 'hash'> {
  const detail: AuditRecord['detail'] = {};
  for (const field of PUBLIC_DETAIL[entry.action] ?? []) {
    const value = entry.detail?.[field];
    if (value === undefined || !isPublishable(value)) continue;
    const renamed = PARTICIPANT_FIELDS[field];
    if (!renamed) detail[field] = value;
    else if (Array.isArray(value)) {
      // A list of people, sorted by the name this reader sees: its order says nothing else.
      const names = value.flatMap((id) => nameOf(id) ?? []);
      detail[renamed] = names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    } else {
      // Published only when it names someone of this assembly (e.g. not "the next in the queue").
      const name = typeof value === 'string' ? nameOf(value) : null;
      if (name !== null) detail[renamed] = name;
    }
  }
  return {
    seq: entry.seq,
    at: entry.at.toISOString(),
    actor: entry.actorId ? (nameOf(entry.actorId) ?? null) : null,
    action: entry.action,
    subject: entry.target ? subjectOf(entry.target) : null,
    detail,
  };
}
