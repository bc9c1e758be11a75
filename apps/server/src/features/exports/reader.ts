import type { Request, Response, Router } from 'express';
import { ErrorCode, secret, WATCH_KEY_HEADER, type AssemblyView, type Role } from '@moot/protocol';
import { sendError } from '../../http/errors.ts';
import type { Queryable } from '../../storage/database.ts';
import { findAssemblyByWatchKey } from '../assemblies/assemblyStore.ts';
import { sessionToken } from '../identity/inviteRoutes.ts';
import { findSession } from '../identity/participantStore.ts';

/** Who is reading an export: their assembly and their role (observers come by the watch key). */
export interface Reader {
  assembly: AssemblyView;
  audience: Role;
}

export async function readerOf(db: Queryable, req: Request): Promise<Reader | null> {
  const token = sessionToken(req.headers.cookie);
  if (token) {
    const session = await findSession(db, token);
    if (session) return { assembly: session.assembly, audience: session.participant.role };
  }
  const key = secret.safeParse(req.header(WATCH_KEY_HEADER));
  if (!key.success) return null;
  const assembly = await findAssemblyByWatchKey(db, key.data);
  return assembly ? { assembly, audience: 'observer' } : null;
}

/** The reader, or a 401 answered (and null) when there is neither a session nor a watch key. */
export async function requireReader(db: Queryable, req: Request, res: Response): Promise<Reader | null> {
  const found = await readerOf(db, req);
  if (!found) sendError(res, 401, ErrorCode.unauthorized, 'Open your invite or watch link first');
  return found;
}

/**
 * One export at two routes: as a JSON attachment and as a Markdown one. `load` answers the
 * request itself (401, 400, 404) and returns null when it did.
 */
export function asJsonAndMarkdown<T>(
  router: Router,
  routes: { json: string; md: string },
  filename: string,
  load: (req: Request, res: Response) => Promise<T | null>,
  markdown: (exported: T) => string,
  json: (exported: T) => unknown = (exported) => exported,
): void {
  router.get(routes.json, async (req, res) => {
    const exported = await load(req, res);
    if (exported) res.attachment(`${filename}.json`).json(json(exported));
  });
  router.get(routes.md, async (req, res) => {
    const exported = await load(req, res);
    if (exported) res.attachment(`${filename}.md`).type('text/markdown; charset=utf-8').send(markdown(exported));
  });
}
