import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { voteRulesSchema } from './votesSchemas.ts';

/**
 * Amendments change a locked or adopted standard by vote: proposed with new wording and a
 * reason, co-signed, tabled by a moderator (which opens a vote), and if it passes the text is
 * replaced as a forward edit attributed to the amendment. Minority reports (dissents) stay
 * attached to a decided standard.
 */
/**
 * `withdrawn`: its proposer took it back before it was tabled. `stale`: a suggestion whose vote
 * passed (or that was about to be tabled) after the text it changes was edited: nothing applied.
 */
export const AMENDMENT_STATUSES = ['proposed', 'tabled', 'adopted', 'rejected', 'withdrawn', 'stale'] as const;
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
  /** A change suggested in place (see `SuggestionView`); null for new wording of the whole text. */
  suggestion: SuggestionView | null;
}

/**
 * A suggestion: a range of the standard's `text` field, anchored by two Yjs relative positions
 * (base64 of `Y.encodeRelativePosition`) inside one run of text, the text it held when proposed
 * (`quote`), and the rich replacement (`content`: ProseMirror inline text nodes with marks).
 * Clients draw it as a tracked change; the vote that adopts it applies exactly that replacement.
 */
export interface SuggestionView {
  start: string;
  end: string;
  quote: string;
  content: SuggestedText[];
}

/** The marks a suggestion may carry: the editor's own (StarterKit), a link only to http(s). */
const markSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.enum(['bold', 'italic', 'strike', 'underline', 'code']) }),
  z.strictObject({
    type: z.literal('link'),
    attrs: z.strictObject({
      href: z
        .string()
        .max(LIMITS.maxLinkLength)
        .regex(/^https?:\/\/[^\s]+$/i, 'A link in a suggestion must be an http(s) address'),
    }),
  }),
]);
export type SuggestedMark = z.infer<typeof markSchema>;

const suggestedTextSchema = z.strictObject({
  type: z.literal('text'),
  // No line breaks: a suggestion changes words inside one paragraph (or heading, or list item).
  text: z
    .string()
    .min(1)
    .max(LIMITS.maxAmendmentLength)
    .regex(/^[^\n\r\u2028\u2029]*$/, 'A suggestion stays within one paragraph: no line breaks'),
  marks: z
    .array(markSchema)
    .max(6)
    .refine((marks) => new Set(marks.map((m) => m.type)).size === marks.length, 'Each mark at most once')
    .optional(),
});
export type SuggestedText = z.infer<typeof suggestedTextSchema>;

/** A Yjs relative position, base64 (a few dozen characters; the limit only bounds garbage). */
const anchorSchema = z
  .string()
  .min(4)
  .max(LIMITS.maxAnchorLength)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'An anchor is a base64 Yjs relative position');

export const suggestAmendmentSchema = z
  .strictObject({
    standardId: z.uuid(),
    start: anchorSchema,
    end: anchorSchema,
    /** The text of the range as the proposer saw it: refused if the standard says otherwise. */
    quote: z.string().max(LIMITS.maxAmendmentLength),
    content: z.array(suggestedTextSchema).max(LIMITS.maxSuggestionNodes),
    reason: z.string().trim().max(LIMITS.maxNoteLength).default(''),
  })
  .refine((s) => s.content.reduce((sum, node) => sum + node.text.length, 0) <= LIMITS.maxAmendmentLength, {
    message: `A suggestion's new text is at most ${LIMITS.maxAmendmentLength} characters`,
    path: ['content'],
  })
  .refine((s) => s.quote.length > 0 || s.content.length > 0, {
    message: 'A suggestion replaces, removes or inserts some text',
    path: ['content'],
  });

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
export type SuggestAmendment = z.input<typeof suggestAmendmentSchema>;
export type AmendmentRef = z.infer<typeof amendmentRefSchema>;
export type TableAmendment = z.input<typeof tableAmendmentSchema>;
export type WriteDissent = z.infer<typeof writeDissentSchema>;
export type DissentRef = z.infer<typeof dissentRefSchema>;

/** Why a command about amendments, suggestions or minority reports was refused (`amendment.*`). */
export const AMENDMENT_REASONS = [
  'notFound',
  'editDraftDirectly',
  'notLockedOrAdopted',
  'dissentNeedsDecision',
  'dissentNotFound',
  'suggestionStale',
  'oneParagraph',
  'selectionChanged',
  'notYourAmendment',
  'notWithdrawable',
  'notCosignable',
  'alreadyTabled',
] as const;
