import type { Recommendation, RecommendationResult, SupportThreshold } from './finalBallot.ts';
import type { QuorumContinued, QuorumPause } from './quorum.ts';
import type { Phrase } from './phrase.ts';

/**
 * Secret votes. Ballots are never sent to anyone while a vote is open; turnout is live; at
 * close everyone (observers too) gets the result and the anonymised list of ballots, from which
 * anyone can recompute the tally and each voter can find their receipt.
 */
export const VOTE_METHODS = ['yes_no', 'consent', 'approval', 'ranked'] as const;
export type VoteMethod = (typeof VOTE_METHODS)[number];
export const VOTE_SUBJECTS = ['adopt_standard', 'amendment', 'consequence', 'question', 'final_ballot'] as const;
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
export type Threshold = { kind: 'simple' } | { kind: 'two_thirds' } | { kind: 'share'; share: number };

/**
 * Whether voters get a receipt. `verifiable`: each voter gets a code and finds their ballot in the
 * published list after close — and can show that code to anyone, so it also proves to a buyer or
 * a boss how they voted. `none`: no receipt is issued or published, and the ballot takes no
 * reason (free text would let a voter mark their ballot), so nobody can prove how they voted.
 */
export const RECEIPT_MODES = ['verifiable', 'none'] as const;
export type ReceiptMode = (typeof RECEIPT_MODES)[number];
/** A vote's receipt mode: `verifiable` unless its rules say `none`. */
export const receiptModeOf = (rules: { receipts?: ReceiptMode | undefined }): ReceiptMode =>
  rules.receipts ?? 'verifiable';

/**
 * The rules of one vote, fixed when it opens, as sent to open it (a final ballot's recommendations
 * come from its subject). `receipts` absent means `verifiable`; the server stores every vote's
 * rules with it spelt out.
 */
export type VoteRulesInput =
  | {
      method: 'yes_no';
      receipts?: ReceiptMode | undefined;
      threshold: Threshold;
      /** Whether abstentions count in the denominator of the threshold. */
      abstentionsCount: boolean;
    }
  | {
      method: 'consent';
      receipts?: ReceiptMode | undefined;
      /** Share of ballots that must be endorse/agree/agree with reservations (no block at all). */
      agreeShare: number;
    }
  | { method: 'approval'; receipts?: ReceiptMode | undefined; options: string[] }
  | { method: 'ranked'; receipts?: ReceiptMode | undefined; options: string[] }
  | { method: 'support'; receipts?: ReceiptMode | undefined; threshold: SupportThreshold };
/** The rules as stored and shown: a final ballot's carry its recommendations, in ballot order. */
export type VoteRules =
  | Exclude<VoteRulesInput, { method: 'support' }>
  | (Extract<VoteRulesInput, { method: 'support' }> & { items: Recommendation[] });

/** One ballot's content. Approval: indexes of approved options; ranked: option indexes, most preferred first. */
export type BallotChoice =
  | { method: 'yes_no'; choice: YesNoChoice }
  | { method: 'consent'; choice: ConsentChoice }
  | { method: 'approval'; approved: number[] }
  | { method: 'ranked'; ranking: number[] }
  | { method: 'support'; answers: (number | null)[] };

/** The outcome, computed once at close from the ballots (and recomputable by anyone from them). */
export interface VoteResult {
  /** Every ballot counted: online ballots plus paper ballots. */
  ballots: number;
  /** How many of them were cast online and how many on paper (absent on votes closed before paper counts existed). */
  online?: number;
  paper?: number;
  /** The agreed paper totals per choice, as the two facilitators entered them (present when `paper` > 0). */
  paperCounts?: Record<string, number>;
  /** Approval and ranked: the agreed paper ballots, each distinct one with how many, so anyone recounts. */
  paperBallots?: PaperBallotLine[];
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
  /**
   * The same sentences as codes with parameters (`tally.*`), for each page to word in its
   * reader's language; absent on votes closed before results carried them (then `explanation`).
   */
  because?: Phrase[];
  /** Final ballot: each recommendation's result, in ballot order. */
  recommendations?: RecommendationResult[];
}

/**
 * Methods whose paper ballots are counted as totals per choice (`vote:enterPaperTotals`), and
 * those counted ballot by ballot (`vote:enterPaperBallots`). A ranked paper ballot cannot be
 * reduced to first-preference totals: instant-runoff moves an eliminated option's ballots to
 * their next preference, which only the whole ranking records.
 */
export const PAPER_METHODS = ['yes_no', 'consent'] as const;
export const PAPER_BALLOT_METHODS = ['approval', 'ranked'] as const;

/**
 * Why the server refused a vote command (`vote.<key>`, worded by the page; the quorum's own
 * reasons are in `quorum.ts`), and a paper count's (`paper.<key>`). Registered in `reasons.ts`.
 */
export const VOTE_REASONS = [
  'notFound',
  'voteClosed',
  'noSession',
  'noLiveSession',
  'standardNotFound',
  'standardNotLocked',
  'standardChanged',
  'alreadyOpen',
  'yesNoOrConsentOnly',
  'ballotInvalid',
  'noReceiptNoReason',
] as const;
export const PAPER_REASONS = [
  'notCountedOnPaper',
  'countStarted',
  'notCheckedIn',
  'votedOnline',
  'votingOnPaper',
  'alreadyTicked',
  'nobodyTicked',
  'countedByBallot',
  'countedByTotals',
  'notAChoice',
  'ballotUnknownOption',
  'ballotOptionTwice',
  'ballotRanksNothing',
  'totalsMismatch',
  'notAFinalBallot',
  'itemsMismatch',
  'tooManyAnswers',
  'alreadyAgreed',
  'secondCounterNeeded',
  'countsDisagree',
  'notAgreedYet',
] as const;

/** One distinct paper ballot of an approval or ranked vote and how many read so, as published after close. */
export interface PaperBallotLine {
  options: number[];
  count: number;
}

/**
 * Where a vote's paper count stands. Totals stay private until close. Who votes on paper is
 * sent only to moderators and facilitators (who tick them in the room): to members and the
 * public it would say who has voted while the vote is open.
 */
export interface PaperCountView {
  /** Members ticked as voting on paper (present, checked in); empty for everyone but moderators and facilitators. */
  voterIds: string[];
  /** How many are ticked (everyone sees the number, as turnout counts them). */
  voters: number;
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
  /** When the server wrote the question (adopt, amend, a case's consequence, a final ballot): its code. */
  questionPhrase?: Phrase | null;
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
  /** When the vote closes itself (server time, ms), if it was opened with a deadline. */
  closesAt?: number | null;
  /** Set while the vote is paused for lost quorum (`quorum.ts`). */
  quorumPause?: QuorumPause | null;
  /** Set once the moderator continued the paused vote with the members present. */
  quorumContinued?: QuorumContinued | null;
}
