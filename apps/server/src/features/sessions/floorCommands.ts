import { ErrorCode, refusal } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../realtime/appError.ts';
import { on } from '../../realtime/on.ts';
import type { AssemblySocket } from '../../realtime/socketData.ts';
import * as floor from './floorStore.ts';
import { sessionMutator } from './mutate.ts';
import { lockSession, requireLive, requireNotEnded, shareSession } from './sessionStore.ts';
import { queueOf, requireHostsGroup, requireSteers } from './steering.ts';
import { orderQueue } from './sessionView.ts';

/** Attendance and the speaking queue. */
export function registerFloorCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const me = socket.data.participant!;
  const mutate = sessionMutator(ctx, socket);

  const refuseIfSilenced = () => ctx.silence.refuse(me.id, 'you cannot raise your hand');

  on('assembly', socket, 'attendance:checkIn', logger, ({ sessionId }) =>
    mutate({ action: 'attendance.checked_in', target: sessionId }, async (tx) => {
      requireNotEnded(await shareSession(tx, assemblyId, sessionId));
      await floor.checkIn(tx, sessionId, me.id);
      return null;
    }),
  );

  on('assembly', socket, 'attendance:checkOut', logger, ({ sessionId }) =>
    mutate({ action: 'attendance.checked_out', target: sessionId }, async (tx) => {
      await lockSession(tx, assemblyId, sessionId);
      await floor.checkOut(tx, sessionId, me.id);
      return null;
    }),
  );

  // At the door or the table: whoever steers checks a member in or out (quorum counts who is present now).
  on('assembly', socket, 'attendance:checkInFor', logger, ({ sessionId, participantId }) =>
    mutate({ action: 'attendance.checked_in_for', target: sessionId, detail: { participantId } }, async (tx) => {
      requireNotEnded(await lockSession(tx, assemblyId, sessionId));
      await requireSteers(tx, me, sessionId, participantId);
      await floor.checkIn(tx, sessionId, participantId, me.id);
      return null;
    }),
  );

  on('assembly', socket, 'attendance:checkOutFor', logger, ({ sessionId, participantId }) =>
    mutate({ action: 'attendance.checked_out_for', target: sessionId, detail: { participantId } }, async (tx) => {
      await lockSession(tx, assemblyId, sessionId);
      await requireSteers(tx, me, sessionId, participantId);
      await floor.checkOut(tx, sessionId, participantId);
      return null;
    }),
  );

  // A hand for a member in the room: theirs in the queue, marked as raised by whoever raised it.
  on('assembly', socket, 'queue:raiseFor', logger, async ({ sessionId, participantId, kind }) => {
    // Checked before the silence is read, so nothing is told about a member of another group or assembly.
    await requireSteers(ctx.db, me, sessionId, participantId);
    if (await ctx.silence.isSilenced(participantId))
      throw new AppError(
        ErrorCode.muted,
        'This member is muted and cannot raise a hand',
        refusal('moderation', 'memberMuted'),
      );
    return mutate({ action: 'queue.raised_for', target: sessionId, detail: { participantId, kind } }, async (tx) => {
      requireLive(await lockSession(tx, assemblyId, sessionId));
      await requireSteers(tx, me, sessionId, participantId);
      if (!(await floor.presentNow(tx, sessionId, participantId)))
        throw new AppError(
          ErrorCode.badRequest,
          'Check this member in before raising a hand for them',
          refusal('floor', 'checkInFirst'),
        );
      await floor.raiseHand(tx, sessionId, participantId, kind, me.id, await queueOf(tx, sessionId, participantId));
      return null;
    });
  });

  on('assembly', socket, 'queue:lowerFor', logger, ({ sessionId, participantId }) =>
    mutate({ action: 'queue.lowered_for', target: sessionId, detail: { participantId } }, async (tx) => {
      await lockSession(tx, assemblyId, sessionId);
      await requireSteers(tx, me, sessionId, participantId);
      await floor.lowerHand(tx, sessionId, participantId);
      return null;
    }),
  );

  on('assembly', socket, 'queue:raise', logger, async ({ sessionId, kind }) => {
    await refuseIfSilenced();
    return mutate({ action: 'queue.raised', target: sessionId, detail: { kind } }, async (tx) => {
      requireLive(await shareSession(tx, assemblyId, sessionId));
      // Raising a hand is being here: it checks the member in. While groups run, a member's
      // hand goes in their own group's queue (the server decides which, never the client).
      await floor.checkIn(tx, sessionId, me.id);
      await floor.raiseHand(tx, sessionId, me.id, kind, null, await queueOf(tx, sessionId, me.id));
      return null;
    });
  });

  on('assembly', socket, 'queue:lower', logger, ({ sessionId }) =>
    mutate({ action: 'queue.lowered', target: sessionId }, async (tx) => {
      await shareSession(tx, assemblyId, sessionId);
      await floor.lowerHand(tx, sessionId, me.id);
      return null;
    }),
  );

  on('assembly', socket, 'queue:next', logger, ({ sessionId, participantId }) =>
    mutate(
      { action: 'queue.called', target: sessionId, detail: { participantId: participantId ?? null } },
      async (tx) => {
        const session = await lockSession(tx, assemblyId, sessionId);
        requireLive(session);
        const waiting = (await floor.openHands(tx, sessionId)).filter(
          (h) => h.status === 'waiting' && h.groupId === null,
        );
        const hand = participantId
          ? waiting.find((h) => h.participantId === participantId)
          : orderQueue(waiting, session.queueMode, await floor.speakingTotals(tx, assemblyId, sessionId))[0];
        if (!hand) {
          throw new AppError(
            ErrorCode.notFound,
            participantId ? 'That member has no hand up' : 'Nobody is waiting to speak',
            participantId ? refusal('floor', 'noHandUp') : refusal('floor', 'nobodyWaiting'),
          );
        }
        await floor.giveFloor(tx, sessionId, hand.id, null);
        return null;
      },
    ),
  );

  // A small group's own queue: its facilitator (or the moderator) calls the next speaker.
  on('assembly', socket, 'groupQueue:next', logger, ({ sessionId, groupId, participantId }) =>
    mutate(
      { action: 'group_queue.called', target: groupId, detail: { participantId: participantId ?? null } },
      async (tx) => {
        const session = await lockSession(tx, assemblyId, sessionId);
        requireLive(session);
        await requireHostsGroup(tx, me, sessionId, groupId);
        const waiting = (await floor.openHands(tx, sessionId)).filter(
          (h) => h.status === 'waiting' && h.groupId === groupId,
        );
        const hand = participantId
          ? waiting.find((h) => h.participantId === participantId)
          : orderQueue(waiting, session.queueMode, await floor.speakingTotals(tx, assemblyId, sessionId))[0];
        if (!hand) {
          throw new AppError(
            ErrorCode.notFound,
            participantId
              ? "That member has no hand up in this group's queue"
              : 'Nobody in this group is waiting to speak',
            participantId ? refusal('floor', 'groupNoHandUp') : refusal('floor', 'groupNobodyWaiting'),
          );
        }
        await floor.giveFloor(tx, sessionId, hand.id, groupId);
        return null;
      },
    ),
  );

  on('assembly', socket, 'groupQueue:endTurn', logger, ({ sessionId, groupId }) =>
    mutate({ action: 'group_queue.turn_ended', target: groupId }, async (tx) => {
      await lockSession(tx, assemblyId, sessionId);
      await requireHostsGroup(tx, me, sessionId, groupId);
      if (!(await floor.endTurn(tx, sessionId, undefined, groupId)))
        throw new AppError(
          ErrorCode.notFound,
          'Nobody in this group has the floor',
          refusal('floor', 'groupNobodySpeaking'),
        );
      return null;
    }),
  );

  on('assembly', socket, 'queue:endTurn', logger, ({ sessionId }) =>
    mutate({ action: 'queue.turn_ended', target: sessionId }, async (tx) => {
      await lockSession(tx, assemblyId, sessionId);
      // A member may yield the floor; only a moderator may end someone else's turn.
      // The moderator ends the plenary's turn; each group's turn is its facilitator's (`groupQueue:endTurn`).
      const ended =
        me.role === 'moderator'
          ? await floor.endTurn(tx, sessionId, undefined, null)
          : await floor.endTurn(tx, sessionId, me.id);
      if (!ended)
        throw new AppError(
          ErrorCode.notFound,
          me.role === 'moderator' ? 'Nobody has the floor' : 'You do not have the floor',
          me.role === 'moderator' ? refusal('floor', 'nobodySpeaking') : refusal('floor', 'notYourTurn'),
        );
      return null;
    }),
  );
}
