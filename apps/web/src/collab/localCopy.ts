import { IndexeddbPersistence } from 'y-indexeddb';
import { ErrorCode, type ProtocolError } from '@moot/protocol';
import type { KeepLocally } from './CollabProvider.ts';

const CODES = new Set<string>(Object.values(ErrorCode));

/** localStorage may be missing or refuse (private modes): the mark then lasts as long as the page. */
const marks = {
  read(key: string): ProtocolError | null {
    try {
      const stored: unknown = JSON.parse(globalThis.localStorage?.getItem(key) ?? 'null');
      if (typeof stored !== 'object' || stored === null) return null;
      const { code, message } = stored as { code?: unknown; message?: unknown };
      return typeof code === 'string' && CODES.has(code) && typeof message === 'string'
        ? { code: code as ErrorCode, message }
        : null;
    } catch {
      return null;
    }
  },
  write(key: string, refusal: ProtocolError | null): void {
    try {
      if (refusal)
        globalThis.localStorage?.setItem(key, JSON.stringify({ code: refusal.code, message: refusal.message }));
      else globalThis.localStorage?.removeItem(key);
    } catch {
      // Not kept: a reload forgets the refusal, as before there was a mark.
    }
  },
};

/**
 * Keeps each document a participant edits in this browser's IndexedDB, one database per
 * assembly, participant and document (`moot:<assembly>:<participant>:<docId>`), so two
 * assemblies, or two people sharing a browser, never mix. Without IndexedDB (some private
 * modes), nothing is kept and editing works as before. A refusal the copy's edits still hold is
 * kept beside it in localStorage (read synchronously as the copy opens, before it can send).
 */
export function keepInIndexedDb(assemblyId: string, participantId: string): KeepLocally | undefined {
  if (typeof indexedDB === 'undefined') return undefined;
  return (docId, doc) => {
    const name = `moot:${assemblyId}:${participantId}:${docId}`;
    const markKey = `${name}:refused`;
    const copy = new IndexeddbPersistence(name, doc);
    let refusal = marks.read(markKey);
    return {
      // y-indexeddb applies what it loads with itself as the transaction origin.
      origin: copy,
      close: () => void copy.destroy(),
      clear: async () => {
        refusal = null;
        marks.write(markKey, null);
        await copy.clearData();
      },
      get refusal() {
        return refusal;
      },
      markRefused: (next) => {
        refusal = next;
        marks.write(markKey, next);
      },
    };
  };
}
