import { assemblyRoom, audienceRoom, type MootServer, type WatchNamespace } from '../../realtime/socketData.ts';
import type { Database } from '../../storage/database.ts';
import { panelsState } from './panelView.ts';

/**
 * Case panels to each audience after every change: moderators (every member's chance and every
 * reason given), members and observers (chances without names; a reason only if made public).
 * Emitted to rooms, so the adapter carries it to every node.
 */
export class PanelPublisher {
  constructor(
    private readonly db: Database,
    private readonly io: MootServer,
    private readonly watch: WatchNamespace,
  ) {}

  async publish(assemblyId: string): Promise<void> {
    const [moderators, members, observers] = await Promise.all([
      panelsState(this.db, assemblyId, 'moderator'),
      panelsState(this.db, assemblyId, 'member'),
      panelsState(this.db, assemblyId, 'observer'),
    ]);
    this.io.to(audienceRoom(assemblyId, 'moderator')).emit('panels:state', moderators);
    this.io.to(audienceRoom(assemblyId, 'member')).emit('panels:state', members);
    this.watch.to(assemblyRoom(assemblyId)).emit('panels:state', observers);
  }
}
