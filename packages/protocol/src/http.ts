import { z } from 'zod';
import type { AssemblyView, ParticipantView } from './assembly.ts';
import { displayName, secret } from './assembly.ts';
import type { ProtocolError } from './errors.ts';
import type { ParticipantRole } from './roles.ts';

/** The HTTP routes, written once. Invite secrets travel in bodies, never in URLs. */
export const HTTP_ROUTES = {
  health: '/healthz',
  inspectInvite: '/api/invites/inspect',
  redeemInvite: '/api/invites/redeem',
  session: '/api/session',
  logout: '/api/session/logout',
  /** The charter with each standard's status, text, ladder, history and votes (session cookie or watch key). */
  charterJson: '/api/export/charter.json',
  charterMarkdown: '/api/export/charter.md',
} as const;

/** Observers authenticate exports with the watch link's secret in this header (never in a URL). */
export const WATCH_KEY_HEADER = 'x-moot-watch-key';

export interface CharterExport {
  assembly: { title: string; charge: string };
  exportedAt: string;
  standards: {
    position: number;
    title: string;
    status: string;
    text: string;
    breach: string;
    /** The easy-read version's text (Markdown), empty while nobody has written one. */
    easyRead: string;
    ladder: string[];
    history: { label: string; at: string }[];
    votes: { question: string; status: 'open' | 'closed'; passed: boolean | null; explanation: string | null }[];
    /** Minority reports, with how many members signed each (not who). */
    minorityReports: { text: string; signatures: number }[];
  }[];
}

/** The HttpOnly cookie that carries a participant's session; the socket handshake reads it. */
export const SESSION_COOKIE = 'moot_session';

/** POST inspectInvite: who is this invite for, before a name is asked. */
export const inspectInviteSchema = z.strictObject({ secret });
export interface InviteInfo {
  assembly: AssemblyView;
  role: ParticipantRole;
  /** The name given when this invite was last redeemed, to prefill the form. */
  displayName: string | null;
}

/** POST redeemInvite: exchange an invite for a session cookie. */
export const redeemInviteSchema = z.strictObject({ secret, displayName });
export interface Session {
  assembly: AssemblyView;
  me: ParticipantView;
}

/** Every HTTP error body. */
export interface HttpError {
  error: ProtocolError;
}

export interface Health {
  ok: boolean;
  database: 'up' | 'down';
  redis: 'up' | 'down' | 'off';
}
