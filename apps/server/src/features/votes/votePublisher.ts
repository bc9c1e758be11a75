import { Coalescer } from '../../realtime/coalesce.ts';
import type { MootServer, WatchNamespace } from '../../realtime/socketData.ts';
import { assemblyRoom, roleRoom } from '../../realtime/socketData.ts';
import type { Database } from '../../storage/database.ts';
import { listVotes, PAPER_COUNTERS } from './voteStore.ts';

/**
 * Sends every vote of the assembly to everyone. It holds no choice while a vote is open; who
 * votes on paper goes only to moderators and facilitators (`PAPER_COUNTERS`), since it would
 * tell members and the public who has voted. A burst of ballots becomes one broadcast of the turnout.
 */
export class VotePublisher {
  private readonly turnout = new Coalescer(100, (assemblyId) => this.publish(assemblyId));

  constructor(
    private readonly db: Database,
    private readonly io: MootServer,
    private readonly watch: WatchNamespace,
  ) {}

  async publish(assemblyId: string): Promise<void> {
    const [counters, everyone] = await Promise.all([
      listVotes(this.db, assemblyId, { paperVoters: true }),
      listVotes(this.db, assemblyId),
    ]);
    const counterRooms = PAPER_COUNTERS.map((role) => roleRoom(assemblyId, role));
    this.io.to(counterRooms).emit('votes:state', { votes: counters });
    this.io.to(assemblyRoom(assemblyId)).except(counterRooms).emit('votes:state', { votes: everyone });
    this.watch.to(assemblyRoom(assemblyId)).emit('votes:state', { votes: everyone });
  }

  changed(assemblyId: string): void {
    this.turnout.schedule(assemblyId);
  }

  close(): void {
    this.turnout.close();
  }
}
