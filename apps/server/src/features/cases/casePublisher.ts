import { assemblyRoom, participantRoom, type MootServer, type WatchNamespace } from '../../realtime/socketData.ts';
import type { Database } from '../../storage/database.ts';
import { listCases } from './caseStore.ts';
import { leaderSeatsOfAssembly, leaderView } from './leaderStore.ts';

/**
 * Every breach case to everyone after each change: participants with names, observers with
 * pseudonyms. Emitted to rooms, so the adapter carries it to sockets on every node. Each leader
 * seat gets its own one case (`leader:state`), to its seat's room only.
 */
export class CasePublisher {
  constructor(
    private readonly db: Database,
    private readonly io: MootServer,
    private readonly watch: WatchNamespace,
  ) {}

  async publish(assemblyId: string): Promise<void> {
    const [forParticipants, forObservers, seats] = await Promise.all([
      listCases(this.db, assemblyId, 'member'),
      listCases(this.db, assemblyId, 'observer'),
      leaderSeatsOfAssembly(this.db, assemblyId),
    ]);
    this.io.to(assemblyRoom(assemblyId)).emit('cases:state', { cases: forParticipants });
    this.watch.to(assemblyRoom(assemblyId)).emit('cases:state', { cases: forObservers });
    for (const seat of seats) {
      const view = await leaderView(this.db, assemblyId, seat);
      if (view) this.io.to(participantRoom(seat.participantId)).emit('leader:state', view);
    }
  }
}
