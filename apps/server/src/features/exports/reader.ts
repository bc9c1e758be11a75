import type { Request } from 'express';
import { secret, WATCH_KEY_HEADER, type AssemblyView, type Role } from '@moot/protocol';
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
