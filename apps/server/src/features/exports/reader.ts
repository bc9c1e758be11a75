import type { Request, Response, Router } from 'express';
import { ErrorCode, secret, WATCH_KEY_HEADER, type AssemblyView, type Role } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { sendError, tooManyTries } from '../../http/errors.ts';
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

/** The secrets a download carries: a session cookie, a well-formed watch key, or both. */
function presentedSecrets(req: Request): string[] {
  const token = sessionToken(req.headers.cookie);
  const key = secret.safeParse(req.header(WATCH_KEY_HEADER));
  return [...(token ? [token] : []), ...(key.success ? [key.data] : [])];
}

export type ReaderDeps = Pick<AppContext, 'db' | 'clientAddress' | 'throttles'>;

/**
 * The reader, or the refusal answered (and null): 429 with Retry-After when this address has
 * used its export budget or its failed tries, 401 when there is neither a session nor a watch key.
 * Both budgets are taken before any look-up, so a burst is refused, not evaluated.
 */
export async function requireReader(deps: ReaderDeps, req: Request, res: Response): Promise<Reader | null> {
  const address = deps.clientAddress(req);
  const wait = deps.throttles.exports.take(address);
  if (wait > 0) {
    tooManyTries(res, wait, 'Too many downloads from your network');
    return null;
  }
  // Only a secret that would be looked up counts as a try: no cookie and a malformed key cost nothing.
  const presented = presentedSecrets(req);
  const looked =
    presented.length > 0
      ? await deps.throttles.secrets.guard(address, presented, () => readerOf(deps.db, req))
      : { found: null };
  if ('retryAfter' in looked) {
    tooManyTries(res, looked.retryAfter, 'Too many wrong links were tried from your network');
    return null;
  }
  if (!looked.found) sendError(res, 401, ErrorCode.unauthorized, 'Open your invite or watch link first');
  return looked.found;
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
