import { randomBytes } from 'node:crypto';
import { ErrorCode, refusal } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../realtime/appError.ts';
import { on } from '../../realtime/on.ts';
import type { AssemblySocket } from '../../realtime/socketData.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import { lockCase, openConsequenceVote } from '../cases/caseStore.ts';
import { PanelSolverLimit } from './leximin.ts';
import { drawFrom, inputsHashOf, planDraw, transcriptOfInputs } from './panelDraw.ts';
import { commitmentOf } from './panelLottery.ts';
import { poolFor } from './panelPool.ts';
import { transcriptHashOf } from './panelTranscript.ts';
import * as store from './panelStore.ts';

/** While a case is being heard or deliberated, before its vote: when a panel can still be formed. */
const FORMING = new Set(['open', 'hearing', 'deliberating']);

/**
 * Case panels. Each command runs under the case's row lock with its audit entry, then
 * `panels:state` goes to every audience. Preparing fixes everything the draw depends on and
 * publishes the seed's commitment and the transcript's hash (each member is told their own
 * index, `panels:mine`); drawing takes the room's numbers and reveals the seed.
 */
export function registerPanelCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { db, logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const actorId = socket.data.participant!.id;

  on('assembly', socket, 'case:declareConflict', logger, async ({ caseId, reason, reasonPublic }) => {
    await db.transaction(async (tx) => {
      const c = await lockCase(tx, caseId, assemblyId);
      if (!FORMING.has(c.status)) {
        throw new AppError(
          ErrorCode.badRequest,
          `This case is ${c.status}: its panel is no longer formed`,
          refusal('panel', 'noLongerFormed'),
        );
      }
      if (await store.panelOf(tx, caseId)) {
        throw new AppError(
          ErrorCode.badRequest,
          'The panel for this case is already prepared; tell the moderator of your conflict',
          refusal('panel', 'alreadyPrepared'),
        );
      }
      const publicReason = reasonPublic && reason ? reason : null;
      await store.declareConflict(tx, { caseId, participantId: actorId, reason: reason || null, reasonPublic });
      // The audit holds only what is public: the reason when its author chose to publish it.
      await recordAudit(tx, {
        assemblyId,
        actorId,
        action: 'case.conflict_declared',
        target: caseId,
        detail: { publicReason },
      });
    });
    await ctx.panels.publish(assemblyId);
    return null;
  });

  on('assembly', socket, 'case:preparePanel', logger, async ({ caseId, size }) => {
    await db.transaction(async (tx) => {
      const c = await lockCase(tx, caseId, assemblyId);
      if (!FORMING.has(c.status)) {
        throw new AppError(
          ErrorCode.badRequest,
          `This case is ${c.status}: its panel is no longer formed`,
          refusal('panel', 'noLongerFormed'),
        );
      }
      if (await openConsequenceVote(tx, caseId)) {
        throw new AppError(
          ErrorCode.badRequest,
          'A consequence vote on this case is already open',
          refusal('case', 'voteAlreadyOpen'),
        );
      }
      if (await store.panelOf(tx, caseId)) {
        throw new AppError(
          ErrorCode.badRequest,
          'The panel for this case is already prepared',
          refusal('panel', 'alreadyPrepared'),
        );
      }
      const { inputs, pool } = await poolFor(tx, assemblyId, c, size);
      const plan = (() => {
        try {
          return planDraw(inputs);
        } catch (error) {
          // The solvers stopped at their iteration limits: say so rather than fail as `internal`.
          if (error instanceof PanelSolverLimit) {
            throw new AppError(
              ErrorCode.limitReached,
              `These quotas are too hard to solve here: ${error.message}`,
              refusal('panel', 'solverLimit'),
            );
          }
          throw error;
        }
      })();
      // Quotas that cannot be met are explained here, before a seed exists or anything is stored.
      if (!plan.ok) {
        const { key, params, message } = plan.problem;
        throw new AppError(ErrorCode.badRequest, message, { key, ...(params ? { params } : {}) });
      }
      const serverSeed = randomBytes(32).toString('hex');
      const inputsHash = inputsHashOf(inputs);
      const seedCommitment = commitmentOf(serverSeed);
      // The public transcript and its hash, fixed (and the hash committed) before anyone knows the seed.
      const transcript = transcriptOfInputs(inputs, plan.lottery, seedCommitment);
      const transcriptHash = transcriptHashOf(transcript);
      await store.insertPanel(tx, {
        caseId,
        assemblyId,
        size,
        inputs,
        inputsHash,
        pool,
        lottery: plan.lottery,
        transcript,
        transcriptHash,
        serverSeed,
        seedCommitment,
      });
      await recordAudit(tx, {
        assemblyId,
        actorId,
        action: 'case.panel_prepared',
        target: caseId,
        detail: { size, poolSize: inputs.pool.length, seedCommitment, inputsHash, transcriptHash },
      });
    });
    await ctx.panels.publish(assemblyId);
    await ctx.panels.publishPlaces(assemblyId);
    return null;
  });

  on('assembly', socket, 'case:drawPanel', logger, async ({ caseId, contribution }) => {
    const poolIds = await db.transaction(async (tx) => {
      await lockCase(tx, caseId, assemblyId);
      const panel = await store.panelOf(tx, caseId, true);
      if (!panel) throw new AppError(ErrorCode.badRequest, 'Prepare the panel first', refusal('panel', 'notPrepared'));
      if (panel.panel)
        throw new AppError(
          ErrorCode.badRequest,
          'The panel for this case is already drawn',
          refusal('panel', 'alreadyDrawn'),
        );
      // A transcript's draw (its indices mapped back through the private map), or a /1 draw's.
      const drawn = drawFrom(panel.inputs, panel.lottery, panel.serverSeed, contribution);
      await store.recordDraw(tx, caseId, { contribution, finalSeed: drawn.finalSeed, panel: drawn.panel });
      await recordAudit(tx, {
        assemblyId,
        actorId,
        action: 'case.panel_drawn',
        target: caseId,
        detail: {
          seed: panel.serverSeed,
          contribution,
          finalSeed: drawn.finalSeed,
          participantIds: drawn.panel.map((id) => panel.pool[id]!),
        },
      });
      return drawn.panel;
    });
    await ctx.panels.publish(assemblyId);
    return { poolIds };
  });
}
