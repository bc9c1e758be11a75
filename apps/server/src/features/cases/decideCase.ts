import { CASE_REASONING_FIELD, caseDocId, NO_BREACH_FOUND, type VoteResult } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { loadDocument, replay } from '../../collab/documentStore.ts';
import { fragmentToMarkdown } from '../../collab/documentText.ts';
import type { Queryable } from '../../storage/database.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import { lockCase, setCaseStatus } from './caseStore.ts';

/** The reasoning document as stored (not a node's memory), as Markdown. */
export async function reasoningMarkdown(db: Queryable, caseId: string): Promise<string> {
  const stored = await loadDocument(db, caseDocId(caseId));
  const doc = replay(stored.snapshot, stored.updates);
  try {
    return fragmentToMarkdown(doc.getXmlFragment(CASE_REASONING_FIELD));
  } finally {
    doc.destroy();
  }
}

/**
 * What a closed consequence vote does, inside the transaction that closes it (the vote's row
 * lock is held, then the case's): a winner decides the case — its consequence, the reasoning
 * as stored now, and the tally. A vote without quorum or without ballots decides nothing: the
 * case stays deliberating (recorded) and the moderator may open another vote.
 */
export const decideCase = {
  /** Before the closing transaction: edits to the reasoning accepted on this node are stored, so the decision reads them. */
  async prepare(ctx: AppContext, voteId: string): Promise<void> {
    const [vote] = await ctx.db.query<{ subject: string }>('SELECT subject FROM votes WHERE id = $1', [voteId]);
    if (vote?.subject === 'consequence') await ctx.documents.flushWrites();
  },

  async record(
    tx: Queryable,
    closed: {
      assemblyId: string;
      /** Null when the vote closed itself at its deadline. */
      actorId: string | null;
      caseId: string;
      voteId: string;
      options: string[];
      result: VoteResult;
    },
  ): Promise<{ caseId: string }> {
    const { assemblyId, actorId, caseId, voteId, options, result } = closed;
    const c = await lockCase(tx, caseId, assemblyId);
    if (c.status !== 'deliberating') return { caseId };
    const outcome = result.passed && result.winner !== null ? options[result.winner] : undefined;
    if (outcome === undefined) {
      await recordAudit(tx, {
        assemblyId,
        actorId,
        action: 'case.undecided',
        target: caseId,
        detail: { voteId, explanation: result.explanation },
      });
      return { caseId };
    }
    const breachFound = outcome !== NO_BREACH_FOUND;
    const reasoning = await reasoningMarkdown(tx, caseId);
    await setCaseStatus(tx, caseId, 'decided', {
      decision: { voteId, outcome, breachFound, reasoning, options, result },
    });
    await recordAudit(tx, {
      assemblyId,
      actorId,
      action: 'case.decided',
      target: caseId,
      detail: { voteId, outcome, breachFound },
    });
    return { caseId };
  },

  /** After commit: the reasoning freezes on every node (the case is no longer deliberating) and everyone hears. */
  async apply(ctx: AppContext, assemblyId: string, decided: { caseId: string }): Promise<void> {
    forgetCaseAccess(ctx, decided.caseId);
    await ctx.cases.publish(assemblyId);
  },
};

/** Every node drops what it cached about who may write this case's reasoning. */
export function forgetCaseAccess(ctx: AppContext, caseId: string): void {
  ctx.access.forgetEverywhere(caseDocId(caseId));
}
