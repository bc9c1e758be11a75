/**
 * Which kind of record each id-carrying field of a client payload names. The isolation walk
 * (`security.isolation.ids.test.ts`) finds every id field by walking the protocol's schemas and
 * looks its name up here; a field it cannot place fails the walk with a message saying what to
 * add, so a new command's ids are tried against another assembly's records from its first run.
 */
export const ID_KINDS = {
  docId: 'document',
  sessionId: 'session',
  // The sitting an agenda is copied from (programme:copyAgenda).
  fromSessionId: 'session',
  // The sitting whose date another takes (programme:swap).
  withSessionId: 'session',
  itemId: 'agendaItem',
  standardId: 'standard',
  standardIds: 'standard',
  caseId: 'case',
  participantId: 'participant',
  groupId: 'group',
  announcementId: 'announcement',
  voteId: 'vote',
  amendmentId: 'amendment',
  dissentId: 'dissent',
  commentId: 'comment',
  memberId: 'member',
  memberIds: 'member',
  // A member drawn as a reserve: the one who takes a dropped member's seat.
  replacementId: 'reserve',
  // The evidence library's entries, and members' questions to an expert session's speaker.
  entryId: 'evidence',
  entryIds: 'evidence',
  questionId: 'question',
  // A moderation action about a member (appeal:file), and a member's appeal against one (appeal:decide).
  actionId: 'moderationAction',
  appealId: 'appeal',
  // A member's statement for the assembly's report.
  statementId: 'statement',
  // One of a seat holder's signed-in sessions (devices:signOut), named by its random device id.
  deviceId: 'device',
  // Chosen by the client for each ballot (a retry key within one vote), not a reference to a record.
  ballotId: null,
  // Points in a standard's history (history:diff): a milestone or checkpoint id, or "now"; the
  // handler finds them only among the named standard's own (history.test.ts tries another's).
  from: null,
  to: null,
} as const satisfies Record<string, string | null>;

export type IdKind = Exclude<(typeof ID_KINDS)[keyof typeof ID_KINDS], null>;

/** True for a field that carries an id by its name alone (`fooId`, `fooIds`, `docId`). */
export const looksLikeIdField = (field: string): boolean => /(^id|Id|Ids)$/.test(field);

/** The kind of record `field` names, null for a client-chosen key; throws for an unknown field. */
export function idKindOf(event: string, path: string, field: string): IdKind | null {
  if (Object.hasOwn(ID_KINDS, field)) return ID_KINDS[field as keyof typeof ID_KINDS];
  throw new Error(
    `${event}: the field "${path}" carries an id, but the isolation walk does not know which kind of record ` +
      `"${field}" names. Add it to ID_KINDS in apps/server/test/support/idKinds.ts (and, for a new kind, give ` +
      `every assembly one such record in test/support/furnish.ts).`,
  );
}
