import { HTTP_ROUTES } from '@moot/protocol';
import type { InviteInfo, Session } from '@moot/protocol';
import { postJson } from '../../api/http.ts';

// The secret goes in a POST body, never a URL: URLs end up in logs and Referer headers.
export const inspectInvite = (secret: string) => postJson<InviteInfo>(HTTP_ROUTES.inspectInvite, { secret });

/** Exchanges the invite for the HttpOnly session cookie the socket handshake then reads. */
export const redeemInvite = (secret: string, displayName: string) =>
  postJson<Session>(HTTP_ROUTES.redeemInvite, { secret, displayName });

/** The same with an invite card's typed code instead of its link. */
export const inspectCode = (code: string) => postJson<InviteInfo>(HTTP_ROUTES.inspectCode, { code });
export const redeemCode = (code: string, displayName: string) =>
  postJson<Session>(HTTP_ROUTES.redeemCode, { code, displayName });
