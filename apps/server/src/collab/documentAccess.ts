import type { Database } from '../storage/database.ts';
import { resolveDocument, type DocumentReader as Who, type DocumentRules } from './resolveDocument.ts';

/**
 * `resolveDocument` for the hot path: each edit re-checks that its author may still write
 * (a standard locked, groups ended or regrouped — on any node), reading the database at most
 * every `ttlMs` per document and person, and never making an edit wait for it once an answer
 * is known: an answer older than `ttlMs` still stands while one fresh read runs in the
 * background. A change decided on another node takes hold within `ttlMs` plus one query; this
 * node's own changes (and locks, which every node is told of) at once, through `forget`.
 */
export class DocumentAccess {
  private readonly cache = new Map<string, { result: Promise<{ locked: boolean }>; at: number; refreshing: boolean }>();

  constructor(
    private readonly db: Database,
    private readonly rules: DocumentRules,
    private readonly ttlMs = 1000,
    /** Tells the other nodes to forget too; absent on a single node, where there is nobody to tell. */
    private readonly tellOtherNodes: ((docId: string) => void) | null = null,
  ) {}

  /** Read now, uncached: for opening a document. */
  resolve(who: Who, docId: string): Promise<{ locked: boolean }> {
    return resolveDocument(this.rules, this.db, who, docId);
  }

  check(who: Who, docId: string): Promise<{ locked: boolean }> {
    const key = `${docId}|${who.participant?.id ?? who.role}`;
    const hit = this.cache.get(key);
    if (!hit) return this.read(key, who, docId).result;
    if (Date.now() - hit.at >= this.ttlMs && !hit.refreshing) {
      hit.refreshing = true;
      const fresh = this.read(key, who, docId, false);
      // Swap in only once settled, and only if nobody forgot the key meanwhile.
      void fresh.result.then(
        () => this.cache.get(key) === hit && this.cache.set(key, fresh),
        () => this.cache.get(key) === hit && this.cache.set(key, fresh),
      );
    }
    return hit.result;
  }

  /**
   * This node changed who may write `docId`: forget what was cached for it, and for every
   * document of the same id (a standard's easy-read version locks with the standard).
   */
  forget(docId: string): void {
    const id = docId.slice(docId.indexOf(':'));
    for (const key of this.cache.keys()) if (key.slice(key.indexOf(':')).startsWith(`${id}|`)) this.cache.delete(key);
  }

  /** `forget` here and on every other node (a lock, a case decided). */
  forgetEverywhere(docId: string): void {
    this.forget(docId);
    this.tellOtherNodes?.(docId);
  }

  private read(key: string, who: Who, docId: string, store = true) {
    const result = this.resolve(who, docId);
    result.catch(() => {}); // a refusal is an answer, handed to whoever checks
    const entry = { result, at: Date.now(), refreshing: false };
    if (store) {
      this.cache.set(key, entry);
      if (this.cache.size > 10_000) this.cache.delete(this.cache.keys().next().value!);
    }
    return entry;
  }
}
