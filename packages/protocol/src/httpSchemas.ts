import { z } from 'zod';
import { displayName, secret } from './assemblySchemas.ts';
import { LIMITS } from './limits.ts';

// The schemas of `http.ts`, apart from it so that a page that only reads its routes and views
// (the watch page) does not load zod: a bundler keeps a module whole.

/** POST inspectInvite: who is this invite for, before a name is asked. */
export const inspectInviteSchema = z.strictObject({ secret });

/** POST redeemInvite: exchange an invite for a session cookie. */
export const redeemInviteSchema = z.strictObject({ secret, displayName });

/** The query of an audit log page: entries after `after` (a `seq`), at most `limit` of them. */
export const auditPageQuerySchema = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(LIMITS.maxAuditPage).default(LIMITS.maxAuditPage),
});
