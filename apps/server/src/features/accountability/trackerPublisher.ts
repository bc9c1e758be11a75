import type { Tracker } from '@moot/protocol';
import { assemblyRoom, narrowRoom, type MootServer, type WatchNamespace } from '../../realtime/socketData.ts';
import type { Database } from '../../storage/database.ts';
import { readTracker } from './trackerStore.ts';

/**
 * The tracker to everyone after each change: it is public, the same for members, observers and
 * the assembly's respondents (who listen in their own room, not the assembly's).
 */
export class TrackerPublisher {
  constructor(
    private readonly db: Database,
    private readonly io: MootServer,
    private readonly watch: WatchNamespace,
  ) {}

  read(assemblyId: string): Promise<Tracker> {
    return readTracker(this.db, assemblyId);
  }

  async publish(assemblyId: string): Promise<void> {
    const tracker = await readTracker(this.db, assemblyId);
    this.io.to([assemblyRoom(assemblyId), narrowRoom(assemblyId, 'respondent')]).emit('accountability:state', tracker);
    this.watch.to(assemblyRoom(assemblyId)).emit('accountability:state', tracker);
  }
}
