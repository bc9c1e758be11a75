import { Router } from 'express';
import { z } from 'zod';
import { ErrorCode, HTTP_ROUTES, sealPassport, refusal } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { sendError } from '../../http/errors.ts';
import { requireReader, type ReaderDeps } from '../exports/reader.ts';
import { standardPassport } from './standardPassport.ts';

/**
 * `GET /api/export/passport/<standardId>.json`: a standard's provenance passport with its
 * SHA-256, for whoever may read the other exports (members and moderators by their session,
 * observers by the watch key in a header), under the same download budget.
 */
export function passportRoutes(ctx: ReaderDeps & Pick<AppContext, 'documents'>): Router {
  const router = Router();
  router.get(HTTP_ROUTES.passportJson, async (req, res) => {
    const reader = await requireReader(ctx, req, res);
    if (!reader) return;
    const standardId = z.uuid().safeParse(req.params.standardId);
    // What this node accepted but has not yet written is part of the text too.
    await ctx.documents.flushWrites();
    const passport = standardId.success ? await standardPassport(ctx.db, reader.assembly, standardId.data) : null;
    if (!passport)
      return sendError(
        res,
        404,
        ErrorCode.notFound,
        'That standard is not in this charter',
        refusal('request', 'standardNotFound'),
      );
    const sealed = await sealPassport(passport, new Date());
    res.attachment(`passport-${passport.standard.position}.json`).json(sealed);
  });
  return router;
}
