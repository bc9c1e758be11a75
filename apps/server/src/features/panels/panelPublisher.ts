import {
  assemblyRoom,
  audienceRoom,
  participantRoom,
  type MootServer,
  type WatchNamespace,
} from '../../realtime/socketData.ts';
import type { Database } from '../../storage/database.ts';
import { listParticipants } from '../identity/participantStore.ts';
import { panelsOf } from './panelStore.ts';
import { panelsState, placesOf } from './panelView.ts';

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

  /** After a preparation: each member their own index in every transcript (`panels:mine`), to their devices alone. */
  async publishPlaces(assemblyId: string): Promise<void> {
    const [rows, participants] = await Promise.all([
      panelsOf(this.db, assemblyId),
      listParticipants(this.db, assemblyId),
    ]);
    for (const p of participants) {
      if (p.role !== 'member') continue;
      this.io.to(participantRoom(p.id)).emit('panels:mine', { places: placesOf(rows, p.id) });
    }
  }
}
