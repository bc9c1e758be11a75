import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { CollabProvider, DocumentHandle } from './CollabProvider.ts';

/** The name a co-editor's awareness state carries (stamped by the server), if any. */
function nameOf(awareness: Awareness, clientId: number): string | null {
  const user = awareness.getStates().get(clientId)?.['user'] as { name?: unknown } | undefined;
  return typeof user?.name === 'string' && user.name ? user.name : null;
}

/**
 * Who wrote an update: the names of the co-editors whose Yjs client ids authored its new
 * content, as their carets say. A pure deletion carries no author; then null.
 */
export function authorsOf(update: Uint8Array, awareness: Awareness): string[] | null {
  const clients = new Set<number>();
  for (const struct of Y.decodeUpdate(update).structs) clients.add(struct.id.client);
  if (clients.size === 0) return null;
  const names = new Set<string>();
  for (const client of clients) {
    const name = nameOf(awareness, client);
    if (name) names.add(name);
  }
  return [...names];
}

/** Co-editors with a caret in this document now, by name, sorted: identity in text, not colour alone. */
export function coEditorNames(handle: DocumentHandle): string[] {
  const names = new Set<string>();
  for (const [clientId, state] of handle.awareness.getStates()) {
    if (clientId === handle.doc.clientID || !state['cursor']) continue;
    const name = nameOf(handle.awareness, clientId);
    if (name) names.add(name);
  }
  return [...names].sort((a, b) => a.localeCompare(b));
}

export function useCoEditors(handle: DocumentHandle | null): string[] {
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    if (!handle) return;
    const update = () =>
      setNames((current) => {
        const next = coEditorNames(handle);
        return next.join('\n') === current.join('\n') ? current : next;
      });
    update();
    handle.awareness.on('change', update);
    return () => handle.awareness.off('change', update);
  }, [handle]);
  return names;
}

/**
 * Calls `onEdit(names)` for each edit co-editors make while the document is open (not what
 * loads on opening, not this person's own typing): the cue for a live-region announcement.
 * `names` is empty when the author is not known (a deletion, or no caret yet).
 */
export function useRemoteEdits(
  provider: CollabProvider,
  handle: DocumentHandle | null,
  onEdit: (names: string[]) => void,
): void {
  useEffect(() => {
    if (!handle) return;
    const listener = (update: Uint8Array, origin: unknown) => {
      if (origin !== provider.liveOrigin) return;
      onEdit(authorsOf(update, handle.awareness) ?? []);
    };
    handle.doc.on('update', listener);
    return () => handle.doc.off('update', listener);
  }, [provider, handle, onEdit]);
}
