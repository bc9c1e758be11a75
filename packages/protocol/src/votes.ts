import { z } from 'zod';
import { LIMITS } from './limits.ts';

/**
 * Secret votes. Ballots are never sent to anyone while a vote is open; turnout is live; at
 * close everyone (observers too) gets the result and the anonymised list of ballots, from which
 * anyone can recompute the tally and each voter can find their receipt.
 */
export const VOTE_METHODS = ['yes_no', 'consent', 'approval', 'ranked'] as const;
export type VoteMethod = (typeof VOTE_METHODS)[number];
export const VOTE_SUBJECTS = ['adopt_standard', 'amendment', 'consequence', 'question'] as const;
export type VoteSubject = (typeof VOTE_SUBJECTS)[number];
export const YES_NO_CHOICES = ['yes', 'no', 'abstain'] as const;
export type YesNoChoice = (typeof YES_NO_CHOICES)[number];
/** Gradients of agreement, strongest first. */
export const CONSENT_CHOICES = [
  'endorse',
  'agree',
  'agree_with_reservations',
  'stand_aside',
  'disagree',
  'block',
] as const;
export type ConsentChoice = (typeof CONSENT_CHOICES)[number];

/** How a yes/no vote passes: more than half, at least two thirds, or at least a set share. */
export const thresholdSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('simple') }),
  z.strictObject({ kind: z.literal('two_thirds') }),
  z.strictObject({ kind: z.literal('share'), share: z.number().gt(0).max(1) }),
]);
export type Threshold = z.infer<typeof thresholdSchema>;

/**
 * Whether voters get a receipt. `verifiable`: each voter gets a code and finds their ballot in the
 * published list after close — and can show that code to anyone, so it also proves to a buyer or
 * a boss how they voted. `none`: no receipt is issued or published, and the ballot takes no
 * reason (free text would let a voter mark their ballot), so nobody can prove how they voted.
 */
export const RECEIPT_MODES = ['verifiable', 'none'] as const;
export type ReceiptMode = (typeof RECEIPT_MODES)[number];
/** Absent means `verifiable`; the server stores every vote's rules with it spelt out. */
const receipts = z.enum(RECEIPT_MODES).optional();

/** A vote's receipt mode: `verifiable` unless its rules say `none`. */
export const receiptModeOf = (rules: { receipts?: ReceiptMode | undefined }): ReceiptMode =>
  rules.receipts ?? 'verifiable';

/** The rules of one vote, fixed when it opens. */
export const voteRulesSchema = z.discriminatedUnion('method', [
  z.strictObject({
    method: z.literal('yes_no'),
    receipts,
    threshold: thresholdSchema,
    /** Whether abstentions count in the denominator of the threshold. */
    abstentionsCount: z.boolean().default(false),
  }),
  z.strictObject({
    method: z.literal('consent'),
    receipts,
    /** Share of ballots that must be endorse/agree/agree with reservations (no block at all). */
    agreeShare: z.number().gt(0).max(1).default(0.75),
  }),
  z.strictObject({
    method: z.literal('approval'),
    receipts,
    options: z.array(z.string().trim().min(1).max(LIMITS.maxTitleLength)).min(2).max(LIMITS.maxVoteOptions),
  }),
  z.strictObject({
    method: z.literal('ranked'),
    receipts,
    options: z.array(z.string().trim().min(1).max(LIMITS.maxTitleLength)).min(2).max(LIMITS.maxVoteOptions),
  }),
]);
export type VoteRules = z.infer<typeof voteRulesSchema>;

/** One ballot's content. Approval: indexes of approved options; ranked: option indexes, most preferred first. */
export type BallotChoice =
  | { method: 'yes_no'; choice: YesNoChoice }
  | { method: 'consent'; choice: ConsentChoice }
  | { method: 'approval'; approved: number[] }
  | { method: 'ranked'; ranking: number[] };

export const ballotChoiceSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('yes_no'), choice: z.enum(YES_NO_CHOICES) }),
  z.strictObject({ method: z.literal('consent'), choice: z.enum(CONSENT_CHOICES) }),
  z.strictObject({
    method: z.literal('approval'),
    approved: z
      .array(
        z
          .int()
          .min(0)
          .max(LIMITS.maxVoteOptions - 1),
      )
      .max(LIMITS.maxVoteOptions),
  }),
  z.strictObject({
    method: z.literal('ranked'),
    ranking: z
      .array(
        z
          .int()
          .min(0)
          .max(LIMITS.maxVoteOptions - 1),
      )
      .min(1)
      .max(LIMITS.maxVoteOptions),
  }),
]);

/** The outcome, computed once at close from the ballots (and recomputable by anyone from them). */
export interface VoteResult {
  /** Every ballot counted: online ballots plus paper ballots. */
  ballots: number;
  /** How many of them were cast online and how many on paper (absent on votes closed before paper counts existed). */
  online?: number;
  paper?: number;
  /** The agreed paper totals per choice, as the two facilitators entered them (present when `paper` > 0). */
  paperCounts?: Record<string, number>;
  /** Members present when the vote opened, and how many ballots quorum needed. */
  eligible: number;
  quorumNeeded: number;
  quorumMet: boolean;
  passed: boolean;
  /** For approval and ranked: the winning option index (null if none, e.g. no quorum). */
  winner: number | null;
  /** Counts per choice (yes_no, consent) or per option (approval; ranked: first preferences). */
  counts: Record<string, number>;
  /** Ranked choice: each round's counts per option still standing, and who was eliminated. */
  rounds?: { counts: Record<string, number>; eliminated: number | null }[];
  /** A sentence saying why, e.g. "Passed: 14 of 20 (70%) ≥ two thirds" or "No quorum: 8 of 12 needed". */
  explanation: string;
}

export const voteSubjectSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('adopt_standard'), standardId: z.uuid() }),
  z.strictObject({ kind: z.literal('question'), question: z.string().trim().min(1).max(LIMITS.maxTitleLength) }),
]);
export type VoteSubjectInput = z.infer<typeof voteSubjectSchema>;

/** moderator → server, `vote:open`. `quorumShare` of the members checked in now must vote. */
export const openVoteSchema = z.strictObject({
  subject: voteSubjectSchema,
  rules: voteRulesSchema,
  quorumShare: z.number().min(0).max(1).default(0.5),
});
/**
 * member → server, `vote:cast`. `ballotId` is generated by the client once per ballot and
 * reused on retries, so a retry never counts twice; casting again with a new id replaces the
 * member's ballot until the vote closes. A vote with `receipts: 'none'` refuses a reason.
 */
export const castBallotSchema = z.strictObject({
  voteId: z.uuid(),
  ballotId: z.uuid(),
  choice: ballotChoiceSchema,
  reason: z.string().trim().max(LIMITS.maxNoteLength).default(''),
});
export const voteRefSchema = z.strictObject({ voteId: z.uuid() });

/** Methods whose paper ballots are counted as totals per choice (a ranking cannot be totalled by hand). */
export const PAPER_METHODS = ['yes_no', 'consent'] as const;

/**
 * facilitator or moderator → server, `vote:markPaper`: ticks a member on the check-in list as
 * voting on paper in this vote. They must be present now; once marked they cannot cast online,
 * and a member who has cast online cannot be marked.
 */
export const markPaperSchema = z.strictObject({ voteId: z.uuid(), participantId: z.uuid() });
/**
 * facilitator → server, `vote:enterPaperTotals`: the paper ballots counted in the room, per
 * choice. Two facilitators enter them independently: the second entry that matches the first
 * makes them count; one that differs discards both.
 */
export const paperTotalsSchema = z.strictObject({
  voteId: z.uuid(),
  counts: z
    .record(z.string().min(1).max(40), z.int().min(0).max(LIMITS.maxPaperBallots))
    .refine((c) => Object.keys(c).length <= 12, 'Too many choices'),
});

/** Where a vote's paper count stands. Totals stay private until close; who voted on paper does not. */
export interface PaperCountView {
  /** Members ticked as voting on paper (present, checked in). */
  voterIds: string[];
  /** `open`: no totals yet; `awaiting_second`: one facilitator entered, another must; `agreed`: both matched. */
  status: 'open' | 'awaiting_second' | 'agreed';
  /** The facilitator whose entry waits for a second one. */
  firstEnteredBy: string | null;
  /** When two entries last disagreed (both discarded), so both facilitators are told; null if never. */
  lastMismatchAt: number | null;
}

/**
 * A ballot as published after close: no name, no time, never in casting order (sorted by
 * receipt, or by choice and reason when the vote gives no receipts). `receipt` is null, and so
 * is `reason`, when the vote's rules say `receipts: 'none'`.
 */
export interface PublishedBallot {
  receipt: string | null;
  choice: BallotChoice;
  reason: string | null;
}

export interface VoteView {
  id: string;
  subject: VoteSubject;
  /** The standard voted on, for adoption votes. */
  standardId: string | null;
  question: string;
  rules: VoteRules;
  status: 'open' | 'closed';
  openedAt: number;
  closedAt: number | null;
  /** Ballots cast so far (people, not choices), and the members present when it opened. */
  turnout: number;
  eligible: number;
  quorumNeeded: number;
  /** Null while open: nobody learns any choice before close. */
  result: VoteResult | null;
  ballots: PublishedBallot[] | null;
  /** The in-room paper count, if any member was ticked as voting on paper. */
  paper: PaperCountView | null;
}
