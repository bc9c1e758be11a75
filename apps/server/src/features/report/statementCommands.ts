import type { AppContext } from '../../appContext.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import { on } from '../../realtime/on.ts';
import type { AssemblySocket } from '../../realtime/socketData.ts';
import * as store from './statementStore.ts';

/**
 * The members' own statements for the assembly's report. Nobody is pushed anything: the report
 * is read when it is opened, and the author asks for their own with `report:myStatement`.
 */
export function registerStatementCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { db, logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const me = socket.data.participant!;

  on('assembly', socket, 'report:writeStatement', logger, async ({ text }) => {
    await ctx.silence.refuse(me.id, 'your statement was not saved');
    const statementId = await db.transaction(async (tx) => {
      const id =
        text === ''
          ? await store.withdrawStatement(tx, { assemblyId, participantId: me.id })
          : await store.writeStatement(tx, { assemblyId, participantId: me.id, text });
      if (id)
        await recordAudit(tx, {
          assemblyId,
          actorId: me.id,
          action: text === '' ? 'statement.withdrawn' : 'statement.written',
          target: id,
        });
      return text === '' ? null : id;
    });
    return { statementId };
  });

  on('assembly', socket, 'report:hideStatement', logger, async ({ statementId, reason }) => {
    await db.transaction(async (tx) => {
      await store.hideStatement(tx, {
        assemblyId,
        statementId,
        reason: reason.code,
        note: reason.note || null,
        by: me.id,
      });
      await recordAudit(tx, {
        assemblyId,
        actorId: me.id,
        action: 'statement.hidden',
        target: statementId,
        detail: { reason: reason.code },
      });
    });
    return null;
  });

  on('assembly', socket, 'report:myStatement', logger, () => store.myStatement(db, assemblyId, me.id));
}
