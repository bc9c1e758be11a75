import { ErrorCode, LIMITS, refusal, type CaseStatus } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../realtime/appError.ts';
import { on } from '../../realtime/on.ts';
import type { AssemblySocket } from '../../realtime/socketData.ts';
import type { Queryable } from '../../storage/database.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import { openVoteInSession } from '../votes/openVote.ts';
import { writeQuestion } from '../votes/voteQuestions.ts';
import { consequenceOptions, optionsProblem } from './caseOptions.ts';
import * as store from './caseStore.ts';
import { forgetCaseAccess } from './decideCase.ts';
import { restrictVoteToPanel } from '../panels/panelVote.ts';

/** The only moves a moderator makes by hand; `decided` comes from the consequence vote. */
const NEXT: Partial<Record<CaseStatus, CaseStatus>> = { open: 'hearing', hearing: 'deliberating' };

/**
 * The consequence options of these standards, refused if a vote could not be held on them.
 * When a case is opened each must be an adopted standard of the charter; once cited, a standard
 * keeps counting with its ladder even if the charter later drops it.
 */
async function optionsFor(
  tx: Queryable,
  assemblyId: string,
  standardIds: readonly string[],
  citing: boolean,
): Promise<string[]> {
  const standards = await store.standardsByIds(tx, assemblyId, standardIds);
  for (const id of citing ? standardIds : []) {
    const standard = standards.find((s) => s.id === id);
    if (!standard || standard.removed)
      throw new AppError(ErrorCode.notFound, 'No such standard in this charter', refusal('case', 'standardNotFound'));
    if (standard.status !== 'adopted') {
      throw new AppError(
        ErrorCode.badRequest,
        `Only adopted standards can be breached; “${standard.title}” is ${standard.status}`,
        refusal('case', 'standardNotAdopted', { title: standard.title }),
      );
    }
  }
  const options = consequenceOptions(standards.map((s) => s.ladder));
  const problem = optionsProblem(options);
  if (problem) {
    const tooMany = options.length > LIMITS.maxVoteOptions;
    throw new AppError(
      tooMany ? ErrorCode.limitReached : ErrorCode.badRequest,
      problem,
      tooMany
        ? refusal('case', 'tooManyOptions', { count: options.length, max: LIMITS.maxVoteOptions })
        : refusal('case', 'noLadder'),
    );
  }
  return options;
}

/**
 * Breach cases: moderators open and steer them; each change is one transaction with its audit
 * entry under the case's row lock, then `cases:state` goes to everyone.
 */
export function registerCaseCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { db, logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const actorId = socket.data.participant!.id;

  /** Runs `work` on the locked case, records `action`, commits, then publishes. */
  const change = async <T>(
    caseId: string,
    action: string,
    work: (tx: Queryable, c: store.CaseRow) => Promise<{ value: T; detail?: Record<string, unknown> }>,
  ): Promise<T> => {
    const value = await db.transaction(async (tx) => {
      const c = await store.lockCase(tx, caseId, assemblyId);
      const done = await work(tx, c);
      await recordAudit(tx, { assemblyId, actorId, action, target: caseId, detail: done.detail });
      return done.value;
    });
    await ctx.cases.publish(assemblyId);
    return value;
  };

  on('assembly', socket, 'case:open', logger, async ({ respondent, standardIds, summary, evidence }) => {
    const opened = await db.transaction(async (tx) => {
      await optionsFor(tx, assemblyId, standardIds, true);
      const c = await store.insertCase(tx, {
        assemblyId,
        openedBy: actorId,
        respondent,
        standardIds,
        summary,
        evidence,
      });
      await recordAudit(tx, {
        assemblyId,
        actorId,
        action: 'case.opened',
        target: c.id,
        detail: { number: c.number, standardIds },
      });
      return c;
    });
    await ctx.cases.publish(assemblyId);
    return { caseId: opened.id };
  });

  on('assembly', socket, 'case:advance', logger, async ({ caseId, to }) => {
    await change(caseId, 'case.advanced', async (tx, c) => {
      if (NEXT[c.status] !== to) {
        throw new AppError(
          ErrorCode.badRequest,
          `A case moves open → hearing → deliberating; this one is ${c.status}, so it cannot move to ${to}`,
          refusal('case', 'cannotMove'),
        );
      }
      await store.setCaseStatus(tx, caseId, to);
      return { value: null, detail: { from: c.status, to } };
    });
    // Deliberation opens the reasoning for editing, on every node.
    forgetCaseAccess(ctx, caseId);
    return null;
  });

  on('assembly', socket, 'case:reply', logger, ({ caseId, reply }) =>
    change(caseId, 'case.replied', async (tx, c) => {
      if (c.status !== 'open' && c.status !== 'hearing') {
        throw new AppError(
          ErrorCode.badRequest,
          `The reply is recorded until deliberation starts; this case is ${c.status}`,
          refusal('case', 'replyClosed'),
        );
      }
      await store.setReply(tx, caseId, reply);
      return { value: null, detail: { replaced: c.reply !== null } };
    }),
  );

  on('assembly', socket, 'case:addEvidence', logger, ({ caseId, evidence }) =>
    change(caseId, 'case.evidence_added', async (tx, c) => {
      if (c.status !== 'open' && c.status !== 'hearing') {
        throw new AppError(
          ErrorCode.badRequest,
          `Evidence is added until deliberation starts; this case is ${c.status}`,
          refusal('case', 'evidenceClosed'),
        );
      }
      if (c.evidence.length >= LIMITS.maxCaseEvidence) {
        throw new AppError(
          ErrorCode.limitReached,
          `A case holds at most ${LIMITS.maxCaseEvidence} pieces of evidence`,
          refusal('case', 'evidenceFull', { max: LIMITS.maxCaseEvidence }),
        );
      }
      await store.addEvidence(tx, caseId, evidence);
      return { value: null, detail: { description: evidence.description, link: evidence.link } };
    }),
  );

  on('assembly', socket, 'case:dismiss', logger, async ({ caseId, reason }) => {
    await change(caseId, 'case.dismissed', async (tx, c) => {
      if (c.status === 'decided' || c.status === 'dismissed') {
        throw new AppError(ErrorCode.badRequest, `This case is already ${c.status}`, refusal('case', 'alreadyClosed'));
      }
      if (await store.openConsequenceVote(tx, caseId)) {
        throw new AppError(
          ErrorCode.badRequest,
          'Close the consequence vote on this case first',
          refusal('case', 'closeVoteFirst'),
        );
      }
      await store.setCaseStatus(tx, caseId, 'dismissed', { dismissalReason: reason });
      return { value: null, detail: { from: c.status, reason } };
    });
    forgetCaseAccess(ctx, caseId);
    return null;
  });

  on('assembly', socket, 'case:openVote', logger, async ({ caseId, quorumShare, receipts }) => {
    const opened = await change(caseId, 'case.vote_opened', async (tx, c) => {
      if (c.status !== 'deliberating') {
        throw new AppError(
          ErrorCode.badRequest,
          `The consequence is voted on while deliberating; this case is ${c.status}`,
          refusal('case', 'notDeliberating'),
        );
      }
      if (await store.openConsequenceVote(tx, caseId)) {
        throw new AppError(
          ErrorCode.badRequest,
          'A consequence vote on this case is already open',
          refusal('case', 'voteAlreadyOpen'),
        );
      }
      const options = await optionsFor(tx, assemblyId, c.standardIds, false);
      const voteId = await openVoteInSession(tx, {
        assemblyId,
        actorId,
        subject: 'consequence',
        subjectId: caseId,
        question: writeQuestion('consequence', { number: c.number, role: c.respondentRole }),
        rules: { method: 'ranked', options, receipts },
        quorumShare,
      });
      // A case with a drawn panel: only the panel votes (and counts towards quorum).
      await restrictVoteToPanel(tx, caseId, voteId, quorumShare);
      return { value: { voteId, options }, detail: { voteId } };
    });
    await ctx.votes.publish(assemblyId);
    return opened;
  });
}
