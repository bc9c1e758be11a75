import { randomBytes } from 'node:crypto';
import { ErrorCode, PANEL_LIMITS, refusal } from '@moot/protocol';
import { AppError } from '../../realtime/appError.ts';
import type { Queryable } from '../../storage/database.ts';
import { memberCategories } from '../members/memberCategories.ts';
import { listQuotas } from '../members/memberStore.ts';
import { canonicalInputs, DRAW_FORMAT, type DrawInputs } from './panelDraw.ts';
import { shuffled } from './panelTranscript.ts';
import { quotasFromShares } from './quotaProblems.ts';

/**
 * Who may sit on a case's panel and under which quotas: every member seat of the assembly
 * (not revoked) but those who declared a conflict on the case; each with the categories the
 * organisers imported (none for a member added by hand). The quotas come from the organisers'
 * quota file, else from the assembly's own make-up (the shares among its imported members).
 * Each member gets a fresh random pool id for this draw (the draw file names no one) and an
 * index in the public transcript from a fresh random permutation of the pool (not the seat
 * order, not the pool ids'), which only the server and the organisers' file map back.
 */
export async function poolFor(
  tx: Queryable,
  assemblyId: string,
  c: { id: string; number: number },
  size: number,
): Promise<{ inputs: DrawInputs; pool: Record<string, string> }> {
  const members = await tx.query<{ id: string }>(
    `SELECT p.id FROM participants p WHERE p.assembly_id = $1 AND p.role = 'member' AND p.revoked_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM case_conflicts c WHERE c.case_id = $2 AND c.participant_id = p.id)
     ORDER BY p.seat`,
    [assemblyId, c.id],
  );
  if (members.length > PANEL_LIMITS.maxPool) {
    throw new AppError(
      ErrorCode.limitReached,
      `A panel is drawn from at most ${PANEL_LIMITS.maxPool} members`,
      refusal('panel', 'poolTooLarge', { max: PANEL_LIMITS.maxPool }),
    );
  }
  const categories = await memberCategories(tx, assemblyId);
  const fileShares = await listQuotas(tx, assemblyId);
  const shares = fileShares.length > 0 ? fileShares : makeUp([...categories.values()]);
  const pool: Record<string, string> = {};
  const indices = shuffled(members.map((_, i) => i));
  const entries = members.map((m, i) => {
    let id: string;
    do id = randomBytes(4).toString('hex');
    while (pool[id]);
    pool[id] = m.id;
    return { id, index: indices[i]!, categories: categories.get(m.id) ?? {} };
  });
  return {
    inputs: canonicalInputs({
      format: DRAW_FORMAT,
      caseNumber: c.number,
      size,
      quotas: quotasFromShares(shares, size),
      pool: entries,
    }),
    pool,
  };
}

/** The share of each category's values among the imported members. */
function makeUp(members: Record<string, string>[]): { category: string; value: string; share: number }[] {
  const counts = new Map<string, Map<string, number>>();
  for (const m of members) {
    for (const [category, value] of Object.entries(m)) {
      const values = counts.get(category) ?? new Map<string, number>();
      values.set(value, (values.get(value) ?? 0) + 1);
      counts.set(category, values);
    }
  }
  return [...counts].flatMap(([category, values]) => {
    const total = [...values.values()].reduce((a, b) => a + b, 0);
    return [...values].map(([value, count]) => ({ category, value, share: count / total }));
  });
}
