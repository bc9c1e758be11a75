import type { SocketData } from '../realtime/socketData.ts';
import type { Database } from '../storage/database.ts';
import { resolveDocument } from './resolveDocument.ts';

type Who = Pick<SocketData, 'assembly' | 'role' | 'participant'>;

/**
 * `resolveDocument` for the hot path: each edit re-checks that its author may still write
 * (a standard locked, groups ended or regrouped — on any node), reading the database at most
 * every `ttlMs` per document and person rather than on every keystroke.
 */
export class DocumentAccess {
  private readonly cache = new Map<string, { result: Promise<{ locked: boolean }>; at: number }>();

  constructor(
    private readonly db: Database,
    private readonly ttlMs = 1000,
  ) {}

  check(who: Who, docId: string): Promise<{ locked: boolean }> {
    const key = `${docId}|${who.participant?.id ?? who.role}`;
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.result;
    const result = resolveDocument(this.db, who, docId);
    this.cache.set(key, { result, at: Date.now() });
    if (this.cache.size > 10_000) this.cache.delete(this.cache.keys().next().value!);
    return result;
  }

  /**
   * This node changed who may write `docId`: forget what was cached for it, and for every
   * document of the same id (a standard's easy-read version locks with the standard).
   */
  forget(docId: string): void {
    const id = docId.slice(docId.indexOf(':'));
    for (const key of this.cache.keys()) if (key.slice(key.indexOf(':')).startsWith(`${id}|`)) this.cache.delete(key);
  }
}
