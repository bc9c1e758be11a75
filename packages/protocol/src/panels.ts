import { z } from 'zod';
import { LIMITS } from './limits.ts';

/**
 * Case panels: for a breach case, a panel of members drawn by lot with quotas over the
 * organisers' categories. Members declare a conflict of interest first and are left out of the
 * pool; the moderator prepares the draw (the LEXIMIN lottery, every member's chance, and the
 * SHA-256 commitment to a secret seed are fixed and published) and then draws it with numbers
 * said in the room; only the panel votes on the consequence. Anyone in the assembly, observers
 * too, can re-run the draw from its public transcript (`PANEL_ROUTES.transcript`): the lottery
 * over anonymous indices, no categories; the organisers' draw file, with the categories, also
 * re-runs (`npm run moot -- verify-panel <file>`, or the check in the case's page).
 */
export const PANEL_LIMITS = { maxPool: 150, maxSize: 30, maxContribution: 200 } as const;

/** Why the server refused a panel command (`panel.<key>`, quotas' with their numbers); registered in `reasons.ts`. */
export const PANEL_REASONS = [
  'poolTooSmall',
  'poolTooLarge',
  'quotaShort',
  'minimumsTooHigh',
  'maximumsTooLow',
  'quotasClash',
  'solverLimit',
  'noLongerFormed',
  'alreadyPrepared',
  'notPrepared',
  'notDrawn',
  'alreadyDrawn',
  'notOnPanel',
  'noneYet',
] as const;

const caseId = z.uuid();

/** member → server, `case:declareConflict`: steps aside from the case's panel. The reason is the moderators' unless `reasonPublic`. */
export const declareConflictSchema = z.strictObject({
  caseId,
  reason: z.string().trim().max(LIMITS.maxNoteLength).nullable().default(null),
  reasonPublic: z.boolean().default(false),
});
/** moderator → server, `case:preparePanel`: fixes the pool, the quotas, the lottery and the seed's commitment. */
export const preparePanelSchema = z.strictObject({
  caseId,
  size: z.number().int().min(1).max(PANEL_LIMITS.maxSize),
});
/** moderator → server, `case:drawPanel`: the room's numbers (dice, a lottery result) that, with the committed seed, draw the panel. */
export const drawPanelSchema = z.strictObject({
  caseId,
  contribution: z.string().trim().min(1, 'Type the numbers said in the room').max(PANEL_LIMITS.maxContribution),
});
export type DeclareConflict = z.input<typeof declareConflictSchema>;
export type PreparePanel = z.infer<typeof preparePanelSchema>;
export type DrawPanel = z.infer<typeof drawPanelSchema>;

/** A quota of the panel: between `min` and `max` seats for this value of this category. */
export interface PanelQuotaView {
  category: string;
  value: string;
  min: number;
  max: number;
}

/** Who stepped aside from a case (names for seats, pseudonyms for observers); the reason only if they made it public. */
export interface ConflictView {
  caseId: string;
  participantId: string;
  name: string;
  reason: string | null;
}

/** A panel member as the audience sees them, with their pseudonymous id in the draw. */
export interface PanelSeat {
  poolId: string;
  participantId: string;
  name: string;
}

/**
 * A case's panel draw as published: before the draw, the commitment to the seed, the hash of the
 * inputs, the quotas and the chances; after it, the seed, the room's numbers and the panel.
 */
export interface PanelView {
  caseId: string;
  status: 'prepared' | 'drawn';
  size: number;
  poolSize: number;
  /** The quotas on categories the organisers publish; `hiddenQuotas` counts the others (moderators see all). */
  quotas: PanelQuotaView[];
  hiddenQuotas: number;
  /** SHA-256 (hex) of the server's secret seed, published before the draw. */
  seedCommitment: string;
  /** SHA-256 (hex) of the draw's inputs (pool ids with categories, quotas, size) in canonical JSON. */
  inputsHash: string;
  /** SHA-256 (hex) of the public transcript's part fixed at preparation (`transcriptHashOf`); null for a draw prepared before transcripts. */
  transcriptHash: string | null;
  /** Everyone's chances, without names: the lowest, the highest, and how many members have each (to 0.1 %). */
  chances: { lowest: number; highest: number; spread: { chance: number; members: number }[] };
  /** Moderators only: each member of the pool and their chance. */
  memberChances: { participantId: string; name: string; chance: number }[] | null;
  /** After the draw. */
  seed: string | null;
  contribution: string | null;
  finalSeed: string | null;
  panel: PanelSeat[] | null;
  preparedAt: number;
  drawnAt: number | null;
}

export interface PanelsState {
  panels: PanelView[];
  conflicts: ConflictView[];
}

/** A member's own place in each transcript, sent to that member alone (`panels:mine`); null when not in the pool. */
export interface PanelPlace {
  caseId: string;
  index: number | null;
}

export const PANEL_TRANSCRIPT_FORMAT = 'moot-panel-transcript/1';

/**
 * The public transcript of a case's lottery, fixed at preparation: the pool as indices 0…n−1 (a
 * fresh random permutation, known to the server alone), grouped in types of members the quotas
 * treat alike, and the compositions (seats per type) with their weights in millionths. No
 * category, no pool id, no participant id. After the draw it carries the seed and the room's
 * numbers; its hash (`PanelView.transcriptHash`) is of the rest.
 */
export interface PanelTranscript {
  format: typeof PANEL_TRANSCRIPT_FORMAT;
  caseNumber: number;
  size: number;
  types: number[][];
  compositions: { counts: number[]; weight: number }[];
  seedCommitment: string;
  serverSeed: string | null;
  contribution: string | null;
}

/** What a re-run says (`PANEL_ROUTES.verify`), from a transcript or an organisers' draw file. */
export interface PanelVerification {
  format: string;
  /** The organisers' file only: the hash of its inputs. */
  inputsHash: string | null;
  /** The transcript's hash (an organisers' file of `moot-panel-draw/2` with its seed's commitment yields it too). */
  transcriptHash: string | null;
  commitment: string | null;
  finalSeed: string | null;
  /** The organisers' file only: the panel by pool id. */
  panel: string[] | null;
  /** The drawn indices of the transcript (a transcript, or a `moot-panel-draw/2` file). */
  indices: number[] | null;
  /** Each pool id's chance (organisers' file) or each index's (transcript). */
  chances: Record<string, number>;
  problem: string | null;
}

export const PANEL_ROUTES = {
  /** POST, a transcript or a draw file as the body (`PANEL_FILE_TYPE`): re-runs it (public, nothing stored) → `PanelVerification`. */
  verify: '/api/panels/verify',
  /** GET, a member's cookie or the watch key: the case's public transcript → `PanelTranscript`. */
  transcript: '/api/panels/transcript/:caseNumber',
} as const;

export const panelTranscriptPath = (caseNumber: number): string =>
  PANEL_ROUTES.transcript.replace(':caseNumber', String(caseNumber));

/** The draw file's media type: JSON, but not `application/json`, so it is read with its own size limit. */
export const PANEL_FILE_TYPE = 'application/vnd.moot-panel-draw+json';
export const PANEL_FILE_MAX_BYTES = 256 * 1024;
