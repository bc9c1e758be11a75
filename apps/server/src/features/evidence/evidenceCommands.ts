import { ErrorCode, evidenceReason, refusal } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import { AppError } from '../../realtime/appError.ts';
import { on } from '../../realtime/on.ts';
import { viewOf, type AssemblySocket, type WatchSocket } from '../../realtime/socketData.ts';
import { caseStatus } from '../cases/caseStore.ts';
import { findStandard } from '../charter/charterStore.ts';
import { evidenceRoom, evidenceState } from './evidencePublisher.ts';
import * as store from './evidenceStore.ts';
import { supportedBy } from './questionStore.ts';

/** Anyone in the assembly (observers too): the library now, and its changes from now on. */
export function registerEvidenceReading(ctx: AppContext, namespace: 'assembly', socket: AssemblySocket): void;
export function registerEvidenceReading(ctx: AppContext, namespace: 'watch', socket: WatchSocket): void;
export function registerEvidenceReading(
  ctx: AppContext,
  namespace: 'assembly' | 'watch',
  socket: AssemblySocket | WatchSocket,
): void {
  const assemblyId = socket.data.assembly.id;
  const audience = viewOf(socket.data);
  const me = socket.data.participant;
  const handler = async () => {
    await socket.join(evidenceRoom(assemblyId, audience));
    const [state, supported] = await Promise.all([
      evidenceState(ctx.db, assemblyId, audience),
      me ? supportedBy(ctx.db, assemblyId, me.id) : [],
    ]);
    return { state, mine: { supported } };
  };
  if (namespace === 'watch') on('watch', socket as WatchSocket, 'evidence:open', ctx.logger, handler);
  else on('assembly', socket as AssemblySocket, 'evidence:open', ctx.logger, handler);
}

/** The lead moderator curates the library, makes agenda items expert sessions, and cites evidence. */
export function registerEvidenceCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { db, logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const me = socket.data.participant!;
  const audit = (
    tx: Parameters<typeof recordAudit>[0],
    action: string,
    target: string,
    detail?: Record<string, unknown>,
  ) => recordAudit(tx, { assemblyId, actorId: me.id, action, target, ...(detail ? { detail } : {}) });

  registerEvidenceReading(ctx, 'assembly', socket);

  on('assembly', socket, 'evidence:add', logger, async ({ entry }) => {
    const { id } = await db.transaction(async (tx) => {
      const added = await store.addEntry(tx, { assemblyId, by: me.id, entry });
      await audit(tx, 'evidence.added', added.id, {
        number: added.number,
        title: entry.title,
        kind: entry.kind,
        balance: entry.balance,
      });
      return added;
    });
    await ctx.evidence.publish(assemblyId);
    return { entryId: id };
  });

  on('assembly', socket, 'evidence:edit', logger, async ({ entryId, entry }) => {
    await db.transaction(async (tx) => {
      await store.editEntry(tx, { assemblyId, entryId, entry });
      await audit(tx, 'evidence.edited', entryId, { title: entry.title, balance: entry.balance });
    });
    await ctx.evidence.publish(assemblyId);
    return null;
  });

  on('assembly', socket, 'evidence:expertSession', logger, async ({ itemId, entryId }) => {
    await db.transaction(async (tx) => {
      if (!(await store.findAgendaItem(tx, assemblyId, itemId))) {
        throw new AppError(
          ErrorCode.notFound,
          'No such agenda item in this assembly',
          evidenceReason('sessionNotFound'),
        );
      }
      if (entryId !== null) {
        const entry = await store.findEntry(tx, assemblyId, entryId);
        if (!entry) throw store.entryNotFound();
        if (entry.kind !== 'talk') {
          throw new AppError(
            ErrorCode.badRequest,
            'Only an expert talk has a speaker to question',
            evidenceReason('notATalk'),
          );
        }
      }
      await store.setExpertSession(tx, { assemblyId, itemId, entryId });
      await audit(tx, 'evidence.expert_session', itemId, { entryId });
    });
    await ctx.evidence.publish(assemblyId);
    return null;
  });

  on('assembly', socket, 'evidence:cite', logger, async ({ on: citing, entryIds }) => {
    await db.transaction(async (tx) => {
      const found =
        'standardId' in citing
          ? await findStandard(tx, assemblyId, citing.standardId)
          : await caseStatus(tx, assemblyId, citing.caseId);
      if (!found) {
        throw new AppError(
          ErrorCode.notFound,
          'standardId' in citing ? 'No such standard in this charter' : 'No such case in this assembly',
          'standardId' in citing ? refusal('charter', 'standardNotFound') : refusal('evidence', 'caseNotFound'),
        );
      }
      await store.setCitations(tx, { assemblyId, on: citing, entryIds });
      const target = 'standardId' in citing ? citing.standardId : citing.caseId;
      await audit(tx, 'evidence.cited', target, { entryIds, on: 'standardId' in citing ? 'standard' : 'case' });
    });
    await ctx.evidence.publish(assemblyId);
    return null;
  });
}
