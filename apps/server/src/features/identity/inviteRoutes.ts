import { parseCookie, stringifySetCookie } from 'cookie';
import { Router, type Request, type Response } from 'express';
import {
  ErrorCode,
  HTTP_ROUTES,
  inspectInviteSchema,
  parsePayload,
  redeemInviteSchema,
  SESSION_COOKIE,
  type InviteInfo,
  type Session,
  refusal,
} from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { sendError, tooManyTries } from '../../http/errors.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import type { z } from 'zod';
import {
  closeSession,
  findInvite,
  findSession,
  openSession,
  claimDisplayName,
  type FoundInvite,
} from './participantStore.ts';
import { publishRoster } from './rosterCommands.ts';
import { sessionRoom } from './sessionRoom.ts';

export const sessionToken = (cookieHeader: string | undefined): string | null =>
  parseCookie(cookieHeader ?? '')[SESSION_COOKIE] ?? null;

const view = ({
  id,
  role,
  displayName,
  seat,
}: {
  id: string;
  role: Session['me']['role'];
  displayName: string;
  seat: number;
}) => ({
  id,
  role,
  displayName,
  seat,
});

/** The look-up behind one way of joining: a secret in, the seat it opens (or null) out. */
export type InviteFinder = (db: AppContext['db'], key: string) => Promise<FoundInvite | null>;
type JoinCtx = Pick<AppContext, 'db' | 'io' | 'sessionLifetimeMs' | 'secureCookies' | 'clientAddress' | 'throttles'>;

/**
 * A way of joining at two routes, inspect and redeem: the invite link's secret, or an invite
 * card's typed code (`features/members`). Every look-up goes through the per-address budget of
 * failed guesses; an expired card is answered as expired (410), a wrong key as not found.
 */
export function joinRoutes(
  ctx: JoinCtx,
  router: Router,
  way: {
    inspect: string;
    redeem: string;
    inspectSchema: z.ZodType<{ key: string }>;
    redeemSchema: z.ZodType<{ key: string; displayName: string }>;
    find: InviteFinder;
    wrong: string;
    tooMany: string;
    /** The reasons for those two refusals (`reasons.request.*`). */
    why: { wrong: 'inviteNotValid' | 'codeNotValid'; tooMany: 'tooManyWrongLinks' | 'tooManyWrongCodes' };
  },
): void {
  const { db } = ctx;
  /** The invite behind a secret, unless this address has run out of failed tries (then a 429 is sent). */
  const lookUp = async (req: Request, res: Response, key: string) => {
    const looked = await ctx.throttles.secrets.guard(ctx.clientAddress(req), [key], () => way.find(db, key));
    if ('retryAfter' in looked) {
      tooManyTries(res, looked.retryAfter, way.tooMany, way.why.tooMany);
      return undefined;
    }
    if (!looked.found) {
      sendError(res, 404, ErrorCode.notFound, way.wrong, refusal('request', way.why.wrong));
      return undefined;
    }
    if (looked.found.expired) {
      sendError(
        res,
        410,
        ErrorCode.expired,
        'This invite card has expired; ask the organisers for a new one',
        refusal('request', 'inviteExpired'),
      );
      return undefined;
    }
    return looked.found;
  };

  router.post(way.inspect, async (req: Request, res: Response) => {
    const parsed = parsePayload(way.inspectSchema, req.body);
    if (!parsed.ok) return sendError(res, 400, parsed.error.code, parsed.error.message, parsed.error.reason);
    const invite = await lookUp(req, res, parsed.value.key);
    if (!invite) return;
    const info: InviteInfo = {
      assembly: invite.assembly,
      role: invite.participant.role,
      displayName: invite.named ? invite.participant.displayName : null,
    };
    res.json(info);
  });

  router.post(way.redeem, async (req: Request, res: Response) => {
    const parsed = parsePayload(way.redeemSchema, req.body);
    if (!parsed.ok) return sendError(res, 400, parsed.error.code, parsed.error.message, parsed.error.reason);
    const { key, displayName } = parsed.value;
    const invite = await lookUp(req, res, key);
    if (!invite) return;
    const { participant, assembly } = invite;
    const { token, name } = await db.transaction(async (tx) => {
      const name = await claimDisplayName(tx, participant.id, displayName);
      await recordAudit(tx, {
        assemblyId: assembly.id,
        actorId: participant.id,
        action: 'invite.redeemed',
        detail: { anotherDevice: invite.named },
      });
      return { token: await openSession(tx, participant.id, ctx.sessionLifetimeMs), name };
    });
    res.setHeader(
      'Set-Cookie',
      stringifySetCookie({
        name: SESSION_COOKIE,
        value: token,
        httpOnly: true,
        sameSite: 'lax',
        // Secure whenever the request came over HTTPS (through a trusted proxy), or always if configured.
        secure: ctx.secureCookies || req.secure,
        path: '/',
        maxAge: Math.floor(ctx.sessionLifetimeMs / 1000),
      }),
    );
    const session: Session = { assembly, me: view({ ...participant, displayName: name }) };
    res.json(session);
    // The moderators' roster shows who has joined, by name.
    void publishRoster(ctx, assembly.id);
  });
}

/** Invites become sessions: the secret travels in a POST body and only its hash is stored. */
export function inviteRoutes(ctx: JoinCtx): Router {
  const router = Router();
  const { db } = ctx;
  joinRoutes(ctx, router, {
    inspect: HTTP_ROUTES.inspectInvite,
    redeem: HTTP_ROUTES.redeemInvite,
    inspectSchema: inspectInviteSchema.transform(({ secret }) => ({ key: secret })),
    redeemSchema: redeemInviteSchema.transform(({ secret, displayName }) => ({ key: secret, displayName })),
    find: findInvite,
    wrong: 'This invite link is not valid (it may have been revoked)',
    tooMany: 'Too many wrong invite links were tried from your network',
    why: { wrong: 'inviteNotValid', tooMany: 'tooManyWrongLinks' },
  });

  router.get(HTTP_ROUTES.session, async (req: Request, res: Response) => {
    const token = sessionToken(req.headers.cookie);
    const found = token ? await findSession(db, token) : null;
    if (!found)
      return sendError(
        res,
        401,
        ErrorCode.unauthorized,
        'Open your invite link to join',
        refusal('request', 'openInviteFirst'),
      );
    const session: Session = { assembly: found.assembly, me: view(found.participant) };
    res.json(session);
  });

  router.post(HTTP_ROUTES.logout, async (req: Request, res: Response) => {
    const token = sessionToken(req.headers.cookie);
    if (token) {
      await closeSession(db, token);
      // Every socket of this session, on every node, closes with it.
      ctx.io.in(sessionRoom(token)).disconnectSockets(true);
    }
    res.setHeader(
      'Set-Cookie',
      stringifySetCookie({
        name: SESSION_COOKIE,
        value: '',
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.secureCookies || req.secure,
        path: '/',
        maxAge: 0,
      }),
    );
    res.status(204).end();
  });

  return router;
}
