import { parseCookie, stringifySetCookie } from 'cookie';
import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import {
  appointSchema,
  assemblyDetailsSchema,
  assemblyIdParamSchema,
  emptyBodySchema,
  ErrorCode,
  LIMITS,
  openOrganiserLinkSchema,
  ORGANISE_ROUTES,
  ORGANISER_COOKIE,
  ORGANISER_COOKIE_PATH,
  parsePayload,
  seatRefSchema,
  type Appointed,
  type ErrorCode as Code,
  type OrganisedAssemblyDetail,
  type OrganisedList,
  refusal,
} from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import { sendError, tooManyTries } from '../../http/errors.ts';
import { AppError } from '../../realtime/appError.ts';
import { listListedAssemblies, rotateWatchKey } from '../assemblies/assemblyStore.ts';
import { revokeParticipant } from '../identity/participantAccess.ts';
import { listRoster, reissueInvite } from '../identity/participantStore.ts';
import { publishRoster } from '../identity/rosterCommands.ts';
import {
  appoint,
  archiveOrganised,
  editOrganised,
  organiseAssembly,
  organisedOrThrow,
  organisersOf,
  listOrganised,
} from './organiseStore.ts';
import { panelFileRoutes } from '../panels/panelRoutes.ts';
import { memberRoutes } from './memberRoutes.ts';
import {
  closeOrganiserSession,
  findOrganiserSession,
  issueCoOrganiserLink,
  openOrganiserSession,
  organiserView,
  useOrganiserLink,
  type Organiser,
} from './organiserStore.ts';

type Deps = Pick<AppContext, 'db' | 'io' | 'secureCookies' | 'clientAddress' | 'throttles'>;

const STATUS: Partial<Record<Code, number>> = {
  [ErrorCode.badRequest]: 400,
  [ErrorCode.tooLarge]: 413,
  [ErrorCode.unauthorized]: 401,
  [ErrorCode.forbidden]: 403,
  [ErrorCode.notFound]: 404,
  [ErrorCode.archived]: 409,
  [ErrorCode.limitReached]: 409,
};

const organiserToken = (req: Request): string | null => parseCookie(req.headers.cookie ?? '')[ORGANISER_COOKIE] ?? null;

/**
 * The organisers' HTTP API. Every route but `open` and `listed` needs an organiser session
 * (the `moot_organiser` cookie, HttpOnly, SameSite=Strict, sent only to `/api/organise`); a
 * member's or moderator's session cookie opens nothing here. Writes pass the origin check
 * (`refuseForeignWrites`) like every other route. An assembly is found only among the caller's
 * own, so another organiser's is a 404, the same as one that does not exist.
 */
export function organiseRoutes(ctx: Deps): Router {
  const router = Router();
  const { db } = ctx;

  const setCookie = (req: Request, res: Response, value: string, maxAgeMs: number) =>
    res.setHeader(
      'Set-Cookie',
      stringifySetCookie({
        name: ORGANISER_COOKIE,
        value,
        httpOnly: true,
        sameSite: 'strict',
        secure: ctx.secureCookies || req.secure,
        path: ORGANISER_COOKIE_PATH,
        maxAge: Math.floor(maxAgeMs / 1000),
      }),
    );

  /** The signed-in organiser (looked up within the address's budget of wrong secrets), or null. */
  const current = async (req: Request): Promise<{ organiser: Organiser | null } | { retryAfter: number }> => {
    const token = organiserToken(req);
    if (!token) return { organiser: null };
    const looked = await ctx.throttles.secrets.guard(ctx.clientAddress(req), [token], () =>
      findOrganiserSession(db, token),
    );
    return 'retryAfter' in looked ? looked : { organiser: looked.found };
  };

  /** A handler for a signed-in organiser; expected failures become their code and status. */
  const signedIn =
    (work: (organiser: Organiser, req: Request, res: Response) => Promise<unknown>) =>
    async (req: Request, res: Response) => {
      const who = await current(req);
      if ('retryAfter' in who)
        return tooManyTries(res, who.retryAfter, 'Too many wrong sessions from your network', 'tooManyWrongLinks');
      if (!who.organiser) {
        return sendError(
          res,
          401,
          ErrorCode.unauthorized,
          'Open your organiser link to sign in as an organiser',
          refusal('request', 'openOrganiserLink'),
        );
      }
      try {
        const body = await work(who.organiser, req, res);
        if (!res.headersSent) res.json(body ?? {});
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        sendError(res, STATUS[error.code] ?? 400, error.code, error.message, error.reason);
      }
    };
  const parse = <S extends z.ZodType>(schema: S, value: unknown): z.output<S> => {
    const parsed = parsePayload(schema, value);
    if (!parsed.ok) throw new AppError(parsed.error.code, parsed.error.message, parsed.error.reason);
    return parsed.value;
  };
  const assemblyIdOf = (req: Request): string => {
    const id = assemblyIdParamSchema.safeParse(req.params.assemblyId);
    if (!id.success)
      throw new AppError(ErrorCode.badRequest, 'Not an assembly id', refusal('organise', 'notAnAssemblyId'));
    return id.data;
  };

  router.post(ORGANISE_ROUTES.open, async (req: Request, res: Response) => {
    const parsed = parsePayload(openOrganiserLinkSchema, req.body);
    if (!parsed.ok) return sendError(res, 400, parsed.error.code, parsed.error.message, parsed.error.reason);
    const who = await current(req);
    if ('retryAfter' in who)
      return tooManyTries(res, who.retryAfter, 'Too many wrong sessions from your network', 'tooManyWrongLinks');
    const looked = await ctx.throttles.secrets.guard(ctx.clientAddress(req), [parsed.value.secret], () =>
      db.transaction(async (tx) => {
        const used = await useOrganiserLink(tx, parsed.value.secret, who.organiser);
        if (used?.joinedAssembly) {
          await recordAudit(tx, {
            assemblyId: used.joinedAssembly,
            actorId: used.organiser.id,
            action: 'organiser.joined',
          });
        }
        return used;
      }),
    );
    if ('retryAfter' in looked) {
      return tooManyTries(
        res,
        looked.retryAfter,
        'Too many wrong organiser links were tried from your network',
        'tooManyWrongLinks',
      );
    }
    if (!looked.found) {
      return sendError(
        res,
        404,
        ErrorCode.notFound,
        'This organiser link is not valid (it may have been used already)',
        refusal('request', 'organiserLinkNotValid'),
      );
    }
    const { organiser, joinedAssembly } = looked.found;
    const token = await openOrganiserSession(db, organiser.id, LIMITS.organiserSessionMs);
    setCookie(req, res, token, LIMITS.organiserSessionMs);
    res.json({ me: organiserView(organiser), joinedAssembly });
  });

  router.get(
    ORGANISE_ROUTES.me,
    signedIn(async (organiser) => ({ me: organiserView(organiser) })),
  );

  router.post(ORGANISE_ROUTES.logout, async (req: Request, res: Response) => {
    const token = organiserToken(req);
    if (token) await closeOrganiserSession(db, token);
    setCookie(req, res, '', 0);
    res.status(204).end();
  });

  router.get(
    ORGANISE_ROUTES.assemblies,
    signedIn(async (organiser): Promise<OrganisedList> => ({
      me: organiserView(organiser),
      assemblies: await listOrganised(db, organiser.id),
    })),
  );

  router.post(
    ORGANISE_ROUTES.assemblies,
    signedIn(async (organiser, req) => {
      const details = parse(assemblyDetailsSchema, req.body);
      return db.transaction((tx) => organiseAssembly(tx, organiser.id, details));
    }),
  );

  router.get(
    ORGANISE_ROUTES.assembly,
    signedIn(async (organiser, req): Promise<OrganisedAssemblyDetail> => {
      const assembly = await organisedOrThrow(db, organiser.id, assemblyIdOf(req), false);
      const [listed] = assembly.listed
        ? await db.query<{ key: string | null }>('SELECT public_watch_key AS key FROM assemblies WHERE id = $1', [
            assembly.id,
          ])
        : [];
      return {
        assembly,
        roster: await listRoster(db, assembly.id),
        organisers: await organisersOf(db, assembly.id),
        listedWatchKey: listed?.key ?? null,
      };
    }),
  );

  router.post(
    ORGANISE_ROUTES.edit,
    signedIn(async (organiser, req) => {
      const assemblyId = assemblyIdOf(req);
      const details = parse(assemblyDetailsSchema, req.body);
      return db.transaction((tx) => editOrganised(tx, organiser.id, assemblyId, details));
    }),
  );

  router.post(
    ORGANISE_ROUTES.archive,
    signedIn(async (organiser, req) => {
      const assemblyId = assemblyIdOf(req);
      parse(emptyBodySchema, req.body);
      // From now on every command in it is refused (`archived`) and its documents are locked (archive.ts).
      await db.transaction((tx) => archiveOrganised(tx, organiser.id, assemblyId));
      return { archived: true };
    }),
  );

  router.post(
    ORGANISE_ROUTES.appoint,
    signedIn(async (organiser, req): Promise<Appointed> => {
      const assemblyId = assemblyIdOf(req);
      const { role } = parse(appointSchema, req.body);
      const { participant, inviteSecret } = await db.transaction((tx) => appoint(tx, organiser.id, assemblyId, role));
      void publishRoster(ctx, assemblyId);
      return {
        entry: { participantId: participant.id, seat: participant.seat, role, displayName: null },
        role,
        inviteSecret,
      };
    }),
  );

  /** The seat, if it is one of this assembly's (not revoked); `not_found` otherwise. */
  const seatIn = async (assemblyId: string, participantId: string) => {
    const seat = (await listRoster(db, assemblyId)).find((e) => e.participantId === participantId);
    if (!seat)
      throw new AppError(
        ErrorCode.notFound,
        'Nobody holds that seat in this assembly',
        refusal('roster', 'seatNotFound'),
      );
    return seat;
  };

  router.post(
    ORGANISE_ROUTES.reissue,
    signedIn(async (organiser, req) => {
      const assemblyId = assemblyIdOf(req);
      const { participantId } = parse(seatRefSchema, req.body);
      await organisedOrThrow(db, organiser.id, assemblyId, false);
      await seatIn(assemblyId, participantId);
      const inviteSecret = await db.transaction(async (tx) => {
        const secret = await reissueInvite(tx, participantId);
        await recordAudit(tx, {
          assemblyId,
          actorId: organiser.id,
          action: 'participant.link_reissued',
          target: participantId,
        });
        return secret;
      });
      return { inviteSecret };
    }),
  );

  router.post(
    ORGANISE_ROUTES.revoke,
    signedIn(async (organiser, req) => {
      const assemblyId = assemblyIdOf(req);
      const { participantId } = parse(seatRefSchema, req.body);
      await organisedOrThrow(db, organiser.id, assemblyId, false);
      await seatIn(assemblyId, participantId);
      if (!(await revokeParticipant(ctx, assemblyId, participantId, organiser.id))) {
        throw new AppError(
          ErrorCode.notFound,
          'Nobody holds that seat in this assembly',
          refusal('roster', 'seatNotFound'),
        );
      }
      void publishRoster(ctx, assemblyId);
      return { revoked: true };
    }),
  );

  router.post(
    ORGANISE_ROUTES.watchLink,
    signedIn(async (organiser, req) => {
      const assemblyId = assemblyIdOf(req);
      parse(emptyBodySchema, req.body);
      await organisedOrThrow(db, organiser.id, assemblyId, false);
      const watchKey = await db.transaction(async (tx) => {
        const key = await rotateWatchKey(tx, assemblyId);
        await recordAudit(tx, { assemblyId, actorId: organiser.id, action: 'assembly.watch_link_rotated' });
        return key;
      });
      return { watchKey };
    }),
  );

  router.post(
    ORGANISE_ROUTES.coOrganiserLink,
    signedIn(async (organiser, req) => {
      const assemblyId = assemblyIdOf(req);
      parse(emptyBodySchema, req.body);
      await organisedOrThrow(db, organiser.id, assemblyId, true);
      return { secret: await issueCoOrganiserLink(db, assemblyId, organiser.id) };
    }),
  );

  memberRoutes(router, ctx, { signedIn, parse, assemblyIdOf });
  panelFileRoutes(router, ctx, { signedIn, parse, assemblyIdOf });

  router.get(ORGANISE_ROUTES.listed, async (_req: Request, res: Response) => {
    res.json({ assemblies: await listListedAssemblies(db) });
  });

  return router;
}
