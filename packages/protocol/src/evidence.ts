import { z } from 'zod';
import type { ErrorReason } from './errors.ts';
import { MODERATION_REASONS, type ModerationReason } from './session.ts';

/**
 * The learning phase: an evidence library per assembly (briefing papers and expert talks), the
 * expert sessions held on the agenda with members' questions, and the citations standards and
 * breach cases make of the library. Its limits live here, beside `limits.ts`, so the watch
 * page's first load does not carry them.
 */
export const EVIDENCE_LIMITS = {
  /** Entries in one assembly's library. */
  maxEntriesPerAssembly: 200,
  /** An entry's title, speaker, affiliation, in characters. */
  maxEntryTitleLength: 200,
  maxSpeakerLength: 120,
  maxAffiliationLength: 200,
  /** What the speaker or authors declared they have at stake (funding, membership, employment). */
  maxInterestsLength: 1000,
  /** The summary and its easy-read version, in characters. */
  maxSummaryLength: 5000,
  maxEasyReadLength: 3000,
  /** Links on one entry (http(s) only), each at most `maxLinkLength` characters. */
  maxLinksPerEntry: 10,
  maxLinkLength: 2000,
  /** A question to a speaker, and the summary of its answer, in characters. */
  maxQuestionLength: 500,
  maxAnswerLength: 3000,
  /** Questions one member may put to one expert session, and one session may hold in all. */
  maxQuestionsPerMemberPerSession: 3,
  maxQuestionsPerSession: 300,
  /** Library entries one standard or one breach case may cite. */
  maxCitations: 20,
} as const;

export const EVIDENCE_KINDS = ['briefing', 'talk'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
/** Where an entry stands on the question before the assembly: set by the lead moderator, shown to all. */
export const EVIDENCE_BALANCES = ['for', 'against', 'context'] as const;
export type EvidenceBalance = (typeof EVIDENCE_BALANCES)[number];

/**
 * Why a command about evidence was refused, as a code with parameters: the client words it in
 * the reader's language (`ProtocolError.reason`), the English `message` is for logs and tools.
 */
export const EVIDENCE_REASONS = [
  'required',
  'tooLong',
  'tooMany',
  'badLink',
  'duplicate',
  'libraryFull',
  'entryNotFound',
  'notATalk',
  'sessionNotFound',
  'sessionOver',
  'questionNotFound',
  'questionLimit',
  'sessionFull',
  'ownQuestion',
  'notAsked',
  'citedNotFound',
  'caseNotFound',
] as const;
export type EvidenceReason = (typeof EVIDENCE_REASONS)[number];
export const evidenceReason = (key: EvidenceReason, params?: Record<string, string | number>): ErrorReason => ({
  key: `evidence.${key}`,
  ...(params ? { params } : {}),
});

/** A custom issue carrying its reason: `parsePayload` copies it onto the error. */
const issue = (ctx: z.RefinementCtx, message: string, reason: ErrorReason) =>
  ctx.addIssue({ code: 'custom', message, params: { reason } });

/** Text of at most `max` characters, trimmed; `required` refuses it empty. Refusals carry the field's name. */
const text = (field: string, max: number, required: boolean) =>
  z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      if (required && value.length === 0) issue(ctx, `${field} is required`, evidenceReason('required', { field }));
      if (value.length > max)
        issue(ctx, `${field} is at most ${max} characters`, evidenceReason('tooLong', { field, max }));
    });

/** True for an absolute http: or https: address (what a browser would open as a web page). */
export function isWebLink(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * An http(s) address, normalised as a browser would (`new URL(link).href`). `javascript:`,
 * `data:`, `file:` and anything that is not an address are refused with `badLink`.
 */
export const webLinkSchema = z
  .url({ protocol: /^https?$/, error: 'A link must be an http(s) address' })
  .superRefine((value, ctx) => {
    if (!isWebLink(value))
      issue(ctx, 'A link must be an http(s) address', evidenceReason('badLink', { link: value.slice(0, 80) }));
    if (value.length > EVIDENCE_LIMITS.maxLinkLength)
      issue(
        ctx,
        `A link is at most ${EVIDENCE_LIMITS.maxLinkLength} characters`,
        evidenceReason('tooLong', { field: 'link', max: EVIDENCE_LIMITS.maxLinkLength }),
      );
  })
  .transform((value) => new URL(value).href);

/**
 * A list of at most `max` distinct ids. (The count is checked by a refinement rather than
 * `.max()`, whose refusal would stop before the reason's code is attached; the packet limit
 * bounds what is parsed before it.)
 */
const idList = (field: string, max: number) =>
  z.array(z.uuid()).superRefine((ids, ctx) => {
    if (ids.length > max) issue(ctx, `At most ${max} ${field}`, evidenceReason('tooMany', { field, max }));
    if (new Set(ids).size !== ids.length)
      issue(ctx, `An entry is listed twice`, evidenceReason('duplicate', { field }));
  });

/** One entry as the lead moderator writes it. Speaker, affiliation and interests are for talks mostly. */
export const evidenceEntrySchema = z.strictObject({
  kind: z.enum(EVIDENCE_KINDS),
  title: text('title', EVIDENCE_LIMITS.maxEntryTitleLength, true),
  speaker: text('speaker', EVIDENCE_LIMITS.maxSpeakerLength, false).default(''),
  affiliation: text('affiliation', EVIDENCE_LIMITS.maxAffiliationLength, false).default(''),
  interests: text('interests', EVIDENCE_LIMITS.maxInterestsLength, false).default(''),
  summary: text('summary', EVIDENCE_LIMITS.maxSummaryLength, true),
  easyRead: text('easyRead', EVIDENCE_LIMITS.maxEasyReadLength, false).default(''),
  links: z
    .array(webLinkSchema)
    .superRefine((links, ctx) => {
      if (links.length > EVIDENCE_LIMITS.maxLinksPerEntry)
        issue(
          ctx,
          `At most ${EVIDENCE_LIMITS.maxLinksPerEntry} links`,
          evidenceReason('tooMany', { field: 'links', max: EVIDENCE_LIMITS.maxLinksPerEntry }),
        );
    })
    .default([]),
  balance: z.enum(EVIDENCE_BALANCES),
});
export type EvidenceEntryInput = z.input<typeof evidenceEntrySchema>;
export type EvidenceEntryFields = z.output<typeof evidenceEntrySchema>;

const entryId = z.uuid();
const questionId = z.uuid();

/** lead moderator → server, `evidence:add`. */
export const addEvidenceSchema = z.strictObject({ entry: evidenceEntrySchema });
/** lead moderator → server, `evidence:edit`: the whole entry again. */
export const editEvidenceSchema = z.strictObject({ entryId, entry: evidenceEntrySchema });
/** anyone in the assembly → server, `evidence:open`: the library now, and its changes from now on. */
export const openEvidenceSchema = z.strictObject({});
/** lead moderator → server, `evidence:expertSession`: an agenda item becomes an expert session with a talk's speaker (null: no longer). */
export const expertSessionSchema = z.strictObject({ itemId: z.uuid(), entryId: entryId.nullable() });
/** lead moderator → server, `evidence:cite`: the whole list of entries a standard or a case cites. */
export const citeEvidenceSchema = z.strictObject({
  on: z.union([z.strictObject({ standardId: z.uuid() }), z.strictObject({ caseId: z.uuid() })]),
  entryIds: idList('entryIds', EVIDENCE_LIMITS.maxCitations),
});
/** member → server, `question:ask`: a question to the speaker of an expert session (an agenda item). */
export const askQuestionSchema = z.strictObject({
  itemId: z.uuid(),
  text: text('question', EVIDENCE_LIMITS.maxQuestionLength, true),
});
/** member → server, `question:support`: one support per member per question, not one's own. */
export const questionRefSchema = z.strictObject({ questionId });
/** lead moderator → server, `question:answer`: marks a question asked and, with a summary, answered. */
export const answerQuestionSchema = z.strictObject({
  questionId,
  answer: text('answer', EVIDENCE_LIMITS.maxAnswerLength, false).default(''),
});
/** lead moderator → server, `question:hide`: a question taken down, with a reason its author is told. */
export const hideQuestionSchema = z.strictObject({
  questionId,
  reason: z.enum(MODERATION_REASONS),
});

export type AddEvidence = z.input<typeof addEvidenceSchema>;
export type EditEvidence = z.input<typeof editEvidenceSchema>;
export type ExpertSession = z.infer<typeof expertSessionSchema>;
export type CiteEvidence = z.infer<typeof citeEvidenceSchema>;
export type AskQuestion = z.infer<typeof askQuestionSchema>;
export type QuestionRef = z.infer<typeof questionRefSchema>;
export type AnswerQuestion = z.input<typeof answerQuestionSchema>;
export type HideQuestion = z.infer<typeof hideQuestionSchema>;

export interface EvidenceEntryView extends EvidenceEntryFields {
  id: string;
  /** 1, 2, … in the order added: "Evidence 3". */
  number: number;
  addedAt: number;
  updatedAt: number;
}

export interface QuestionView {
  id: string;
  /** The expert session (agenda item) it was put to. */
  itemId: string;
  /**
   * Members see the author's name; observers the public's name for them (a pseudonym, "Member 7",
   * unless they chose to show their name).
   */
  author: string;
  /** Null when hidden (for everyone but moderators). */
  text: string | null;
  /** How many members support it: a count, never who. */
  supports: number;
  askedAt: number | null;
  answer: string | null;
  answeredAt: number | null;
  hidden: ModerationReason | null;
}

export interface ExpertSessionView {
  itemId: string;
  entryId: string;
  /** The agenda item's title and state, and its sitting's title. */
  title: string;
  sitting: string;
  status: 'pending' | 'running' | 'paused' | 'done';
}

/** What `evidence:open` answers and `evidence:state` sends after each change. */
export interface EvidenceState {
  entries: EvidenceEntryView[];
  sessions: ExpertSessionView[];
  /**
   * Moderators and members: every question not hidden (moderators: hidden ones too). Observers:
   * only the questions asked, with their answers.
   */
  questions: QuestionView[];
  citations: { standards: Record<string, string[]>; cases: Record<string, string[]> };
}

/** The caller's own part, in `evidence:open`'s answer only: the questions they support. */
export interface EvidenceMine {
  supported: string[];
}

/** The address of an entry in the member's library (`/assembly/evidence#evidence-<id>`). */
export const evidenceAnchor = (entryId: string): string => `evidence-${entryId}`;
