import { assemblyRoom, type MootServer, type WatchNamespace } from '../../realtime/socketData.ts';
import type { Database } from '../../storage/database.ts';
import { listCases } from './caseStore.ts';

/**
 * Every breach case to everyone after each change: participants with names, observers with
 * pseudonyms. Emitted to rooms, so the adapter carries it to sockets on every node.
 */
export class CasePublisher {
  constructor(
    private readonly db: Database,
    private readonly io: MootServer,
    private readonly watch: WatchNamespace,
  ) {}

  async publish(assemblyId: string): Promise<void> {
    const [forParticipants, forObservers] = await Promise.all([
      listCases(this.db, assemblyId, 'member'),
      listCases(this.db, assemblyId, 'observer'),
    ]);
    this.io.to(assemblyRoom(assemblyId)).emit('cases:state', { cases: forParticipants });
    this.watch.to(assemblyRoom(assemblyId)).emit('cases:state', { cases: forObservers });
  }
}
