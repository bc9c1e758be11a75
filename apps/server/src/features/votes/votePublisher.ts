import { Coalescer } from '../../realtime/coalesce.ts';
import type { MootServer, WatchNamespace } from '../../realtime/socketData.ts';
import { assemblyRoom } from '../../realtime/socketData.ts';
import type { Database } from '../../storage/database.ts';
import { listVotes } from './voteStore.ts';

/**
 * Sends every vote of the assembly to everyone — the same view for all roles, since it holds
 * no choice while a vote is open. A burst of ballots becomes one broadcast of the turnout.
 */
export class VotePublisher {
  private readonly turnout = new Coalescer(100, (assemblyId) => this.publish(assemblyId));

  constructor(
    private readonly db: Database,
    private readonly io: MootServer,
    private readonly watch: WatchNamespace,
  ) {}

  async publish(assemblyId: string): Promise<void> {
    const update = { votes: await listVotes(this.db, assemblyId) };
    this.io.to(assemblyRoom(assemblyId)).emit('votes:state', update);
    this.watch.to(assemblyRoom(assemblyId)).emit('votes:state', update);
  }

  changed(assemblyId: string): void {
    this.turnout.schedule(assemblyId);
  }

  close(): void {
    this.turnout.close();
  }
}
