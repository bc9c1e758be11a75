import * as Y from 'yjs';

const cache = new Map<number, Uint8Array>();

/**
 * A document state of about `bytes`, written as if by four interleaving authors in 200-character
 * runs, so it holds tens of thousands of items (like a long edited draft) rather than one.
 */
export function prefilledState(bytes: number): Uint8Array {
  const hit = cache.get(bytes);
  if (hit) return hit;
  const doc = new Y.Doc();
  const text = doc.getText('t');
  const chunk = 'lorem ipsum dolor sit amet, consectetur adipiscing elit; '.repeat(4).slice(0, 200);
  for (let i = 0; i * chunk.length < bytes; i++) {
    // Rotating the writing client keeps runs from merging into one item, as four authors' would not.
    doc.clientID = 1000 + (i % 4);
    text.insert(text.length, chunk);
  }
  const state = Y.encodeStateAsUpdate(doc);
  cache.set(bytes, state);
  return state;
}
