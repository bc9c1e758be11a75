import type { Queryable } from '../../src/storage/database.ts';

/** How many ballots are sealed (cast, not yet counted): in one vote, or in the whole database. */
export async function sealedBallots(db: Queryable, voteId?: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    voteId === undefined
      ? 'SELECT count(*)::int AS n FROM sealed_ballots'
      : 'SELECT count(*)::int AS n FROM sealed_ballots WHERE vote_id = $1',
    voteId === undefined ? [] : [voteId],
  );
  return row!.n;
}
