import {
  CSV_CONTENT_TYPE,
  MEMBER_LIMITS,
  ORGANISE_ROUTES,
  organisePath,
  type FileProblem,
  type ImportPreview,
  type ImportResult,
  type IssueCards,
  type IssuedCard,
  type MembersState,
  type Quota,
  type ReplaceMember,
  type Representation,
  type RepresentationQuery,
  type SetMemberSettings,
  type SetNeeds,
} from '@moot/protocol';
import { useCallback, useState } from 'react';
import { getJson, postJson, type HttpResult, type RequestError } from '../../api/http.ts';

/**
 * The organisers' members API (`ORGANISE_ROUTES.members*`): the organiser's HttpOnly cookie goes
 * along; a CSV travels as the file's own bytes (`text/csv`), so the server reads its encoding.
 */
interface Calls {
  list: [Record<string, never>, MembersState];
  preview: [{ csv: Uint8Array<ArrayBuffer> }, ImportPreview];
  import: [{ csv: Uint8Array<ArrayBuffer>; previewHash: string }, ImportResult];
  replace: [ReplaceMember, { replaced: true }];
  setNeeds: [SetNeeds, { saved: true }];
  issueCards: [IssueCards, { cards: IssuedCard[] }];
  settings: [SetMemberSettings, { saved: true }];
  quotas: [{ csv: Uint8Array<ArrayBuffer> }, { quotas: Quota[]; problems: FileProblem[] }];
  representation: [RepresentationQuery, Representation];
}
export type MemberCall = keyof Calls;

const ROUTES: Record<MemberCall, string> = {
  list: ORGANISE_ROUTES.members,
  preview: ORGANISE_ROUTES.membersPreview,
  import: ORGANISE_ROUTES.membersImport,
  replace: ORGANISE_ROUTES.membersReplace,
  setNeeds: ORGANISE_ROUTES.membersNeeds,
  issueCards: ORGANISE_ROUTES.membersCards,
  settings: ORGANISE_ROUTES.membersSettings,
  quotas: ORGANISE_ROUTES.membersQuotas,
  representation: ORGANISE_ROUTES.membersRepresentation,
};

async function postCsv<T>(path: string, csv: Uint8Array<ArrayBuffer>): Promise<HttpResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': CSV_CONTENT_TYPE, accept: 'application/json' },
      body: csv,
    });
  } catch {
    return { ok: false, status: 0, error: { code: 'network', message: 'Network error' } };
  }
  const body = (await response.json().catch(() => null)) as { error?: RequestError } | null;
  if (response.ok && body) return { ok: true, data: body as T };
  return {
    ok: false,
    status: response.status,
    error: body?.error ?? { code: 'unexpected', message: `HTTP ${response.status}` },
  };
}

export async function callMembers<C extends MemberCall>(
  assemblyId: string,
  call: C,
  payload: Calls[C][0],
): Promise<HttpResult<Calls[C][1]>> {
  const path = organisePath(ROUTES[call], assemblyId);
  if (call === 'list') return getJson(path);
  if (call === 'issueCards') return issueInBatches(path, (payload as IssueCards).memberIds) as never;
  if ('csv' in payload) {
    const query = 'previewHash' in payload ? `?previewHash=${encodeURIComponent(payload.previewHash)}` : '';
    return postCsv(path + query, payload.csv);
  }
  return postJson(path, payload);
}

/** Cards are issued at most `maxCardsAtOnce` a request (the ids must fit the API's JSON body). */
async function issueInBatches(path: string, memberIds: string[]): Promise<HttpResult<{ cards: IssuedCard[] }>> {
  const cards: IssuedCard[] = [];
  for (let i = 0; i < memberIds.length; i += MEMBER_LIMITS.maxCardsAtOnce) {
    const batch = memberIds.slice(i, i + MEMBER_LIMITS.maxCardsAtOnce);
    const result = await postJson<{ cards: IssuedCard[] }>(path, { memberIds: batch });
    if (!result.ok) return result;
    cards.push(...result.data.cards);
  }
  return { ok: true, data: { cards } };
}

/** One section's calls: the last refusal is kept to show next to the controls that caused it. */
export function useMemberCalls(assemblyId: string) {
  const [error, setError] = useState<RequestError | null>(null);
  const [busy, setBusy] = useState(false);
  const request = useCallback(
    async <C extends MemberCall>(call: C, payload: Calls[C][0]) => {
      setBusy(true);
      const result = await callMembers(assemblyId, call, payload);
      setBusy(false);
      setError(result.ok ? null : result.error);
      return result;
    },
    [assemblyId],
  );
  const run = useCallback(
    async <C extends MemberCall>(call: C, payload: Calls[C][0]) => (await request(call, payload)).ok,
    [request],
  );
  return { request, run, error, busy, clear: useCallback(() => setError(null), []) };
}
