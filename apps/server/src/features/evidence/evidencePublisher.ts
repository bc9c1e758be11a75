import type { EvidenceState } from '@moot/protocol';
import type { MootServer, WatchNamespace } from '../../realtime/socketData.ts';
import type { Database } from '../../storage/database.ts';
import { listCitations, listEntries, listExpertSessions } from './evidenceStore.ts';
import { listQuestions } from './questionStore.ts';

export type EvidenceAudience = 'moderator' | 'member' | 'observer';

/** The sockets of one audience that have the library open (`evidence:open`): only they are sent its changes. */
export const evidenceRoom = (assemblyId: string, audience: EvidenceAudience): string =>
  `evidence:${audience}:${assemblyId}`;

/** The library as one audience sees it. */
export async function evidenceState(
  db: Database,
  assemblyId: string,
  audience: EvidenceAudience,
): Promise<EvidenceState> {
  const [entries, sessions, questions, citations] = await Promise.all([
    listEntries(db, assemblyId),
    listExpertSessions(db, assemblyId),
    listQuestions(db, assemblyId, audience),
    listCitations(db, assemblyId),
  ]);
  return { entries, sessions, questions, citations };
}

/**
 * The library to whoever has it open, after each change: each audience its own view (the
 * observers' holds only questions asked). Sent whole, so a missed message is corrected by the next.
 */
export class EvidencePublisher {
  constructor(
    private readonly db: Database,
    private readonly io: MootServer,
    private readonly watch: WatchNamespace,
  ) {}

  async publish(assemblyId: string): Promise<void> {
    const [moderators, members, observers] = await Promise.all(
      (['moderator', 'member', 'observer'] as const).map((audience) => evidenceState(this.db, assemblyId, audience)),
    );
    this.io.to(evidenceRoom(assemblyId, 'moderator')).emit('evidence:state', moderators!);
    this.io.to(evidenceRoom(assemblyId, 'member')).emit('evidence:state', members!);
    this.watch.to(evidenceRoom(assemblyId, 'observer')).emit('evidence:state', observers!);
  }
}
