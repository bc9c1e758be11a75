import { IndexeddbPersistence } from 'y-indexeddb';
import type { KeepLocally } from './CollabProvider.ts';

/**
 * Keeps each document a participant edits in this browser's IndexedDB, one database per
 * assembly, participant and document (`moot:<assembly>:<participant>:<docId>`), so two
 * assemblies, or two people sharing a browser, never mix. Without IndexedDB (some private
 * modes), nothing is kept and editing works as before.
 */
export function keepInIndexedDb(assemblyId: string, participantId: string): KeepLocally | undefined {
  if (typeof indexedDB === 'undefined') return undefined;
  return (docId, doc) => {
    const copy = new IndexeddbPersistence(`moot:${assemblyId}:${participantId}:${docId}`, doc);
    return {
      // y-indexeddb applies what it loads with itself as the transaction origin.
      origin: copy,
      close: () => void copy.destroy(),
      clear: () => copy.clearData(),
    };
  };
}
