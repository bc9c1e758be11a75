import { Router, type Request, type Response } from 'express';
import { HTTP_ROUTES, type MarkdownLanguage } from '@moot/protocol';
import { asJsonAndMarkdown, requireReader, type ReaderDeps } from '../exports/reader.ts';
import { reportMarkdown } from './reportMarkdown.ts';
import { assembleReport } from './reportModel.ts';

/** The assembly's report, for whoever may read the exports: a session cookie or the watch key; its Markdown in English or Welsh (`?lang=`). */
export function reportRoutes(ctx: ReaderDeps): Router {
  const router = Router();
  const report = async (req: Request, res: Response, language: MarkdownLanguage) => {
    const reader = await requireReader(ctx, req, res);
    return reader && assembleReport(ctx.db, reader.assembly, language);
  };
  asJsonAndMarkdown(
    router,
    { json: HTTP_ROUTES.reportJson, md: HTTP_ROUTES.reportMarkdown },
    'report',
    report,
    reportMarkdown,
  );
  return router;
}
