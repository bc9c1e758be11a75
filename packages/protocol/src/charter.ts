import { z } from 'zod';
import { LIMITS } from './limits.ts';

/** Lifecycle of a standard: its structure and status are server-owned (not CRDT). */
export const STANDARD_STATUSES = ['drafting', 'locked', 'adopted', 'rejected'] as const;
export type StandardStatus = (typeof STANDARD_STATUSES)[number];

/** One clause of the charter, as every client sees it. Its text lives in the Yjs document `docId`. */
export interface StandardView {
  id: string;
  position: number;
  title: string;
  status: StandardStatus;
  docId: string;
  /** Possible consequences of a breach, mildest first; edited before adoption. */
  ladder: string[];
}

/** The Yjs document of a standard, and the rich-text fields (XML fragments) inside it. */
export const standardDocId = (standardId: string): string => `standard:${standardId}`;
export const STANDARD_FIELDS = ['text', 'breach'] as const;
export type StandardField = (typeof STANDARD_FIELDS)[number];

/**
 * A standard's easy-read version (short sentences, everyday words): a second Yjs document with
 * one field, `text`, edited and locked with the standard and exported with it.
 */
export const easyReadDocId = (standardId: string): string => `easy:${standardId}`;

export const standardTitle = z
  .string()
  .trim()
  .min(1, 'A standard needs a title')
  .max(LIMITS.maxTitleLength, `A title is at most ${LIMITS.maxTitleLength} characters`);

const standardId = z.uuid();

/** member|moderator → server, `standard:add`. Appends a drafting standard to the charter. */
export const addStandardSchema = z.strictObject({ title: standardTitle });
/** member|moderator → server, `standard:retitle`. */
export const retitleStandardSchema = z.strictObject({ standardId, title: standardTitle });
/** moderator → server, `standard:move`. `toIndex` is clamped to the charter's length. */
export const moveStandardSchema = z.strictObject({
  standardId,
  toIndex: z.int().min(0).max(LIMITS.maxStandardsPerAssembly),
});
/** moderator → server, `standard:remove`. The standard leaves the charter; its text stays on record. */
export const removeStandardSchema = z.strictObject({ standardId });

export type AddStandard = z.infer<typeof addStandardSchema>;
export type RetitleStandard = z.infer<typeof retitleStandardSchema>;
export type MoveStandard = z.infer<typeof moveStandardSchema>;
export type RemoveStandard = z.infer<typeof removeStandardSchema>;

/** moderator → server, `standard:lock` / `standard:unlock`: freeze or unfreeze the text (recorded). */
export const standardRefSchema = z.strictObject({ standardId });
/** member|moderator → server, `standard:setLadder`: the consequence ladder, before adoption. */
export const setLadderSchema = z.strictObject({
  standardId,
  steps: z.array(z.string().trim().min(1).max(LIMITS.maxTitleLength)).max(LIMITS.maxLadderSteps),
});
export type StandardRef = z.infer<typeof standardRefSchema>;
export type SetLadder = z.infer<typeof setLadderSchema>;
