import express, { type Request, type Response, type Router } from 'express';
import type { z } from 'zod';
import {
  confirmImportSchema,
  CSV_CONTENT_TYPE,
  ErrorCode,
  issueCardsSchema,
  MEMBER_LIMITS,
  memberSettingsSchema,
  ORGANISE_ROUTES,
  previewImportSchema,
  replaceMemberSchema,
  representationSchema,
  setNeedsSchema,
  setQuotasSchema,
  refusal,
} from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../realtime/appError.ts';
import { memberAdmin, type MemberAdminScope } from '../members/memberAdmin.ts';
import { organisedOrThrow } from './organiseStore.ts';
import type { Organiser } from './organiserStore.ts';

/** What `organiseRoutes` lends: its signed-in wrapper, its payload parser and its reading of the path's id. */
export interface OrganiserHandlers {
  signedIn: (
    work: (organiser: Organiser, req: Request, res: Response) => Promise<unknown>,
  ) => (req: Request, res: Response) => Promise<void>;
  parse: <S extends z.ZodType>(schema: S, value: unknown) => z.output<S>;
  assemblyIdOf: (req: Request) => string;
}

/**
 * The members the civic lottery drew, behind the organiser session only: an organiser of the
 * assembly (`assembly_organisers`) reaches them, nobody else — another organiser's assembly is a
 * 404 like a made-up id, and no seat's cookie (moderator, facilitator, note-taker, member) opens
 * the organisers' API at all. CSV files travel as the request's body (`text/csv`, their bytes
 * exactly as chosen, so the encoding is checked here); everything else is JSON.
 */
export function memberRoutes(router: Router, { db, io }: Pick<AppContext, 'db' | 'io'>, h: OrganiserHandlers): void {
  const csvBody = express.raw({ type: CSV_CONTENT_TYPE, limit: MEMBER_LIMITS.maxImportBytes });
  /** The CSV's bytes, read only once the organiser is known (nobody else makes the server hold a file). */
  const csvOf = (req: Request, res: Response): Promise<unknown> =>
    new Promise((resolve, reject) =>
      csvBody(req, res, (error: unknown) => {
        if (!error) return resolve(Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : undefined);
        const tooLarge = (error as { status?: number }).status === 413;
        reject(
          tooLarge
            ? new AppError(
                ErrorCode.tooLarge,
                `A file may hold at most ${MEMBER_LIMITS.maxImportBytes} bytes`,
                refusal('member', 'fileTooLarge', { max: MEMBER_LIMITS.maxImportBytes }),
              )
            : new AppError(ErrorCode.badRequest, 'The file could not be read', refusal('member', 'fileUnreadable')),
        );
      }),
    );

  /**
   * The one guard of every route here: the organiser signed in and running the assembly (a write
   * also needs it not archived) before `work` reads anything of the request.
   */
  const organised = (
    access: 'read' | 'write',
    work: (scope: MemberAdminScope, req: Request, res: Response) => Promise<unknown>,
  ) =>
    h.signedIn(async (organiser, req, res) => {
      const assembly = await organisedOrThrow(db, organiser.id, h.assemblyIdOf(req), access === 'write');
      return work({ assemblyId: assembly.id, organiserId: organiser.id }, req, res);
    });
  const ctx = { db, io };
  /** A command whose payload is the JSON body, parsed by its schema. */
  const jsonCommand = <S extends z.ZodType>(
    access: 'read' | 'write',
    schema: S,
    command: (context: typeof ctx, scope: MemberAdminScope, payload: z.output<S>) => Promise<unknown>,
  ) => organised(access, async (scope, req) => command(ctx, scope, h.parse(schema, req.body)));

  router.get(
    ORGANISE_ROUTES.members,
    organised('read', async (scope) => memberAdmin.list(ctx, scope)),
  );
  router.post(
    ORGANISE_ROUTES.membersPreview,
    organised('read', async (scope, req, res) =>
      memberAdmin.preview(ctx, scope, h.parse(previewImportSchema, { csv: await csvOf(req, res) })),
    ),
  );
  router.post(
    ORGANISE_ROUTES.membersImport,
    organised('write', async (scope, req, res) => {
      const payload = h.parse(confirmImportSchema, { csv: await csvOf(req, res), previewHash: req.query.previewHash });
      return memberAdmin.import(ctx, scope, payload);
    }),
  );
  router.post(
    ORGANISE_ROUTES.membersQuotas,
    organised('write', async (scope, req, res) =>
      memberAdmin.quotas(ctx, scope, h.parse(setQuotasSchema, { csv: await csvOf(req, res) })),
    ),
  );
  router.post(ORGANISE_ROUTES.membersReplace, jsonCommand('write', replaceMemberSchema, memberAdmin.replace));
  router.post(ORGANISE_ROUTES.membersNeeds, jsonCommand('write', setNeedsSchema, memberAdmin.setNeeds));
  router.post(ORGANISE_ROUTES.membersCards, jsonCommand('write', issueCardsSchema, memberAdmin.issueCards));
  router.post(ORGANISE_ROUTES.membersSettings, jsonCommand('write', memberSettingsSchema, memberAdmin.settings));
  router.post(
    ORGANISE_ROUTES.membersRepresentation,
    jsonCommand('read', representationSchema, memberAdmin.representation),
  );
}
