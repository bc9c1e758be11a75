import type { Database } from '../../storage/database.ts';
import { isSilenced } from './moderationStore.ts';

/**
 * Whether a participant is muted or removed, read from the database at most every `ttlMs`
 * per participant. Edits are checked against it, so a keystroke does not cost a query, and a
 * mute decided on any node takes hold on every node within `ttlMs`.
 */
export class Silence {
  private readonly cache = new Map<string, { silenced: boolean; at: number }>();

  constructor(
    private readonly db: Database,
    private readonly ttlMs = 1000,
  ) {}

  async isSilenced(participantId: string): Promise<boolean> {
    const hit = this.cache.get(participantId);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.silenced;
    const silenced = await isSilenced(this.db, participantId);
    this.cache.set(participantId, { silenced, at: Date.now() });
    if (this.cache.size > 10_000) this.cache.delete(this.cache.keys().next().value!);
    return silenced;
  }

  /** This node just changed it: forget the cached answer. */
  forget(participantId: string): void {
    this.cache.delete(participantId);
  }
}
