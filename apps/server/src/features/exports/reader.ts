import type { Request, Response, Router } from 'express';
import {
  ErrorCode,
  isNarrowRole,
  MARKDOWN_LANGUAGES,
  refusal,
  secret,
  WATCH_KEY_HEADER,
  type AssemblyView,
  type MarkdownLanguage,
  type Role,
} from '@moot/protocol';
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
    // A narrow seat (a respondent, a leader) opens no export by its session: like anyone, only by a watch link.
    if (session && !isNarrowRole(session.participant.role)) {
      return { assembly: session.assembly, audience: session.participant.role };
    }
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
    tooManyTries(res, wait, 'Too many downloads from your network', 'tooManyDownloads');
    return null;
  }
  // Only a secret that would be looked up counts as a try: no cookie and a malformed key cost nothing.
  const presented = presentedSecrets(req);
  const looked =
    presented.length > 0
      ? await deps.throttles.secrets.guard(address, presented, () => readerOf(deps.db, req))
      : { found: null };
  if ('retryAfter' in looked) {
    tooManyTries(res, looked.retryAfter, 'Too many wrong links were tried from your network', 'tooManyWrongLinks');
    return null;
  }
  if (!looked.found)
    sendError(
      res,
      401,
      ErrorCode.unauthorized,
      'Open your invite or watch link first',
      refusal('request', 'openLinkFirst'),
    );
  return looked.found;
}

/**
 * The language a Markdown download is asked for in (`?lang=en|cy`), English when none is; an
 * unknown one is refused (400), never quietly English.
 */
export function markdownLanguage(req: Request, res: Response): MarkdownLanguage | null {
  const asked = req.query['lang'] ?? 'en';
  if (typeof asked === 'string' && (MARKDOWN_LANGUAGES as readonly string[]).includes(asked)) {
    return asked as MarkdownLanguage;
  }
  sendError(
    res,
    400,
    ErrorCode.badRequest,
    `Ask for a language as ?lang=${MARKDOWN_LANGUAGES.join(' or ?lang=')}`,
    refusal('request', 'unknownLanguage'),
  );
  return null;
}

/**
 * One export at two routes: as a JSON attachment and as a Markdown one, in the language asked
 * for. `load` answers the request itself (401, 400, 404) and returns null when it did; it is
 * told the language the record is written in, so what it names (a moderator by role and name,
 * a pseudonym) is in the Markdown's language, and always English for the JSON.
 */
export function asJsonAndMarkdown<T>(
  router: Router,
  routes: { json: string; md: string },
  filename: string,
  load: (req: Request, res: Response, language: MarkdownLanguage) => Promise<T | null>,
  markdown: (exported: T, language: MarkdownLanguage) => string,
  json: (exported: T) => unknown = (exported) => exported,
): void {
  router.get(routes.json, async (req, res) => {
    const exported = await load(req, res, 'en');
    if (exported) res.attachment(`${filename}.json`).json(json(exported));
  });
  router.get(routes.md, async (req, res) => {
    const language = markdownLanguage(req, res);
    if (!language) return;
    const exported = await load(req, res, language);
    if (exported) {
      res.attachment(`${filename}.md`).type('text/markdown; charset=utf-8').send(markdown(exported, language));
    }
  });
}
