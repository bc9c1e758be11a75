import type { Logger } from 'pino';
import { Coalescer } from '../../realtime/coalesce.ts';
import { SerialBursts } from '../../realtime/serialBursts.ts';
import { assemblyRoom, type MootServer, type WatchNamespace } from '../../realtime/socketData.ts';
import type { Database } from '../../storage/database.ts';
import { isMarked, readMaps, saveMap } from './markStore.ts';
import { standardMap } from './standardMap.ts';

/** Marks arriving together (a room marking a paragraph at once) make one recomputation. */
const MARKS_GATHER_MS = 200;
/**
 * Typing changes a paragraph's wording many times a second; its map follows within this long.
 * (A mark given to an earlier wording stops counting only once the map is recomputed.)
 */
const TEXT_GATHER_MS = 2000;

/**
 * Recomputes the consensus maps of standards whose marks or text changed, stores them (so a
 * socket connecting to any node reads the last one) and sends the assembly's maps to everyone in
 * it, members and observers alike: they hold aggregates only.
 */
export class ConsensusPublisher {
  private readonly pending = new Map<string, Set<string>>();
  private readonly assemblyOf = new Map<string, string>();
  private readonly marks: SerialBursts;
  private readonly edits: Coalescer;

  constructor(
    private readonly db: Database,
    private readonly io: MootServer,
    private readonly watch: WatchNamespace,
    private readonly logger: Logger,
  ) {
    // One run at a time per assembly, so an older map never goes out after a newer one.
    this.marks = new SerialBursts((assemblyId) => this.publish(assemblyId));
    // Called on every update of every document: a timer per standard, nothing more.
    this.edits = new Coalescer(TEXT_GATHER_MS, (standardId) => this.afterEdit(standardId));
  }

  /** A mark on `standardId` changed; resolves once a map computed after it went out. */
  marked(assemblyId: string, standardId: string): Promise<void> {
    this.assemblyOf.set(standardId, assemblyId);
    const standards = this.pending.get(assemblyId) ?? new Set<string>();
    standards.add(standardId);
    this.pending.set(assemblyId, standards);
    return this.marks.schedule(assemblyId, MARKS_GATHER_MS);
  }

  /** A document changed on this node; a standard's text changes its paragraphs' wordings. */
  textChanged(docId: string): void {
    if (docId.startsWith('standard:')) this.edits.schedule(docId.slice('standard:'.length));
  }

  private async afterEdit(standardId: string): Promise<void> {
    try {
      if (!(await isMarked(this.db, standardId))) return;
      const assemblyId = this.assemblyOf.get(standardId) ?? (await this.findAssembly(standardId));
      if (assemblyId) void this.marked(assemblyId, standardId);
    } catch (err) {
      this.logger.warn({ err, standardId }, 'the consensus map could not follow an edit');
    }
  }

  private async findAssembly(standardId: string): Promise<string | null> {
    const [row] = await this.db.query<{ assemblyId: string }>(
      'SELECT assembly_id AS "assemblyId" FROM standards WHERE id = $1',
      [standardId],
    );
    if (row) this.assemblyOf.set(standardId, row.assemblyId);
    return row?.assemblyId ?? null;
  }

  private async publish(assemblyId: string): Promise<void> {
    const standards = this.pending.get(assemblyId) ?? new Set<string>();
    this.pending.delete(assemblyId);
    try {
      for (const standardId of standards) await saveMap(this.db, await standardMap(this.db, standardId));
      const state = { standards: await readMaps(this.db, assemblyId) };
      this.io.to(assemblyRoom(assemblyId)).emit('consensus:state', state);
      this.watch.to(assemblyRoom(assemblyId)).emit('consensus:state', state);
    } catch (err) {
      this.logger.error({ err, assemblyId }, 'the consensus map could not be published');
    }
  }

  close(): void {
    this.marks.close();
    this.edits.close();
  }
}
