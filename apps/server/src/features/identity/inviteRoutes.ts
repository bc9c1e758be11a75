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
} from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { sendError, tooManyTries } from '../../http/errors.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import { closeSession, findInvite, findSession, openSession, claimDisplayName } from './participantStore.ts';
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

/** Invites become sessions: the secret travels in a POST body and only its hash is stored. */
export function inviteRoutes(
  ctx: Pick<AppContext, 'db' | 'io' | 'sessionLifetimeMs' | 'secureCookies' | 'clientAddress' | 'throttles'>,
): Router {
  const router = Router();
  const { db } = ctx;
  /** The invite behind a secret, unless this address has run out of failed tries (then a 429 is sent). */
  const lookUp = async (req: Request, res: Response, secret: string) => {
    const looked = await ctx.throttles.secrets.guard(ctx.clientAddress(req), [secret], () => findInvite(db, secret));
    if ('retryAfter' in looked) {
      tooManyTries(res, looked.retryAfter, 'Too many wrong invite links were tried from your network');
      return undefined;
    }
    if (!looked.found) {
      sendError(res, 404, ErrorCode.notFound, 'This invite link is not valid (it may have been revoked)');
      return undefined;
    }
    return looked.found;
  };

  router.post(HTTP_ROUTES.inspectInvite, async (req: Request, res: Response) => {
    const parsed = parsePayload(inspectInviteSchema, req.body);
    if (!parsed.ok) return sendError(res, 400, parsed.error.code, parsed.error.message);
    const invite = await lookUp(req, res, parsed.value.secret);
    if (!invite) return;
    const info: InviteInfo = {
      assembly: invite.assembly,
      role: invite.participant.role,
      displayName: invite.named ? invite.participant.displayName : null,
    };
    res.json(info);
  });

  router.post(HTTP_ROUTES.redeemInvite, async (req: Request, res: Response) => {
    const parsed = parsePayload(redeemInviteSchema, req.body);
    if (!parsed.ok) return sendError(res, 400, parsed.error.code, parsed.error.message);
    const { secret, displayName } = parsed.value;
    const invite = await lookUp(req, res, secret);
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

  router.get(HTTP_ROUTES.session, async (req: Request, res: Response) => {
    const token = sessionToken(req.headers.cookie);
    const found = token ? await findSession(db, token) : null;
    if (!found) return sendError(res, 401, ErrorCode.unauthorized, 'Open your invite link to join');
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
