import { z } from 'zod';
import { binary } from './documents.ts';
import { MEMBER_LIMITS } from './memberLimits.ts';

/**
 * Members from the civic lottery: the people a stratified-selection tool drew, imported from its
 * CSV by the assembly's organisers. Names, contact details and demographics are for organisers
 * only (the organisers' HTTP API, `ORGANISE_ROUTES.members*`); nothing here is ever sent to a
 * member, an observer, an export or the public record, apart from the aggregate an organiser
 * publishes (`members:published`), with small counts suppressed, and the access needs a
 * facilitator sees for the members they steer (`members:tableNeeds`).
 */

/** The columns a CSV may name that describe a person rather than a demographic category. */
export const PERSON_FIELDS = [
  'reference',
  'name',
  'firstName',
  'lastName',
  'email',
  'phone',
  'address',
  'status',
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];
export type ColumnKind = PersonField | 'demographic';

/** Where a person stands: drawn and taking part, drawn as a reserve, or dropped out (kept, with their history). */
export const MEMBER_STATUSES = ['selected', 'reserve', 'dropped'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** Access needs, recorded with the member's consent: needs, never diagnoses. */
export const ACCESS_NEEDS = [
  'captions',
  'screen_reader',
  'large_text',
  'welsh',
  'bsl_interpreter',
  'step_free_room',
  'device_or_data',
] as const;
export type AccessNeed = (typeof ACCESS_NEEDS)[number];

/** What is wrong with a whole file: nothing is imported until it is fixed. */
export const FILE_PROBLEMS = [
  'empty',
  'too_large',
  'not_utf8',
  'utf16',
  'unreadable',
  'too_many_rows',
  'too_many_columns',
  'empty_header',
  'header_too_long',
  'duplicate_header',
  'no_name_column',
  'too_many_values',
] as const;
export type FileProblemCode = (typeof FILE_PROBLEMS)[number];
export interface FileProblem {
  code: FileProblemCode;
  /** The line of the file (1 = the header), where it applies. */
  line: number | null;
  /** The column's position (1 = first) or header, where it applies. */
  column: number | null;
  header: string | null;
  /** The limit that was passed, where one was. */
  limit: number | null;
}

/** What is wrong with one row: that row is left out; the others can still be imported. */
export const ROW_PROBLEMS = [
  'missing_name',
  'duplicate_row',
  'duplicate_reference',
  'field_too_long',
  'wrong_field_count',
  'bad_status',
] as const;
export type RowProblemCode = (typeof ROW_PROBLEMS)[number];
export interface RowProblem {
  code: RowProblemCode;
  header: string | null;
  /** For a duplicate: the line it repeats. */
  sameAsLine: number | null;
  limit: number | null;
}

export type RowAction = 'add' | 'update' | 'unchanged' | 'left_out';

export interface PreviewRow {
  /** The row's line in the file (the header is line 1). */
  line: number;
  action: RowAction;
  reference: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  status: 'selected' | 'reserve';
  demographics: Record<string, string>;
  problems: RowProblem[];
}

export interface PreviewColumn {
  position: number;
  header: string;
  kind: ColumnKind;
}

/** `members:preview`: what confirming would do. Nothing is written until `members:import`. */
export interface ImportPreview {
  /** Names this plan: file, rows and the members it matched; `members:import` must send it back. */
  previewHash: string;
  columns: PreviewColumn[];
  fileProblems: FileProblem[];
  rows: PreviewRow[];
  /** Members already imported that this file does not list: kept, never deleted silently. */
  notInFile: { memberId: string; name: string; reference: string | null }[];
  counts: Record<RowAction, number>;
}

export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
  leftOut: number;
}

export interface MemberRecord {
  memberId: string;
  reference: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  status: MemberStatus;
  demographics: Record<string, string>;
  needs: AccessNeed[];
  needsConsent: boolean;
  /** Their seat, once they have one (reserves get theirs when they replace someone). */
  seat: number | null;
  joined: boolean;
  cardIssuedAt: string | null;
  cardExpiresAt: string | null;
}

export interface Replacement {
  droppedId: string;
  droppedName: string;
  replacementId: string;
  replacementName: string;
  at: string;
}

export interface MemberSettings {
  inviteDays: number;
  /** Categories whose aggregate the watch page shows. */
  publishedCategories: string[];
  /** A share this many percentage points from its target is highlighted. */
  gapPoints: number;
}

/** `members:list`: everything an organiser sees. */
export interface MembersState {
  members: MemberRecord[];
  replacements: Replacement[];
  categories: string[];
  settings: MemberSettings;
  quotas: Quota[];
}

export interface Quota {
  category: string;
  value: string;
  /** A share between 0 and 1. */
  share: number;
}

/** One value of a category, as targeted, selected and present (shares between 0 and 1). */
export interface RepresentationValue {
  value: string;
  target: number;
  selected: number;
  selectedCount: number;
  present: number | null;
  presentCount: number;
  /** Selected or present minus target, in percentage points, when past the assembly's threshold. */
  gap: number | null;
}

export interface Representation {
  /** The sitting whose attendance is shown (the live one, else the latest), if any. */
  sitting: { sessionId: string; title: string } | null;
  sittings: { sessionId: string; title: string }[];
  /** Where the targets come from: the quota file, or the shares of everyone drawn. */
  targetsFrom: 'quotas' | 'selection';
  gapPoints: number;
  activeCount: number;
  presentCount: number;
  categories: { category: string; values: RepresentationValue[] }[];
}

/** `members:published`, for the watch page: counts of active members, small ones suppressed. */
export interface PublishedAggregate {
  minimum: number;
  categories: { category: string; values: { value: string; count: number | null }[] }[];
}

/** `members:tableNeeds`: per member a facilitator steers, the needs recorded with consent (members with none are left out). */
export interface TableNeeds {
  members: { participantId: string; needs: AccessNeed[] }[];
}

/** What a member's own screens honour (and nothing else about them). */
export interface MemberPreferences {
  language: 'en' | 'cy' | null;
  largeText: boolean;
}

export interface IssuedCard {
  memberId: string;
  name: string;
  inviteSecret: string;
  /** The typed code, grouped for reading (`K7QM-4RXT-9HWP`). */
  code: string;
  expiresAt: string;
}

const csv = binary(MEMBER_LIMITS.maxImportBytes);
const memberId = z.uuid();

export const previewImportSchema = z.strictObject({ csv });
export const confirmImportSchema = z.strictObject({ csv, previewHash: z.string().min(64).max(64) });
export const membersListSchema = z.strictObject({});
export const replaceMemberSchema = z.strictObject({ memberId, replacementId: memberId });
export const setNeedsSchema = z.strictObject({
  memberId,
  needs: z.array(z.enum(ACCESS_NEEDS)).max(ACCESS_NEEDS.length),
  /** Whether the member agreed to their needs being recorded; withdrawn, only an empty list is taken. */
  consent: z.enum(['given', 'withdrawn']),
});
export const issueCardsSchema = z.strictObject({
  memberIds: z.array(memberId).min(1).max(MEMBER_LIMITS.maxCardsAtOnce),
});
const category = z.string().trim().min(1).max(MEMBER_LIMITS.maxImportFieldLength);
export const memberSettingsSchema = z.strictObject({
  inviteDays: z.number().int().min(MEMBER_LIMITS.minInviteDays).max(MEMBER_LIMITS.maxInviteDays),
  publishedCategories: z.array(category).max(MEMBER_LIMITS.maxImportColumns),
  gapPoints: z.number().int().min(1).max(50),
});
export const setQuotasSchema = z.strictObject({ csv });
export const representationSchema = z.strictObject({ sessionId: z.uuid().nullable() });
export const tableNeedsSchema = z.strictObject({ sessionId: z.uuid() });
export const myPreferencesSchema = z.strictObject({});
export const publishedSchema = z.strictObject({});

export type PreviewImport = z.infer<typeof previewImportSchema>;
export type ConfirmImport = z.infer<typeof confirmImportSchema>;
export type ReplaceMember = z.infer<typeof replaceMemberSchema>;
export type SetNeeds = z.infer<typeof setNeedsSchema>;
export type IssueCards = z.infer<typeof issueCardsSchema>;
export type SetMemberSettings = z.infer<typeof memberSettingsSchema>;
export type SetQuotas = z.infer<typeof setQuotasSchema>;
export type RepresentationQuery = z.infer<typeof representationSchema>;
export type TableNeedsQuery = z.infer<typeof tableNeedsSchema>;

/** Why an organiser's request about the lottery's members was refused (`member.*`). */
export const MEMBER_REASONS = [
  'notFound',
  'importStale',
  'fileHasProblems',
  'fileTooLarge',
  'fileUnreadable',
  'notSelected',
  'notReserve',
  'needsWithoutConsent',
  'cardsForSelected',
  'unknownCategory',
] as const;
