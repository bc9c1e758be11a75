import { Router } from 'express';
import {
  HTTP_ROUTES,
  inspectCodeSchema,
  redeemCodeSchema,
  type AccessNeed,
  type MemberPreferences,
  type TableNeeds,
} from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { on } from '../../realtime/on.ts';
import type { AssemblySocket, WatchSocket } from '../../realtime/socketData.ts';
import { joinRoutes } from '../identity/inviteRoutes.ts';
import { steeredMemberIds } from '../sessions/steering.ts';
import { findInviteByCode } from './memberCards.ts';
import { publishedAggregate } from './representation.ts';

/**
 * What a seat may ask of the members feature: a facilitator the access needs of the members they
 * steer, a member their own preferences. Everything else about members is the organisers' (their
 * HTTP API, `features/organise/memberRoutes.ts`).
 */
export function registerMemberCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { db, logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const by = socket.data.participant!.id;

  // Needs in plain words (the protocol's ACCESS_NEEDS), only with consent, only for the members
  // this facilitator steers now: no name, contact detail or demographic comes with them.
  on('assembly', socket, 'members:tableNeeds', logger, async ({ sessionId }): Promise<TableNeeds> => {
    const steered = await steeredMemberIds(db, socket.data.participant!, sessionId);
    const rows = await db.query<{ participantId: string; needs: AccessNeed[] }>(
      `SELECT participant_id AS "participantId", needs FROM members
       WHERE assembly_id = $1 AND needs_consent AND cardinality(needs) > 0 AND participant_id = ANY($2::uuid[])
       ORDER BY participant_id`,
      [assemblyId, steered],
    );
    return { members: rows };
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
    why: { wrong: 'codeNotValid', tooMany: 'tooManyWrongCodes' },
  });
  return router;
}
