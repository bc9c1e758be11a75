import type { z } from 'zod';
import type { castBallotSchema, openVoteSchema, voteRefSchema } from './votes.ts';

export type OpenVote = z.input<typeof openVoteSchema>;
export type CastBallot = z.input<typeof castBallotSchema>;
export type VoteRef = z.infer<typeof voteRefSchema>;
