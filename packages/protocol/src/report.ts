import { z } from 'zod';
import type { AgendaKind, ModerationReason, SessionStatus } from './session.ts';
import { MODERATION_REASONS } from './session.ts';
import { LIMITS } from './limits.ts';
import type { CharterExport } from './http.ts';
import type { CaseRegister } from './cases.ts';
import type { Phrase } from './phrase.ts';
import type { ParagraphReading } from './consensus.ts';
import type { EvidenceBalance, EvidenceKind } from './evidence.ts';
import type { PublishedAggregate } from './members.ts';
import type { RecommendationPart } from './finalBallot.ts';
import type { PlaceKind } from './programme.ts';

/**
 * The assembly's report (issue 15 §3): one model assembled from the record — the charge and who
 * commissioned it, who took part (the aggregate the organisers published, nothing below it), the
 * programme and the evidence heard, each standard with its text, easy read, final support,
 * consensus map, amendments and minority reports, the consequence ladders, the register of
 * breach cases, and the short statements members wrote for it. The same for every reader: no
 * ballot, no demographic below the published aggregate, no hidden statement, no meeting link.
 * Wording is left to the reader's language where the web renders it: statuses, parts, kinds
 * and readings are codes.
 */
export const REPORT_LIMITS = {
  /** A member's own statement for the report, in characters: a paragraph or two, not an essay. */
  maxStatementLength: 1200,
} as const;

/** member → server, `report:writeStatement`: one's own statement, replacing any before ('' withdraws it). */
export const writeStatementSchema = z.strictObject({
  text: z.string().trim().max(REPORT_LIMITS.maxStatementLength),
});
/** moderator → server, `report:hideStatement`: a statement left out of the report, with a reason its author sees. */
export const hideStatementSchema = z.strictObject({
  statementId: z.uuid(),
  reason: z.strictObject({
    code: z.enum(MODERATION_REASONS),
    note: z.string().trim().max(LIMITS.maxNoteLength).default(''),
  }),
});
/** member → server, `report:myStatement`: one's own statement as stored, hidden or not. */
export const myStatementSchema = z.strictObject({});

export type WriteStatement = z.infer<typeof writeStatementSchema>;
export type HideStatement = z.input<typeof hideStatementSchema>;

/** `report:myStatement`'s answer: null when the member has written none. */
export type MyStatement = {
  statementId: string;
  text: string;
  writtenAt: number;
  /** Set when a moderator left it out of the report. */
  hidden: { reason: ModerationReason } | null;
} | null;

/** One recommendation of the final ballot as the report shows it (counts per answer, never a ballot). */
export interface ReportRecommendation {
  /** 1, 2, … in ballot order. */
  number: number;
  part: RecommendationPart;
  title: string;
  /** The standard's position in the charter (1, 2, …), null if it was removed since. */
  standard: number | null;
  /** Ballots per answer in SUPPORT_SCALE order, online and paper together. */
  counts: number[];
  supporting: number;
  base: number;
  percent: number;
  supported: boolean;
}

export interface ReportFinalBallot {
  status: 'open' | 'closed';
  threshold: { share: number; base: 'answering' | 'ballots' };
  /** Null while the ballot is open: the report shows results only. */
  result: {
    ballots: number;
    online: number;
    paper: number;
    eligible: number;
    quorumNeeded: number;
    quorumMet: boolean;
    /** The tally's own sentence, in English (the web words the numbers itself). */
    explanation: string;
    /** The same as codes for the reader's language (`VoteResult.because`); null on older votes. */
    because?: Phrase[] | null;
  } | null;
  recommendations: ReportRecommendation[];
}

/** One paragraph of a standard's consensus map: aggregates only, as the watch page shows them. */
export interface ReportParagraph {
  opening: string;
  agree: number;
  disagree: number;
  pass: number;
  bridging: number;
  reading: ParagraphReading;
}

export type ReportStandard = CharterExport['standards'][number] & {
  /** The consensus map as last computed, or null if nobody marked a paragraph. */
  consensus: { members: number; groups: number; paragraphs: ReportParagraph[] } | null;
};

export interface ReportSitting {
  title: string;
  status: SessionStatus;
  cancelled: boolean;
  startsAt: string | null;
  endsAt: string | null;
  /** Room, online or both; never the meeting link or the room's address. */
  place: PlaceKind | null;
  agenda: { title: string; kind: AgendaKind; expert: boolean }[];
}

export interface ReportEvidence {
  number: number;
  kind: EvidenceKind;
  title: string;
  speaker: string;
  affiliation: string;
  interests: string;
  summary: string;
  easyRead: string;
  links: string[];
  balance: EvidenceBalance;
}

export interface ReportStatement {
  id: string;
  /** As the public sees the member: their name if they chose to show it, else "Member 7". */
  author: string;
  text: string;
  writtenAt: string;
}

export interface ReportExport {
  assembly: {
    title: string;
    charge: string;
    commissionedBy: string;
    description: string;
    startsOn: string | null;
    endsOn: string | null;
  };
  exportedAt: string;
  /** Who took part: the organisers' published aggregate (small counts already suppressed). */
  participation: PublishedAggregate;
  programme: { timeZone: string; sittings: ReportSitting[] };
  evidence: ReportEvidence[];
  standards: ReportStandard[];
  /** The latest final ballot, or null if none was opened. */
  finalBallot: ReportFinalBallot | null;
  cases: CaseRegister['cases'];
  statements: ReportStatement[];
}

/** Why a command about the report's statements was refused (`report.*`). */
export const REPORT_REASONS = ['statementNotFound'] as const;
