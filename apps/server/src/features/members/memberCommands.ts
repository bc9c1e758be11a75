import { Router } from 'express';
import {
  ErrorCode,
  HTTP_ROUTES,
  inspectCodeSchema,
  redeemCodeSchema,
  type MemberPreferences,
  type MembersState,
} from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import { AppError } from '../../realtime/appError.ts';
import { on } from '../../realtime/on.ts';
import type { AssemblySocket, WatchSocket } from '../../realtime/socketData.ts';
import { joinRoutes } from '../identity/inviteRoutes.ts';
import { revokeParticipant } from '../identity/participantAccess.ts';
import { inviteParticipant } from '../identity/participantStore.ts';
import { applyPlan, planImport } from './importPlan.ts';
import { requireMemberAdmin } from './memberAdmin.ts';
import { findInviteByCode, issueCards } from './memberCards.ts';
import {
  categoriesOf,
  listMembers,
  listQuotas,
  listReplacements,
  memberRow,
  memberRows,
  memberSettings,
  recordReplacement,
  replaceQuotas,
  saveMemberSettings,
} from './memberStore.ts';
import { parseQuotas, publishedAggregate, representation } from './representation.ts';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Members from the civic lottery, for the assembly's organisers: import (preview, then confirm
 * exactly what was previewed), replacements, access needs, invite cards, quotas and the
 * representativeness view. Every handler passes `requireMemberAdmin` first.
 */
export function registerMemberCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { db, logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const by = socket.data.participant!.id;
  const guard = () => requireMemberAdmin({ role: socket.data.role });
  const notFound = () => new AppError(ErrorCode.notFound, 'No such member in this assembly');

  on('assembly', socket, 'members:preview', logger, async ({ csv }) => {
    guard();
    return (await planImport(db, assemblyId, csv)).preview;
  });

  on('assembly', socket, 'members:import', logger, async ({ csv, previewHash }) => {
    guard();
    return db.transaction(async (tx) => {
      // One import at a time per assembly, so two confirmations cannot both apply the same plan.
      await tx.query('SELECT id FROM assemblies WHERE id = $1 FOR UPDATE', [assemblyId]);
      const plan = await planImport(tx, assemblyId, csv);
      if (plan.preview.previewHash !== previewHash) {
        throw new AppError(ErrorCode.stale, 'The file or the members changed since the preview; preview it again');
      }
      if (plan.preview.fileProblems.length > 0) {
        throw new AppError(ErrorCode.badRequest, 'This file cannot be imported until its problems are fixed');
      }
      const result = await applyPlan(tx, assemblyId, plan);
      await recordAudit(tx, {
        assemblyId,
        actorId: by,
        action: 'members.imported',
        detail: { added: result.added, updated: result.updated },
      });
      return result;
    });
  });

  on('assembly', socket, 'members:list', logger, async (): Promise<MembersState> => {
    guard();
    const [members, replacements, settings, quotas, rows] = await Promise.all([
      listMembers(db, assemblyId),
      listReplacements(db, assemblyId),
      memberSettings(db, assemblyId),
      listQuotas(db, assemblyId),
      memberRows(db, assemblyId),
    ]);
    return { members, replacements, settings, quotas, categories: categoriesOf(rows) };
  });

  on('assembly', socket, 'members:replace', logger, async ({ memberId, replacementId }) => {
    guard();
    const dropped = await memberRow(db, assemblyId, memberId);
    const reserve = await memberRow(db, assemblyId, replacementId);
    if (!dropped || !reserve) throw notFound();
    if (dropped.status !== 'selected') throw new AppError(ErrorCode.badRequest, 'Only a selected member can drop out');
    if (reserve.status !== 'reserve') throw new AppError(ErrorCode.badRequest, 'Only a reserve can replace a member');
    await db.transaction(async (tx) => {
      const seat = await inviteParticipant(tx, assemblyId, 'member');
      await tx.query(`UPDATE members SET status = 'dropped', updated_at = now() WHERE id = $1`, [dropped.id]);
      await tx.query(`UPDATE members SET status = 'selected', participant_id = $2, updated_at = now() WHERE id = $1`, [
        reserve.id,
        seat.participant.id,
      ]);
      await recordReplacement(tx, assemblyId, dropped.id, reserve.id, by);
      await recordAudit(tx, {
        assemblyId,
        actorId: by,
        action: 'members.replaced',
        target: seat.participant.id,
      });
    });
    // Their seat ends (link, sessions, open connections); what they said and did stays theirs.
    if (dropped.participant_id) await revokeParticipant(ctx, assemblyId, dropped.participant_id, by);
    return null;
  });

  on('assembly', socket, 'members:setNeeds', logger, async ({ memberId, needs, consent }) => {
    guard();
    if (consent === 'withdrawn' && needs.length > 0) {
      throw new AppError(ErrorCode.badRequest, 'Access needs are recorded only with the member’s consent');
    }
    const rows = await db.query(
      'UPDATE members SET needs = $3, needs_consent = $4, updated_at = now() WHERE id = $1 AND assembly_id = $2 RETURNING id',
      [memberId, assemblyId, needs, consent === 'given'],
    );
    if (rows.length === 0) throw notFound();
    return null;
  });

  on('assembly', socket, 'members:issueCards', logger, async ({ memberIds }) => {
    guard();
    const wanted = new Set(memberIds);
    const members = (await memberRows(db, assemblyId)).filter((m) => wanted.has(m.id));
    if (members.length !== wanted.size) throw notFound();
    if (members.some((m) => m.status !== 'selected' || m.participant_id === null)) {
      throw new AppError(
        ErrorCode.badRequest,
        'Cards are for selected members; a reserve gets one on replacing someone',
      );
    }
    const { inviteDays } = await memberSettings(db, assemblyId);
    const cards = await db.transaction(async (tx) => {
      const issued = await issueCards(tx, members, new Date(Date.now() + inviteDays * DAY_MS));
      await recordAudit(tx, {
        assemblyId,
        actorId: by,
        action: 'members.cards_issued',
        detail: { count: issued.length },
      });
      return issued;
    });
    return { cards };
  });

  on('assembly', socket, 'members:settings', logger, async (settings) => {
    guard();
    const known = new Set(categoriesOf(await memberRows(db, assemblyId)));
    const unknown = settings.publishedCategories.find((c) => !known.has(c));
    if (unknown !== undefined) throw new AppError(ErrorCode.badRequest, `No category "${unknown}" among the members`);
    await saveMemberSettings(db, assemblyId, settings);
    return null;
  });

  on('assembly', socket, 'members:quotas', logger, async ({ csv }) => {
    guard();
    const parsed = parseQuotas(csv);
    if (parsed.problems.length === 0) await replaceQuotas(db, assemblyId, parsed.quotas);
    return parsed;
  });

  on('assembly', socket, 'members:representation', logger, async ({ sessionId }) => {
    guard();
    const found = await representation(db, assemblyId, sessionId);
    if (!found) throw new AppError(ErrorCode.notFound, 'No such sitting in this assembly');
    return found;
  });

  // A member's own screens: their language and large text, and nothing else that was recorded about them.
  on('assembly', socket, 'members:myPreferences', logger, async (): Promise<MemberPreferences> => {
    const [row] = await db.query<{ needs: string[] }>(
      `SELECT needs FROM members WHERE participant_id = $1 AND assembly_id = $2 AND needs_consent`,
      [by, assemblyId],
    );
    const needs = row?.needs ?? [];
    return { language: needs.includes('welsh') ? 'cy' : null, largeText: needs.includes('large_text') };
  });
}

/** Observers: the aggregate the organisers chose to publish, small counts suppressed. */
export function registerPublishedMembers(ctx: AppContext, socket: WatchSocket): void {
  on('watch', socket, 'members:published', ctx.logger, () => publishedAggregate(ctx.db, socket.data.assembly.id));
}

/** The join page's other way in: an invite card's typed code, throttled like an invite link. */
export function memberCodeRoutes(ctx: AppContext): Router {
  const router = Router();
  joinRoutes(ctx, router, {
    inspect: HTTP_ROUTES.inspectCode,
    redeem: HTTP_ROUTES.redeemCode,
    inspectSchema: inspectCodeSchema.transform(({ code }) => ({ key: code })),
    redeemSchema: redeemCodeSchema.transform(({ code, displayName }) => ({ key: code, displayName })),
    find: findInviteByCode,
    wrong: 'This code is not valid (check it, or ask for a new card)',
    tooMany: 'Too many wrong codes were tried from your network',
  });
  return router;
}
