import { ORGANISE_ROUTES, organisePath, type AssemblyDetails } from '@moot/protocol';
import { createOrganiser, issueOrganiserLink } from '../../src/features/organise/organiserStore.ts';
import type { Database } from '../../src/storage/database.ts';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  setCookie: string | null;
}

/** One request to the organisers' API (or any JSON route), as a browser on the same origin would send it. */
export async function call<T = Record<string, unknown>>(
  url: string,
  method: 'GET' | 'POST',
  path: string,
  options: { cookie?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const response = await fetch(url + path, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...options.headers,
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : {}) as T,
    setCookie: response.headers.get('set-cookie'),
  };
}

/** Opens an organiser link over HTTP and returns the organiser cookie (`name=value`). */
export async function openOrganiserLink(url: string, secret: string, cookie?: string): Promise<string> {
  const answer = await call(url, 'POST', ORGANISE_ROUTES.open, { body: { secret }, cookie });
  if (answer.status !== 200 || !answer.setCookie)
    throw new Error(`open failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.setCookie.split(';')[0]!;
}

/** A new organiser, signed in: their cookie. */
export async function newOrganiser(url: string, db: Database): Promise<string> {
  const organiser = await createOrganiser(db);
  return openOrganiserLink(url, await issueOrganiserLink(db, organiser.id));
}

export const DETAILS: AssemblyDetails = {
  title: 'Assembly on Local Transport',
  charge: 'How should our town get around by 2035?',
  description: 'Thirty residents, chosen by lot.',
  languages: ['en', 'cy'],
  startsOn: '2027-01-10',
  endsOn: '2027-03-20',
  commissionedBy: 'The Town Council',
  listed: false,
};

/** An assembly the organiser behind `cookie` creates through the API: its id and first watch key. */
export async function createOrganised(
  url: string,
  cookie: string,
  details: Partial<AssemblyDetails> = {},
): Promise<{ id: string; watchKey: string }> {
  const answer = await call<{ assembly: { id: string }; watchKey: string }>(url, 'POST', ORGANISE_ROUTES.assemblies, {
    cookie,
    body: { ...DETAILS, ...details },
  });
  if (answer.status !== 200) throw new Error(`create failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return { id: answer.body.assembly.id, watchKey: answer.body.watchKey };
}

export const at = (route: string, assemblyId: string): string => organisePath(route, assemblyId);
