import { assemblyRoom, type MootServer, type WatchNamespace } from '../../realtime/socketData.ts';
import type { Database } from '../../storage/database.ts';
import { listAmendments } from './amendmentStore.ts';

/** Amendments and minority reports to everyone after each change; observers see pseudonyms. */
export class AmendmentPublisher {
  constructor(
    private readonly db: Database,
    private readonly io: MootServer,
    private readonly watch: WatchNamespace,
  ) {}

  async publish(assemblyId: string): Promise<void> {
    const [forParticipants, forObservers] = await Promise.all([
      listAmendments(this.db, assemblyId, 'member'),
      listAmendments(this.db, assemblyId, 'observer'),
    ]);
    this.io.to(assemblyRoom(assemblyId)).emit('amendments:state', forParticipants);
    this.watch.to(assemblyRoom(assemblyId)).emit('amendments:state', forObservers);
  }
}
