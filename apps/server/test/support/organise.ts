import {
  CSV_CONTENT_TYPE,
  ORGANISE_ROUTES,
  organisePath,
  type Ack,
  type AssemblyDetails,
  type FileProblem,
  type ImportPreview,
  type ImportResult,
  type IssueCards,
  type IssuedCard,
  type MembersState,
  type ProtocolError,
  type Quota,
  type ReplaceMember,
  type Representation,
  type RepresentationQuery,
  type SetMemberSettings,
  type SetNeeds,
} from '@moot/protocol';
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

/** Makes a new organiser, signed in, an organiser of an assembly made without the API (a seeded one): their cookie. */
export async function organiserOf(url: string, db: Database, assemblyId: string): Promise<string> {
  const organiser = await createOrganiser(db);
  await db.query('INSERT INTO assembly_organisers (assembly_id, organiser_id) VALUES ($1, $2)', [
    assemblyId,
    organiser.id,
  ]);
  return openOrganiserLink(url, await issueOrganiserLink(db, organiser.id));
}

/** The organisers' members routes, named after what they do, with their body and answer. */
interface MemberAdminCalls {
  'members:list': [Record<string, never>, MembersState];
  'members:preview': [{ csv: Uint8Array }, ImportPreview];
  'members:import': [{ csv: Uint8Array; previewHash: string }, ImportResult];
  'members:replace': [ReplaceMember, { replaced: true }];
  'members:setNeeds': [SetNeeds, { saved: true }];
  'members:issueCards': [IssueCards, { cards: IssuedCard[] }];
  'members:settings': [SetMemberSettings, { saved: true }];
  'members:quotas': [{ csv: Uint8Array }, { quotas: Quota[]; problems: FileProblem[] }];
  'members:representation': [RepresentationQuery, Representation];
}
export type MemberAdminCall = keyof MemberAdminCalls;

const MEMBER_ROUTES: Record<MemberAdminCall, string> = {
  'members:list': ORGANISE_ROUTES.members,
  'members:preview': ORGANISE_ROUTES.membersPreview,
  'members:import': ORGANISE_ROUTES.membersImport,
  'members:replace': ORGANISE_ROUTES.membersReplace,
  'members:setNeeds': ORGANISE_ROUTES.membersNeeds,
  'members:issueCards': ORGANISE_ROUTES.membersCards,
  'members:settings': ORGANISE_ROUTES.membersSettings,
  'members:quotas': ORGANISE_ROUTES.membersQuotas,
  'members:representation': ORGANISE_ROUTES.membersRepresentation,
};

/** A CSV body as the organisers' page sends it: the file's bytes, `text/csv`. */
export async function postCsv(
  url: string,
  path: string,
  csv: Uint8Array,
  cookie?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': CSV_CONTENT_TYPE, ...(cookie ? { cookie } : {}) },
    body: csv,
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

/**
 * An organiser's client for one assembly's members: each call answers like a socket's ack
 * (`{ ok, data }` or `{ ok: false, error }`), so tests read the same whatever the transport.
 */
export function memberAdminClient(url: string, cookie: string, assemblyId: string) {
  return async <C extends MemberAdminCall>(
    command: C,
    payload: MemberAdminCalls[C][0],
  ): Promise<Ack<MemberAdminCalls[C][1]>> => {
    const path = at(MEMBER_ROUTES[command], assemblyId);
    let answer: { status: number; body: unknown };
    if (command === 'members:list') answer = await call(url, 'GET', path, { cookie });
    else if ('csv' in payload) {
      const hash = 'previewHash' in payload ? `?previewHash=${encodeURIComponent(payload.previewHash)}` : '';
      answer = await postCsv(url, path + hash, payload.csv, cookie);
    } else answer = await call(url, 'POST', path, { cookie, body: payload });
    if (answer.status === 200) return { ok: true, data: answer.body as MemberAdminCalls[C][1] };
    return { ok: false, error: (answer.body as { error: ProtocolError }).error };
  };
}
