import { z } from 'zod';
import { CASE_ADVANCES } from './cases.ts';
import { LIMITS } from './limits.ts';
import { RECEIPT_MODES } from './votes.ts';

// The schemas of `cases.ts`, apart from it so that a page that only reads its views and names
// (the watch page) does not load zod: a bundler keeps a module whole.

/** An http(s) address, normalised as a browser would (`new URL(link).href`). */
const link = z
  .url({ protocol: /^https?$/, error: 'A link must be an http(s) address' })
  .max(LIMITS.maxLinkLength, `A link is at most ${LIMITS.maxLinkLength} characters`)
  .transform((value) => new URL(value).href);

/** One piece of evidence (`Evidence` once parsed: `schemaTypes.test-d.ts` holds them to each other). */
export const evidenceSchema = z.strictObject({
  description: z.string().trim().min(1, 'Describe the evidence').max(LIMITS.maxNoteLength),
  link: link.nullable().default(null),
});

const caseId = z.uuid();
const caseText = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} is required`)
    .max(LIMITS.maxCaseTextLength, `${what} is at most ${LIMITS.maxCaseTextLength} characters`);

/** moderator → server, `case:open`. Only adopted standards may be cited. */
export const openCaseSchema = z.strictObject({
  respondent: z.strictObject({
    /** The office concerned, e.g. "Director of Housing". */
    role: z.string().trim().min(1, 'Name the role concerned').max(LIMITS.maxTitleLength),
    /** The role-holder's name, if given: public, as the whole case is. */
    name: z.string().trim().min(1).max(LIMITS.maxTitleLength).nullable().default(null),
  }),
  standardIds: z
    .array(z.uuid())
    .min(1, 'Cite at least one adopted standard')
    .max(LIMITS.maxCaseStandards, `A case cites at most ${LIMITS.maxCaseStandards} standards`)
    .refine((ids) => new Set(ids).size === ids.length, 'A standard is cited more than once'),
  summary: caseText('A summary'),
  evidence: z
    .array(evidenceSchema)
    .max(LIMITS.maxCaseEvidence, `A case holds at most ${LIMITS.maxCaseEvidence} pieces of evidence`)
    .default([]),
});
/** moderator → server, `case:advance`: open → hearing, hearing → deliberating (the target is explicit). */
export const advanceCaseSchema = z.strictObject({ caseId, to: z.enum(CASE_ADVANCES) });
/** moderator → server, `case:reply`: records (or replaces) the leader's reply, until deliberation starts. */
export const replyCaseSchema = z.strictObject({ caseId, reply: caseText('A reply') });
/** moderator → server, `case:addEvidence`: one more piece of evidence, until deliberation starts. */
export const addCaseEvidenceSchema = z.strictObject({ caseId, evidence: evidenceSchema });
/** moderator → server, `case:dismiss`: from any state but decided or dismissed, with a reason. */
export const dismissCaseSchema = z.strictObject({
  caseId,
  reason: z.string().trim().min(1, 'Give a reason').max(LIMITS.maxNoteLength),
});
/**
 * moderator → server, `case:openVote`: the consequence vote; its options are built by the server.
 * `receipts` as in a vote's rules (`verifiable` unless asked).
 */
export const openCaseVoteSchema = z.strictObject({
  caseId,
  quorumShare: z.number().min(0).max(1).default(0.5),
  receipts: z.enum(RECEIPT_MODES).default('verifiable'),
});

export type OpenCase = z.input<typeof openCaseSchema>;
export type AdvanceCase = z.infer<typeof advanceCaseSchema>;
export type ReplyCase = z.infer<typeof replyCaseSchema>;
export type AddCaseEvidence = z.input<typeof addCaseEvidenceSchema>;
export type DismissCase = z.infer<typeof dismissCaseSchema>;
export type OpenCaseVote = z.input<typeof openCaseVoteSchema>;
