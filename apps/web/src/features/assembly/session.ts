import { HTTP_ROUTES } from '@moot/protocol';
import type { Session } from '@moot/protocol';
import { useEffect, useState } from 'react';
import { getJson, postJson } from '../../api/http.ts';
import type { RequestError } from '../../api/http.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'failed'; error: RequestError }
  | { status: 'ready'; session: Session };

/** Who this browser is, from the HttpOnly session cookie (which only the server can read). */
export function useSession(): SessionState {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    void getJson<Session>(HTTP_ROUTES.session).then((result) => {
      if (!current) return;
      if (result.ok) setState({ status: 'ready', session: result.data });
      else if (result.status === 401) setState({ status: 'signed-out' });
      else setState({ status: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, []);
  return state;
}

export function signOut(): Promise<unknown> {
  return postJson<unknown>(HTTP_ROUTES.logout, {});
}
