import type { SessionState } from './session.ts';

/**
 * `session:patch`: the change from one published view of the session to the next, so a raised
 * hand travels as one queue entry (a few hundred bytes) instead of the whole state. A patch
 * applies only to the view whose `version` is its `base`, so a client that missed one notices
 * and asks for the whole state (`session:resync`) instead of showing a wrong one.
 *
 * A version is `<epoch>.<n>`: the nodes advance one shared head per assembly, one publish at a
 * time (compare-and-set), so within an epoch a larger `n` is a later view on every node. The
 * epoch is new whenever the head is created afresh (after it expired, or Redis restarted);
 * versions of different epochs are not ordered.
 */
export interface SessionPatch {
  base: string;
  version: string;
  /** Only the top-level parts that changed; `version` is never among them. */
  changes: { [K in Exclude<keyof SessionState, 'version'>]?: Change };
}

/**
 * How one value changed: replaced whole (`set`); an object whose fields changed (`fields`); or a
 * list of entries named by a key field (`list`): entries removed by key, entries replaced by key,
 * then new or moved entries inserted at their final index, in ascending order.
 */
export type Change = { set: unknown } | { fields: Record<string, Change> } | { list: ListChange };

export interface ListChange {
  key: ListKey;
  remove?: string[];
  update?: Record<string, unknown>[];
  insert?: [number, Record<string, unknown>][];
}

/** The fields that name an entry in the session's lists (agenda, queue, attendees, equity rows…). */
const LIST_KEYS = ['id', 'participantId'] as const;
type ListKey = (typeof LIST_KEYS)[number];

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Structural equality of JSON-like values (what travels on the wire). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => sameValue(v, b[i]));
  }
  if (isPlain(a) && isPlain(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((k) => k in b && sameValue(a[k], b[k]));
  }
  return false;
}

/** The key that names every entry of both lists uniquely, or null when they are not keyed lists. */
function listKey(a: unknown[], b: unknown[]): ListKey | null {
  const all = [...a, ...b];
  if (all.length === 0) return null;
  for (const key of LIST_KEYS) {
    if (!all.every((e) => isPlain(e) && typeof e[key] === 'string')) continue;
    const unique = (list: unknown[]) => new Set(list.map((e) => (e as Plain)[key])).size === list.length;
    if (unique(a) && unique(b)) return key;
  }
  return null;
}

/** Indexes (into `seq`) of one longest strictly increasing subsequence. */
function longestIncreasing(seq: number[]): Set<number> {
  const tails: number[] = [];
  const previous = new Array<number>(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < seq[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const kept = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) kept.add(i);
  return kept;
}

function diffList(a: Plain[], b: Plain[], key: ListKey): ListChange {
  const oldIndex = new Map(a.map((e, i) => [e[key] as string, i]));
  const inBoth = b.map((e, i) => ({ i, old: oldIndex.get(e[key] as string) })).filter((x) => x.old !== undefined);
  // Entries that keep their relative order stay; the others are removed and inserted again.
  const staying = longestIncreasing(inBoth.map((x) => x.old!));
  const stays = new Set(inBoth.filter((_, j) => staying.has(j)).map((x) => x.i));
  const newKeys = new Set(b.filter((_, i) => stays.has(i)).map((e) => e[key] as string));
  const change: ListChange = { key };
  const remove = a.filter((e) => !newKeys.has(e[key] as string)).map((e) => e[key] as string);
  const update = b.filter((e, i) => stays.has(i) && !sameValue(a[oldIndex.get(e[key] as string)!], e));
  const insert = b.flatMap((e, i): [number, Plain][] => (stays.has(i) ? [] : [[i, e]]));
  if (remove.length) change.remove = remove;
  if (update.length) change.update = update;
  if (insert.length) change.insert = insert;
  return change;
}

const size = (v: unknown) => JSON.stringify(v)?.length ?? 0;

/** The change from `a` to `b`, or null when they are equal; never larger than replacing `a` (by JSON length). */
export function diffValue(a: unknown, b: unknown): Change | null {
  if (sameValue(a, b)) return null;
  const whole: Change = { set: b };
  let finer: Change | null = null;
  if (Array.isArray(a) && Array.isArray(b)) {
    const key = listKey(a, b);
    if (key) finer = { list: diffList(a as Plain[], b as Plain[], key) };
  } else if (isPlain(a) && isPlain(b)) {
    const keys = Object.keys(b);
    if (keys.length === Object.keys(a).length && keys.every((k) => k in a)) {
      const fields: Record<string, Change> = {};
      for (const k of keys) {
        const change = diffValue(a[k], b[k]);
        if (change) fields[k] = change;
      }
      finer = { fields };
    }
  }
  return finer && size(finer) < size(whole) ? finer : whole;
}

export function applyChange(value: unknown, change: Change): unknown {
  if ('set' in change) return change.set;
  if ('fields' in change) {
    if (!isPlain(value)) throw new Error('a field change for something that is not an object');
    const next: Plain = { ...value };
    for (const [k, c] of Object.entries(change.fields)) next[k] = applyChange(value[k], c);
    return next;
  }
  if (!Array.isArray(value)) throw new Error('a list change for something that is not a list');
  const { key, remove = [], update = [], insert = [] } = change.list;
  const removed = new Set(remove);
  const replaced = new Map(update.map((e) => [e[key] as string, e]));
  const next = (value as Plain[])
    .filter((e) => !removed.has(e[key] as string))
    .map((e) => replaced.get(e[key] as string) ?? e);
  for (const [index, entry] of insert) {
    if (index > next.length) throw new Error('an insertion past the end of the list');
    next.splice(index, 0, entry);
  }
  return next;
}

/** The patch from one view to the next, or null when nothing changed. Both must carry their version. */
export function diffSession(base: SessionState, next: SessionState): SessionPatch | null {
  if (base.version === next.version) return null;
  const changes: SessionPatch['changes'] = {};
  for (const k of Object.keys(next) as (keyof SessionState)[]) {
    if (k === 'version') continue;
    const change = diffValue(base[k], next[k]);
    if (change) changes[k] = change;
  }
  return { base: base.version, version: next.version, changes };
}

/**
 * `state` with `patch` applied, or null when the patch does not apply to it (another base: a
 * gap). Parts that did not change keep their identity, so a UI redraws only what changed.
 */
export function applySessionPatch(state: SessionState | null | undefined, patch: SessionPatch): SessionState | null {
  if (!state || state.version !== patch.base) return null;
  const next = { ...state } as Record<string, unknown>;
  for (const [k, change] of Object.entries(patch.changes)) {
    if (k === 'version' || !(k in state) || !change) return null;
    try {
      next[k] = applyChange(next[k], change);
    } catch {
      return null;
    }
  }
  next.version = patch.version;
  return next as unknown as SessionState;
}

/** Whether version `a` is later (> 0), the same (0) or earlier (< 0) than `b`; null when they cannot be compared. */
export function compareVersions(a: string, b: string): number | null {
  const [ea, na] = splitVersion(a);
  const [eb, nb] = splitVersion(b);
  if (ea === null || ea !== eb) return a === b ? 0 : null;
  return na - nb;
}

function splitVersion(v: string): [string | null, number] {
  const dot = v.lastIndexOf('.');
  const n = Number(v.slice(dot + 1));
  return dot > 0 && Number.isSafeInteger(n) ? [v.slice(0, dot), n] : [null, 0];
}
