import { z } from 'zod';
import { RECOMMENDATION_PARTS, SUPPORT_BASES, SUPPORT_SCALE } from './finalBallot.ts';
import { LIMITS } from './limits.ts';

// The schemas of `finalBallot.ts`, apart from it so that a page that only reads its scale and
// results (the watch page) does not load zod: a bundler keeps a module whole.

/** A final ballot's threshold (`SupportThreshold` once parsed). */
export const supportThresholdSchema = z.strictObject({
  share: z.number().gt(0).max(1),
  base: z.enum(SUPPORT_BASES),
});

/** moderator → server, inside `vote:open`'s subject: the recommendations, in ballot order. */
export const finalBallotSubjectSchema = z.strictObject({
  kind: z.literal('final_ballot'),
  items: z
    .array(z.strictObject({ standardId: z.uuid(), part: z.enum(RECOMMENDATION_PARTS) }))
    .min(1)
    .max(LIMITS.maxFinalBallotItems),
});

/** One answer per recommendation, in ballot order: an index into SUPPORT_SCALE, or null for no answer. */
export const supportAnswersSchema = z
  .array(
    z
      .int()
      .min(0)
      .max(SUPPORT_SCALE.length - 1)
      .nullable(),
  )
  .min(1)
  .max(LIMITS.maxFinalBallotItems);

/**
 * facilitator → server, `vote:enterSupportPaperTotals`: the final ballot's paper ballots counted
 * in the room, per recommendation (in ballot order) the number of each of the five answers. Two
 * facilitators enter them independently, as for any paper count.
 */
export const supportPaperTotalsSchema = z.strictObject({
  voteId: z.uuid(),
  counts: z
    .array(z.array(z.int().min(0).max(LIMITS.maxPaperBallots)).length(SUPPORT_SCALE.length))
    .min(1)
    .max(LIMITS.maxFinalBallotItems),
});
export type SupportPaperTotals = z.infer<typeof supportPaperTotalsSchema>;
