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

/** The verdict, and each client's first clock in the update (what `Y.parseUpdateMeta` calls `from`). */
export interface UpdateCheck {
  problem: UpdateProblem | null;
  from: Map<number, number>;
}

export const checkUpdate = (doc: Y.Doc, update: Uint8Array): UpdateProblem | null => inspectUpdate(doc, update).problem;

/** One decode serves the check and the caller's look at whose clocks the update writes. */
export function inspectUpdate(doc: Y.Doc, update: Uint8Array): UpdateCheck {
  const from = new Map<number, number>();
  const verdict = (problem: UpdateProblem | null): UpdateCheck => ({ problem, from });
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return verdict('malformed');
  }
  // Read from the store per client the update touches: encoding the whole state vector per keystroke costs more.
  const known = (client: number): number => Y.getState(doc.store, client);
  // The clock each client reaches once this update is applied, if its structs are contiguous.
  const reach = new Map<number, number>();
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) return verdict('missing_dependencies');
    const { client, clock } = struct.id;
    from.set(client, Math.min(from.get(client) ?? clock, clock));
    const next = reach.get(client) ?? known(client);
    if (clock > next) return verdict('missing_dependencies');
    reach.set(client, Math.max(next, clock + struct.length));
  }
  const has = (id: Y.ID | null): boolean =>
    id === null || id.clock < Math.max(reach.get(id.client) ?? 0, known(id.client));
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (!has(struct.origin) || !has(struct.rightOrigin)) return verdict('missing_dependencies');
    if (struct.parent instanceof Y.ID && !has(struct.parent)) return verdict('missing_dependencies');
  }
  for (const [client, deletions] of decoded.ds.clients) {
    const end = Math.max(reach.get(client) ?? 0, known(client));
    for (const deletion of deletions) {
      if (deletion.clock + deletion.len > end) return verdict('missing_dependencies');
    }
  }
  return verdict(null);
}
