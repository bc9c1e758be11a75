import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { auditPageQuerySchema, ErrorCode, HTTP_ROUTES, refusal, type MarkdownLanguage } from '@moot/protocol';
import { sendError } from '../../http/errors.ts';
import { auditMarkdown, exportAudit } from './auditExport.ts';
import { exportMinutes, listSessionRecords, minutesMarkdown } from './minutesExport.ts';
import { asJsonAndMarkdown, requireReader, type ReaderDeps } from './reader.ts';

const sessionIdSchema = z.uuid();

/**
 * The public record beyond the charter: the audit log, the list of sessions and each session's
 * minutes. Same authentication as the charter export: a session cookie, or the watch key.
 */
export function recordRoutes(ctx: ReaderDeps): Router {
  const router = Router();
  const reader = (req: Request, res: Response) => requireReader(ctx, req, res);

  const audit = async (req: Request, res: Response, language: MarkdownLanguage) => {
    const who = await reader(req, res);
    if (!who) return null;
    // `?lang=` is the Markdown writer's (`asJsonAndMarkdown`); the rest of the query is the page.
    const query = Object.fromEntries(Object.entries(req.query).filter(([key]) => key !== 'lang'));
    const page = auditPageQuerySchema.safeParse(query);
    if (!page.success) {
      sendError(
        res,
        400,
        ErrorCode.badRequest,
        'Ask for a page as ?after=<number>&limit=<1 to 500>',
        refusal('request', 'pageQuery'),
      );
      return null;
    }
    return exportAudit(ctx.db, who, page.data, language);
  };
  asJsonAndMarkdown(
    router,
    { json: HTTP_ROUTES.auditJson, md: HTTP_ROUTES.auditMarkdown },
    'audit',
    audit,
    auditMarkdown,
  );

  router.get(HTTP_ROUTES.sessionsJson, async (req, res) => {
    const who = await reader(req, res);
    if (who) res.json(await listSessionRecords(ctx.db, who.assembly.id));
  });

  const minutes = async (req: Request, res: Response, language: MarkdownLanguage) => {
    const who = await reader(req, res);
    if (!who) return null;
    const sessionId = sessionIdSchema.safeParse(req.params.sessionId);
    const exported = sessionId.success ? await exportMinutes(ctx.db, who, sessionId.data, language) : null;
    // A malformed id and another assembly's session read the same: no such session here.
    if (!exported)
      sendError(
        res,
        404,
        ErrorCode.notFound,
        'No such session in this assembly',
        refusal('request', 'sessionNotFound'),
      );
    return exported;
  };
  asJsonAndMarkdown(
    router,
    { json: HTTP_ROUTES.minutesJson, md: HTTP_ROUTES.minutesMarkdown },
    'minutes',
    minutes,
    minutesMarkdown,
  );
  return router;
}
