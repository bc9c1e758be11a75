import type { Database } from '../../storage/database.ts';
import { isSilenced, type SilencedBy } from './moderationStore.ts';
import { AppError } from '../../realtime/appError.ts';
import { ErrorCode, refusal } from '@moot/protocol';

/**
 * Whether a participant is muted or removed, read from the database at most every `ttlMs`
 * per participant and never waited for on the hot path once known: an answer older than
 * `ttlMs` is still given while one fresh read runs in the background (a keystroke never waits
 * for a query, and a crowd of them never queues one query each). A mute decided on another
 * node therefore takes hold within `ttlMs` plus one query; this node's own decisions at once
 * (`forget`).
 */
export class Silence {
  private readonly cache = new Map<string, { silenced: SilencedBy; at: number }>();
  private readonly reading = new Map<string, Promise<SilencedBy>>();

  constructor(
    private readonly db: Database,
    private readonly ttlMs = 1000,
  ) {}

  async isSilenced(participantId: string): Promise<boolean> {
    return (await this.why(participantId)) !== null;
  }

  /** Muted, removed, or null (free to speak and edit). */
  async why(participantId: string): Promise<SilencedBy> {
    const hit = this.cache.get(participantId);
    if (!hit) return this.read(participantId);
    if (Date.now() - hit.at >= this.ttlMs) this.read(participantId).catch(() => {}); // the stale answer stands meanwhile
    return hit.silenced;
  }

  /**
   * Refuses what a silenced participant tried (`what`, e.g. "your edit was not taken"): a mute
   * with its own code, `muted`, so a client can say so instead of blaming the role; removal
   * from a live session as `forbidden`.
   */
  async refuse(participantId: string, what: string): Promise<void> {
    const why = await this.why(participantId);
    if (why === 'muted')
      throw new AppError(ErrorCode.muted, `A moderator has muted you for now; ${what}`, refusal('moderation', 'muted'));
    if (why === 'removed')
      throw new AppError(
        ErrorCode.forbidden,
        `You were removed from this session; ${what}`,
        refusal('moderation', 'removed'),
      );
  }

  /** This node just changed it: forget the cached answer. */
  forget(participantId: string): void {
    this.cache.delete(participantId);
    this.reading.delete(participantId);
  }

  /** One read per participant at a time; whoever asks meanwhile shares it. */
  private read(participantId: string): Promise<SilencedBy> {
    const running = this.reading.get(participantId);
    if (running) return running;
    const read = isSilenced(this.db, participantId)
      .then((silenced) => {
        if (this.reading.get(participantId) === read) {
          this.cache.set(participantId, { silenced, at: Date.now() });
          if (this.cache.size > 10_000) this.cache.delete(this.cache.keys().next().value!);
        }
        return silenced;
      })
      .finally(() => {
        if (this.reading.get(participantId) === read) this.reading.delete(participantId);
      });
    this.reading.set(participantId, read);
    return read;
  }
}
