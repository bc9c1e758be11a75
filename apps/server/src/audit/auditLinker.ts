import type { Database } from '../storage/database.ts';
import { LINK_BATCH, linkPending } from './auditChain.ts';

/**
 * When public entries join their assembly's chain. A command writes its entry unchained, in its
 * own transaction, and so never waits for another command's commit; once it has committed, the
 * entry is linked here, shortly after: one linker per assembly at a time on this node (entries
 * committed while it runs are linked by its next round, together, in one statement), and one at
 * a time across nodes through the head row's lock, held only for the linking's short
 * transaction (auditChain.ts). What a crash leaves between a commit and its linking is linked by
 * the next start (`linkEverything`), the assembly's next append, and before the chain is read
 * (`linkNow`) — so a reader never sees an unlinked entry, and no entry stays unlinked.
 */
interface Linker {
  again: boolean;
}
const linkers = new WeakMap<Database, Map<string, Linker>>();
/** How many times one round is retried (the database briefly unreachable) before it waits for the next append. */
const RETRIES = 3;

/** Links the assembly's entries committed by now, however many. */
async function linkAll(db: Database, assemblyId: string): Promise<void> {
  while ((await db.transaction((tx) => linkPending(tx, assemblyId))) === LINK_BATCH);
}

/** After an append commits: link it (and whatever else is waiting) soon, without waiting here. */
export function linkSoon(db: Database, assemblyId: string): void {
  let running = linkers.get(db);
  if (!running) linkers.set(db, (running = new Map()));
  const current = running.get(assemblyId);
  if (current) {
    current.again = true;
    return;
  }
  const linker: Linker = { again: true };
  running.set(assemblyId, linker);
  void (async () => {
    for (let failures = 0; linker.again;) {
      linker.again = false;
      try {
        await linkAll(db, assemblyId);
        failures = 0;
      } catch {
        // Left unlinked, the entries are linked by the next append, read or start.
        if (++failures > RETRIES) break;
        linker.again = true;
        await new Promise((resolve) => setTimeout(resolve, 50 * failures));
      }
    }
    // In the same turn as the last check of `again`: no append can slip between the two.
    running.delete(assemblyId);
  })();
}

/** Before the chain is read: every entry committed before this call is linked when it returns. */
export async function linkNow(db: Database, assemblyId: string): Promise<void> {
  const [waiting] = await db.query(
    `SELECT 1 FROM audit_log WHERE assembly_id = $1 AND seq IS NULL AND action NOT LIKE 'security.%' LIMIT 1`,
    [assemblyId],
  );
  if (waiting) await linkAll(db, assemblyId);
}

/** At start: links what a crash left unlinked, in every assembly. */
export async function linkEverything(db: Database): Promise<void> {
  const assemblies = await db.query<{ assembly_id: string }>(
    `SELECT DISTINCT assembly_id FROM audit_log WHERE seq IS NULL AND action NOT LIKE 'security.%'`,
  );
  for (const { assembly_id } of assemblies) await linkAll(db, assembly_id);
}
