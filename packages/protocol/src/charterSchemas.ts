import { z } from 'zod';
import { LIMITS } from './limits.ts';

// The schemas of `charter.ts`, apart from it so that a page that only reads its views and names
// (the watch page) does not load zod: a bundler keeps a module whole.

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
