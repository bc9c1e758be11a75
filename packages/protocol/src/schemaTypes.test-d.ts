import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { Evidence } from './cases.ts';
import type { evidenceSchema } from './casesSchemas.ts';
import type { SupportThreshold } from './finalBallot.ts';
import type { supportThresholdSchema } from './finalBallotSchemas.ts';
import type { BallotChoice, Threshold, VoteRulesInput } from './votes.ts';
import type { ballotChoiceSchema, thresholdSchema, voteRulesSchema } from './votesSchemas.ts';

// The views are written by hand so that a page reading them loads no zod; these hold each one
// to what its schema parses, so the two cannot drift apart.
describe('the hand-written types', () => {
  it('are what their schemas parse', () => {
    expectTypeOf<z.output<typeof evidenceSchema>>().toEqualTypeOf<Evidence>();
    expectTypeOf<z.output<typeof supportThresholdSchema>>().toEqualTypeOf<SupportThreshold>();
    expectTypeOf<z.output<typeof thresholdSchema>>().toEqualTypeOf<Threshold>();
    expectTypeOf<z.output<typeof voteRulesSchema>>().toEqualTypeOf<VoteRulesInput>();
    expectTypeOf<z.output<typeof ballotChoiceSchema>>().toEqualTypeOf<BallotChoice>();
  });
});
