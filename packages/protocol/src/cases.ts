import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { RECEIPT_MODES, type VoteResult } from './votes.ts';

/**
 * Breach cases: a moderator opens a case against a role-holder for breaching adopted
 * standards; the case is heard (the leader's reply is recorded), deliberated (members co-draft
 * the reasoning in the Yjs document `case:<id>`), and decided by a secret ranked-choice vote
 * among the cited standards' consequence ladders plus "No breach found" — or dismissed.
 * Everything here is public record: the register of cases exports it.
 */
export const CASE_STATUSES = ['open', 'hearing', 'deliberating', 'decided', 'dismissed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The states a moderator moves a case into with `case:advance`; `decided` only comes from the vote. */
export const CASE_ADVANCES = ['hearing', 'deliberating'] as const;
export type CaseAdvance = (typeof CASE_ADVANCES)[number];

/** The Yjs document where members co-draft a case's reasoning, and its rich-text field. */
export const caseDocId = (caseId: string): string => `case:${caseId}`;
export const CASE_REASONING_FIELD = 'reasoning';

/**
 * The consequence vote's first option. Listed first on purpose: instant runoff eliminates the
 * later-listed of options tied for fewest votes in every round so far, so the last tie-break
 * favours finding no breach.
 */
export const NO_BREACH_FOUND = 'No breach found';

/** An http(s) address, normalised as a browser would (`new URL(link).href`). */
const link = z
  .url({ protocol: /^https?$/, error: 'A link must be an http(s) address' })
  .max(LIMITS.maxLinkLength, `A link is at most ${LIMITS.maxLinkLength} characters`)
  .transform((value) => new URL(value).href);

/** One piece of evidence: what it shows, and where to find it if it is online. */
export const evidenceSchema = z.strictObject({
  description: z.string().trim().min(1, 'Describe the evidence').max(LIMITS.maxNoteLength),
  link: link.nullable().default(null),
});
export type Evidence = z.output<typeof evidenceSchema>;

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

/** What a closed consequence vote decided. Aggregates only: never a ballot. */
export interface CaseDecision {
  voteId: string;
  /** The winning option: a consequence from a ladder, or `NO_BREACH_FOUND`. */
  outcome: string;
  breachFound: boolean;
  /** The reasoning document as Markdown, as stored when the vote closed. */
  reasoning: string;
  /** The options as they were voted on, and the counted result (rounds of instant runoff). */
  options: string[];
  result: VoteResult;
  decidedAt: number;
}

/** A consequence vote held on the case; one that decided nothing leaves the case deliberating. */
export interface CaseVote {
  voteId: string;
  status: 'open' | 'closed';
  /** Null while open; the tally's sentence once closed. */
  explanation: string | null;
  decided: boolean;
}

export interface CaseView {
  id: string;
  /** 1, 2, … within the assembly: "Case 3" in the register. */
  number: number;
  respondent: { role: string; name: string | null };
  standardIds: string[];
  summary: string;
  evidence: Evidence[];
  reply: { text: string; recordedAt: number } | null;
  status: CaseStatus;
  dismissalReason: string | null;
  /** The moderator who opened it (observers: a pseudonym unless they opted in to their name). */
  openedBy: string;
  openedAt: number;
  hearingAt: number | null;
  deliberatingAt: number | null;
  /** When it was decided or dismissed. */
  closedAt: number | null;
  docId: string;
  /** The options a consequence vote has: `NO_BREACH_FOUND`, then each cited ladder's steps (deduplicated). */
  options: string[];
  votes: CaseVote[];
  decision: CaseDecision | null;
}

/** The public register of cases (`HTTP_ROUTES.casesJson`); the same for every audience. */
export interface CaseRegister {
  assembly: { title: string; charge: string };
  exportedAt: string;
  cases: {
    number: number;
    respondent: { role: string; name: string | null };
    standards: { id: string; title: string }[];
    summary: string;
    evidence: Evidence[];
    reply: { text: string; recordedAt: string } | null;
    status: CaseStatus;
    dismissalReason: string | null;
    openedBy: string;
    dates: { opened: string; hearing: string | null; deliberating: string | null; closed: string | null };
    /** Markdown: as stored when the vote decided the case; otherwise the document as it stands. */
    reasoning: string;
    decision: {
      outcome: string;
      breachFound: boolean;
      explanation: string;
      ballots: number;
      eligible: number;
    } | null;
    /** Every consequence vote held, including those that decided nothing (no quorum, no ballots). */
    votes: { explanation: string | null; decided: boolean }[];
  }[];
}
