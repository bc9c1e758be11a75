import type { z } from 'zod';
import type {
  castBallotSchema,
  markPaperSchema,
  openVoteSchema,
  paperBallotsSchema,
  paperTotalsSchema,
  voteRefSchema,
} from './votesSchemas.ts';

export type OpenVote = z.input<typeof openVoteSchema>;
export type CastBallot = z.input<typeof castBallotSchema>;
export type VoteRef = z.infer<typeof voteRefSchema>;
export type MarkPaper = z.infer<typeof markPaperSchema>;
export type PaperTotals = z.infer<typeof paperTotalsSchema>;
export type PaperBallots = z.infer<typeof paperBallotsSchema>;
