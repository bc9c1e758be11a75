import { Router, type Request, type Response } from 'express';
import { HTTP_ROUTES, type MarkdownLanguage } from '@moot/protocol';
import { caseRegisterMarkdown, exportCaseRegister } from './caseRegister.ts';
import { charterMarkdown, exportCharter } from './charterExport.ts';
import { exportTracker, trackerMarkdown } from '../accountability/trackerExport.ts';
import { asJsonAndMarkdown, requireReader, type ReaderDeps } from './reader.ts';

/** Exports for everyone: members and moderators by their session, observers by the watch key. */
export function exportRoutes(ctx: ReaderDeps): Router {
  const router = Router();
  const charter = async (req: Request, res: Response) => {
    const reader = await requireReader(ctx, req, res);
    return reader && exportCharter(ctx.db, reader.assembly);
  };
  asJsonAndMarkdown(
    router,
    { json: HTTP_ROUTES.charterJson, md: HTTP_ROUTES.charterMarkdown },
    'charter',
    charter,
    charterMarkdown,
    (record) => record.charter,
  );
  const register = async (req: Request, res: Response, language: MarkdownLanguage) => {
    const reader = await requireReader(ctx, req, res);
    return reader && exportCaseRegister(ctx.db, reader.assembly, language);
  };
  asJsonAndMarkdown(
    router,
    { json: HTTP_ROUTES.casesJson, md: HTTP_ROUTES.casesMarkdown },
    'cases',
    register,
    caseRegisterMarkdown,
  );
  const tracker = async (req: Request, res: Response) => {
    const reader = await requireReader(ctx, req, res);
    return reader && exportTracker(ctx.db, reader.assembly);
  };
  asJsonAndMarkdown(
    router,
    { json: HTTP_ROUTES.trackerJson, md: HTTP_ROUTES.trackerMarkdown },
    'tracker',
    tracker,
    trackerMarkdown,
  );
  return router;
}
