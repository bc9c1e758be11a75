/**
 * Which words of a live text were added recently: the text now against a snapshot of it from
 * `windowMs` ago, compared word by word. Pure, so the watch page's highlight is tested without
 * a browser; `RecentText.tsx` keeps the snapshots and draws the result.
 */

export interface Segment {
  text: string;
  /** Added since the baseline snapshot. */
  recent: boolean;
}

/** Words and the spaces between them, so joining the tokens gives the text back exactly. */
const tokens = (text: string): string[] => text.split(/(\s+)/).filter((t) => t !== '');

/** Above this many cells the middle is not aligned word by word but marked whole (a paste, a rewrite). */
const MAX_CELLS = 250_000;

function push(out: Segment[], text: string, recent: boolean) {
  if (text === '') return;
  const last = out.at(-1);
  if (last && last.recent === recent) last.text += text;
  else out.push({ text, recent });
}

/**
 * The text `after`, cut into runs that were in `before` and runs that were added (a longest
 * common subsequence of words; the common start and end are trimmed first, since edits are
 * usually in one place). Deleted words are not shown: the highlight is for what is new.
 */
export function insertedSince(before: string, after: string): Segment[] {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const out: Segment[] = [];
  push(out, b.slice(0, start).join(''), false);
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_CELLS || midA.length === 0) {
    push(
      out,
      midB.join(''),
      midB.some((t) => t.trim() !== ''),
    );
  } else {
    // lcs[i][j]: the common words of midA[i..] and midB[j..].
    const rows = midA.length + 1;
    const cols = midB.length + 1;
    const lcs = new Uint32Array(rows * cols);
    for (let i = midA.length - 1; i >= 0; i -= 1)
      for (let j = midB.length - 1; j >= 0; j -= 1)
        lcs[i * cols + j] =
          midA[i] === midB[j]
            ? lcs[(i + 1) * cols + j + 1]! + 1
            : Math.max(lcs[(i + 1) * cols + j]!, lcs[i * cols + j + 1]!);
    let i = 0;
    let j = 0;
    while (j < midB.length) {
      if (i < midA.length && midA[i] === midB[j]) {
        push(out, midB[j]!, false);
        i += 1;
        j += 1;
      } else if (i < midA.length && lcs[(i + 1) * cols + j]! >= lcs[i * cols + j + 1]!) {
        i += 1; // a deleted word: nothing to show
      } else {
        // Spaces alone are not news: a space added with a word is highlighted with it.
        push(out, midB[j]!, midB[j]!.trim() !== '' || out.at(-1)?.recent === true);
        j += 1;
      }
    }
  }
  push(out, b.slice(endB).join(''), false);
  return out;
}

export interface Snapshot {
  at: number;
  text: string;
}

/**
 * The snapshots to keep after seeing `text` at `now`: a new one when the text changed, and of
 * the old ones only the newest that is at least `windowMs` old (the baseline) and those after it.
 */
export function keepSnapshots(snapshots: readonly Snapshot[], text: string, now: number, windowMs: number): Snapshot[] {
  const next = snapshots.at(-1)?.text === text ? [...snapshots] : [...snapshots, { at: now, text }];
  let base = 0;
  for (let i = 0; i < next.length; i += 1) if (next[i]!.at <= now - windowMs) base = i;
  return next.slice(base);
}

/** The text to compare against at `now`: the newest snapshot at least `windowMs` old, else the oldest. */
export function baselineOf(snapshots: readonly Snapshot[], now: number, windowMs: number): string {
  let base = snapshots[0];
  for (const s of snapshots) if (s.at <= now - windowMs) base = s;
  return base?.text ?? '';
}
