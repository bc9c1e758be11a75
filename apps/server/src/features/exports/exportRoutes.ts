import { Router, type Request, type Response } from 'express';
import { ErrorCode, HTTP_ROUTES, secret, WATCH_KEY_HEADER, type AssemblyView } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { sendError } from '../../http/errors.ts';
import { findAssemblyByWatchKey } from '../assemblies/assemblyStore.ts';
import { sessionToken } from '../identity/inviteRoutes.ts';
import { findSession } from '../identity/participantStore.ts';
import { charterMarkdown, exportCharter } from './charterExport.ts';
import { caseRegisterMarkdown, exportCaseRegister } from './caseRegister.ts';

/** Exports for everyone: members and moderators by their session, observers by the watch key. */
export function exportRoutes(ctx: Pick<AppContext, 'db'>): Router {
  const router = Router();
  const whose = async (req: Request): Promise<AssemblyView | null> => {
    const token = sessionToken(req.headers.cookie);
    if (token) {
      const session = await findSession(ctx.db, token);
      if (session) return session.assembly;
    }
    const key = secret.safeParse(req.header(WATCH_KEY_HEADER));
    return key.success ? findAssemblyByWatchKey(ctx.db, key.data) : null;
  };
  const authorised = async (req: Request, res: Response) => {
    const assembly = await whose(req);
    if (!assembly) sendError(res, 401, ErrorCode.unauthorized, 'Open your invite or watch link first');
    return assembly;
  };
  const charter = async (req: Request, res: Response) => {
    const assembly = await authorised(req, res);
    return assembly && exportCharter(ctx.db, assembly);
  };
  const register = async (req: Request, res: Response) => {
    const assembly = await authorised(req, res);
    return assembly && exportCaseRegister(ctx.db, assembly);
  };

  router.get(HTTP_ROUTES.charterJson, async (req, res) => {
    const exported = await charter(req, res);
    if (exported) res.attachment('charter.json').json(exported);
  });
  router.get(HTTP_ROUTES.charterMarkdown, async (req, res) => {
    const exported = await charter(req, res);
    if (exported) res.attachment('charter.md').type('text/markdown; charset=utf-8').send(charterMarkdown(exported));
  });
  router.get(HTTP_ROUTES.casesJson, async (req, res) => {
    const exported = await register(req, res);
    if (exported) res.attachment('cases.json').json(exported);
  });
  router.get(HTTP_ROUTES.casesMarkdown, async (req, res) => {
    const exported = await register(req, res);
    if (exported) res.attachment('cases.md').type('text/markdown; charset=utf-8').send(caseRegisterMarkdown(exported));
  });
  return router;
}
