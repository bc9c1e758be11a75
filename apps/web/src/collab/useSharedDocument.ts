import { useEffect, useState, useSyncExternalStore } from 'react';
import type { CollabProvider, DocumentHandle, SaveStatus } from './CollabProvider.ts';

/**
 * Hold a document open while the component is mounted. Changing `generation` drops the local
 * copy and loads the server's again (used after the server refused an edit). A `readOnly` holder
 * never sends the document's content.
 */
export function useSharedDocument(
  provider: CollabProvider,
  docId: string,
  generation = 0,
  readOnly = false,
): DocumentHandle | null {
  const [handle, setHandle] = useState<DocumentHandle | null>(null);
  useEffect(() => {
    const acquired = provider.acquire(docId, { readOnly });
    setHandle(acquired);
    return () => {
      setHandle(null);
      acquired.release();
    };
  }, [provider, docId, generation, readOnly]);
  return handle;
}

const NOT_EDITING: SaveStatus = { pending: 0, queued: false, errors: new Map() };
const noop = () => () => {};

export function useSaveStatus(provider: CollabProvider | null): SaveStatus {
  return useSyncExternalStore(provider?.subscribe ?? noop, provider?.getStatus ?? (() => NOT_EDITING));
}
