/** How much a text changed between two readings, in words. */
export interface WordChanges {
  added: number;
  removed: number;
}

/** Above this many word pairs the exact comparison would be slow; counting words is close enough. */
const MAX_PAIRS = 1_000_000;

/**
 * Words added and removed between `before` and `after`: everything outside their longest
 * common subsequence (a moved word counts as removed and added). Common ends are skipped first,
 * so a typical edit compares only the words around it.
 */
export function wordChanges(before: readonly string[], after: readonly string[]): WordChanges {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start += 1;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore -= 1;
    endAfter -= 1;
  }
  const a = before.slice(start, endBefore);
  const b = after.slice(start, endAfter);
  const common = a.length * b.length > MAX_PAIRS ? commonByCount(a, b) : longestCommon(a, b);
  return { added: b.length - common, removed: a.length - common };
}

function longestCommon(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const word of a) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j += 1) {
      row[j] = word === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!);
    }
    previous = row;
  }
  return previous[b.length]!;
}

function commonByCount(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const word of a) counts.set(word, (counts.get(word) ?? 0) + 1);
  let common = 0;
  for (const word of b) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      counts.set(word, left - 1);
      common += 1;
    }
  }
  return common;
}

/** Where the words last seen of a document are kept on this device. */
export const seenKey = (docId: string) => `moot.seen:${docId}`;

/** A store of strings: `localStorage` in the browser. */
export interface SeenStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The words this device last showed of `docId`, or null on a first visit. */
export function lastSeen(store: SeenStore, docId: string): string[] | null {
  try {
    const saved = store.getItem(seenKey(docId));
    const words: unknown = saved === null ? null : JSON.parse(saved);
    return Array.isArray(words) && words.every((w) => typeof w === 'string') ? words : null;
  } catch {
    return null;
  }
}

export function rememberSeen(store: SeenStore, docId: string, words: readonly string[]): void {
  try {
    store.setItem(seenKey(docId), JSON.stringify(words));
  } catch {
    // Storage full or refused: next time there is simply no summary.
  }
}
