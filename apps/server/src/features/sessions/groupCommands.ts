import { randomInt } from 'node:crypto';
import { ErrorCode, refusal } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../realtime/appError.ts';
import { on } from '../../realtime/on.ts';
import type { AssemblySocket } from '../../realtime/socketData.ts';
import { listCharter } from '../charter/charterStore.ts';
import { listParticipants } from '../identity/participantStore.ts';
import { isPresent, listAttendance } from './floorStore.ts';
import { planGroups } from './groupPlanner.ts';
import * as groups from './groupStore.ts';
import { memberCategories } from '../members/memberCategories.ts';
import { sessionMutator } from './mutate.ts';
import { lockSession, requireLive } from './sessionStore.ts';

/**
 * Small groups of the present members, each with its own notes pad: a fair random split, or
 * balanced by members' categories and rotated so that as few as possible meet again (`groupPlanner`).
 */
export function registerGroupCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const mutate = sessionMutator(ctx, socket);

  on('assembly', socket, 'groups:form', logger, async ({ sessionId, count, standardIds, split, method }) => {
    const facts = await ctx.sessions.facts(assemblyId);
    const online = facts?.online ?? new Set<string>();
    // The planner is deterministic given its seed: the seed is kept in the audit entry (not public).
    const seed = randomInt(2 ** 31);
    const detail = { count, split, grouping: method, ...(method === 'balanced' ? { seed } : {}) };
    return mutate({ action: 'groups.formed', target: sessionId, detail }, async (tx) => {
      requireLive(await lockSession(tx, assemblyId, sessionId));
      const charter = new Set((await listCharter(tx, assemblyId)).map((s) => s.id));
      if (!standardIds.every((id) => charter.has(id)))
        throw new AppError(
          ErrorCode.notFound,
          'No such standard in this charter',
          refusal('charter', 'standardNotFound'),
        );
      const participants = await listParticipants(tx, assemblyId);
      const members = new Set(participants.filter((p) => p.role === 'member').map((p) => p.id));
      // Present: checked in and not out or removed, and connected now — or checked in at the
      // door by a facilitator (a member in the room may have no device).
      const present = (await listAttendance(tx, sessionId))
        .filter(
          (a) =>
            isPresent(a) && members.has(a.participantId) && (online.has(a.participantId) || a.checkedInBy !== null),
        )
        .map((a) => a.participantId);
      // Facilitators and note-takers connected now are dealt one per group in turn.
      const hosts = (role: string) => participants.filter((p) => p.role === role && online.has(p.id)).map((p) => p.id);
      if (split && standardIds.length < count)
        throw new AppError(
          ErrorCode.badRequest,
          `Dealing standards out needs one for each group: ${standardIds.length} chosen for ${count} groups`,
          refusal('group', 'fewerStandardsThanGroups', { standards: standardIds.length, groups: count }),
        );
      // Group i gets standards i, i + count, i + 2·count… when split; every group all of them otherwise.
      const forGroup = (index: number) => (split ? standardIds.filter((_, j) => j % count === index) : standardIds);
      const hostsOf = { facilitators: hosts('facilitator'), noteTakers: hosts('note_taker') };
      if (method === 'random') {
        await groups.formGroups(tx, sessionId, present, count, forGroup, hostsOf);
        return null;
      }
      const [categories, history] = await Promise.all([
        memberCategories(tx, assemblyId),
        groups.groupHistory(tx, assemblyId),
      ]);
      const planned = present.map((id) => ({ id, categories: categories.get(id) ?? {} }));
      await groups.formGroups(
        tx,
        sessionId,
        present,
        count,
        forGroup,
        hostsOf,
        () => planGroups({ members: planned, groupCount: count, history, seed }).groups,
      );
      return null;
    });
  });

  on('assembly', socket, 'groups:move', logger, ({ sessionId, participantId, groupId }) =>
    mutate({ action: 'groups.moved', target: participantId, detail: { groupId } }, async (tx) => {
      await lockSession(tx, assemblyId, sessionId);
      // The group is checked against the session; the person must be a member of this assembly,
      // or a facilitator or note-taker, who then hosts the group.
      const person = (await listParticipants(tx, assemblyId)).find((p) => p.id === participantId);
      if (person?.role === 'member') await groups.moveToGroup(tx, sessionId, participantId, groupId);
      else if (person?.role === 'facilitator' || person?.role === 'note_taker')
        await groups.moveHost(tx, sessionId, participantId, groupId);
      else
        throw new AppError(
          ErrorCode.notFound,
          'No such member, facilitator or note-taker in this assembly',
          refusal('group', 'personNotFound'),
        );
      return null;
    }).then(async () => {
      // Whoever moved writes the new group's pad now, and no longer the old one's.
      for (const group of (await ctx.sessions.facts(assemblyId))?.groups ?? [])
        ctx.access.forget(groups.padDocId(group.id));
      return null;
    }),
  );

  on('assembly', socket, 'groups:end', logger, ({ sessionId }) =>
    mutate({ action: 'groups.ended', target: sessionId }, async (tx) => {
      await lockSession(tx, assemblyId, sessionId);
      if ((await groups.endGroups(tx, sessionId)) === 0)
        throw new AppError(ErrorCode.notFound, 'No groups are running', refusal('group', 'noneRunning'));
      return null;
    }).then(async () => {
      for (const group of (await ctx.sessions.facts(assemblyId))?.groups ?? [])
        ctx.access.forget(groups.padDocId(group.id));
      return null;
    }),
  );
}
