import * as Y from 'yjs';

/**
 * Checks a Yjs update against the canonical document before it is applied. Yjs itself
 * accepts anything: garbage throws half-way (leaving a partial apply), and an update whose
 * dependencies are missing is parked forever in `pendingStructs` and then persisted and
 * re-served to everyone (research: yjs #550). So we decode fully, then require every struct
 * to continue its client's history and every reference (origin, right origin, parent) and
 * every deletion to point at something the document or the update itself contains.
 */
export type UpdateProblem = 'malformed' | 'missing_dependencies';

export function checkUpdate(doc: Y.Doc, update: Uint8Array): UpdateProblem | null {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return 'malformed';
  }
  // Read from the store per client the update touches: encoding the whole state vector per keystroke costs more.
  const known = (client: number): number => Y.getState(doc.store, client);
  // The clock each client reaches once this update is applied, if its structs are contiguous.
  const reach = new Map<number, number>();
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) return 'missing_dependencies';
    const { client, clock } = struct.id;
    const next = reach.get(client) ?? known(client);
    if (clock > next) return 'missing_dependencies';
    reach.set(client, Math.max(next, clock + struct.length));
  }
  const has = (id: Y.ID | null): boolean =>
    id === null || id.clock < Math.max(reach.get(id.client) ?? 0, known(id.client));
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (!has(struct.origin) || !has(struct.rightOrigin)) return 'missing_dependencies';
    if (struct.parent instanceof Y.ID && !has(struct.parent)) return 'missing_dependencies';
  }
  for (const [client, deletions] of decoded.ds.clients) {
    const end = Math.max(reach.get(client) ?? 0, known(client));
    for (const deletion of deletions) {
      if (deletion.clock + deletion.len > end) return 'missing_dependencies';
    }
  }
  return null;
}
