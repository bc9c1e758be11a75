import type { VoteResult } from './votes.ts';
import type { Phrase } from './phrase.ts';

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

/**
 * Why the server refused a case command, the leader's included (`case.<key>`); registered in
 * `reasons.ts`. A case's status is not a parameter: each key says what the status means here.
 */
export const CASE_REASONS = [
  'notFound',
  'standardNotFound',
  'standardNotAdopted',
  'noLadder',
  'tooManyOptions',
  'cannotMove',
  'replyClosed',
  'evidenceClosed',
  'evidenceFull',
  'alreadyClosed',
  'closeVoteFirst',
  'notDeliberating',
  'voteAlreadyOpen',
  'leaderWhileHeard',
  'leaderSeatsFull',
  'leaderNotInvited',
  'replyTooLate',
] as const;

/** The Yjs document where members co-draft a case's reasoning, and its rich-text field. */
export const caseDocId = (caseId: string): string => `case:${caseId}`;
export const CASE_REASONING_FIELD = 'reasoning';

/**
 * The consequence vote's first option. Listed first on purpose: instant runoff eliminates the
 * later-listed of options tied for fewest votes in every round so far, so the last tie-break
 * favours finding no breach.
 */
export const NO_BREACH_FOUND = 'No breach found';

/** One piece of evidence: what it shows, and where to find it if it is online (an http(s) address). */
export interface Evidence {
  description: string;
  link: string | null;
}

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
  /** The same as codes for the reader's language (`VoteResult.because`); null while open or on older votes. */
  because?: Phrase[] | null;
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
      /** The same as codes for the reader's language (`VoteResult.because`); null on older votes. */
      because?: Phrase[] | null;
      ballots: number;
      eligible: number;
    } | null;
    /** Every consequence vote held, including those that decided nothing (no quorum, no ballots). */
    votes: { explanation: string | null; because?: Phrase[] | null; decided: boolean }[];
  }[];
}
