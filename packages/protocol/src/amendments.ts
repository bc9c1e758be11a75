import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { voteRulesSchema } from './votes.ts';

/**
 * Amendments change a locked or adopted standard by vote: proposed with new wording and a
 * reason, co-signed, tabled by a moderator (which opens a vote), and if it passes the text is
 * replaced as a forward edit attributed to the amendment. Minority reports (dissents) stay
 * attached to a decided standard.
 */
export const AMENDMENT_STATUSES = ['proposed', 'tabled', 'adopted', 'rejected'] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];

export interface AmendmentView {
  id: string;
  standardId: string;
  text: string;
  reason: string;
  proposer: string;
  cosigners: string[];
  /** The proposer's and co-signers' participant ids, so a participant can tell their own signature (names may repeat); empty for observers. */
  signerIds: string[];
  status: AmendmentStatus;
  voteId: string | null;
}

export interface DissentView {
  id: string;
  standardId: string;
  text: string;
  signatories: string[];
  /** The signatories' participant ids (see `AmendmentView.signerIds`); empty for observers. */
  signerIds: string[];
}

const wording = z.string().trim().min(1).max(LIMITS.maxAmendmentLength);
export const proposeAmendmentSchema = z.strictObject({
  standardId: z.uuid(),
  text: wording,
  reason: z.string().trim().max(LIMITS.maxNoteLength).default(''),
});
export const amendmentRefSchema = z.strictObject({ amendmentId: z.uuid() });
export const tableAmendmentSchema = z.strictObject({
  amendmentId: z.uuid(),
  rules: voteRulesSchema,
  quorumShare: z.number().min(0).max(1).default(0.5),
});
export const writeDissentSchema = z.strictObject({ standardId: z.uuid(), text: wording });
export const dissentRefSchema = z.strictObject({ dissentId: z.uuid() });

export type ProposeAmendment = z.input<typeof proposeAmendmentSchema>;
export type AmendmentRef = z.infer<typeof amendmentRefSchema>;
export type TableAmendment = z.input<typeof tableAmendmentSchema>;
export type WriteDissent = z.infer<typeof writeDissentSchema>;
export type DissentRef = z.infer<typeof dissentRefSchema>;
