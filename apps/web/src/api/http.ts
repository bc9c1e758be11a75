import type { ErrorCode, ErrorReason, HttpError } from '@moot/protocol';
import { refusalWordsLoaded } from '../i18n/refusalWords.ts';

/** What can go wrong with a request, as the UI explains it: a protocol code, or a client-side one. */
export interface RequestError {
  code: ErrorCode | 'network' | 'unexpected';
  message: string;
  /** Why, as a code the page words in its reader's language (the server's `ProtocolError.reason`). */
  reason?: ErrorReason;
}

export type HttpResult<T> = { ok: true; data: T } | { ok: false; status: number; error: RequestError };

function isHttpError(body: unknown): body is HttpError {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const { error } = body;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

async function request<T>(path: string, init: RequestInit): Promise<HttpResult<T>> {
  let response: Response;
  try {
    // Same origin, so the HttpOnly session cookie goes along and comes back without CORS.
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch {
    return { ok: false, status: 0, error: { code: 'network', message: 'Network error' } };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A body that is not JSON (a proxy's error page, say) is handled below as unexpected.
  }
  if (response.ok && body !== null) return { ok: true, data: body as T };
  if (isHttpError(body)) {
    if (body.error.reason) await refusalWordsLoaded();
    return { ok: false, status: response.status, error: body.error };
  }
  return {
    ok: false,
    status: response.status,
    error: { code: 'unexpected', message: `HTTP ${response.status}` },
  };
}

/** The server is trusted to answer with the protocol's types; errors are checked for shape. */
export function postJson<T>(path: string, body: unknown): Promise<HttpResult<T>> {
  return request<T>(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
}

/** `headers` carry what a cookie cannot, such as an observer's watch key for an export. */
export function getJson<T>(path: string, headers: Record<string, string> = {}): Promise<HttpResult<T>> {
  return request<T>(path, { method: 'GET', headers: { accept: 'application/json', ...headers } });
}
