import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { idKindOf, looksLikeIdField, type IdKind } from './idKinds.ts';

export type Path = (string | number)[];

/** Where a generated payload carries an id: its path, the kind of record, and whether it is a list. */
export interface IdSlot {
  path: Path;
  kind: IdKind;
  /** A list of ids (`standardIds`), and how many it may hold. */
  list: { max: number } | null;
}

/** A payload the event's schema accepts, and the ids in it. */
export interface Payload {
  value: unknown;
  ids: IdSlot[];
}

interface Walk {
  event: string;
  path: Path;
  field: string;
  /** The caller's own id of each kind (the field's path, for a caller that names different records per field). */
  idOf(kind: IdKind, path: Path): string;
  /** Bytes for a binary field (a Yjs message), by field name; undefined if the walk does not know it. */
  bytesFor(field: string): Uint8Array | undefined;
}

type Def = {
  type: string;
  format?: string;
  checks?: {
    _zod: { def: { check: string; value?: number; inclusive?: boolean; minimum?: number; maximum?: number } };
  }[];
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  values?: unknown[];
  entries?: Record<string, string>;
};
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def) => (def.checks ?? []).map((c) => c._zod.def);

/** Unwraps optional, nullable, default and pipe wrappers down to the schema that holds the value. */
function core(schema: z.ZodType): Def {
  const def = defOf(schema);
  if (def.innerType) return core(def.innerType);
  if (def.type === 'pipe' && def.in) return core(def.in);
  return def;
}

const isIdString = (def: Def, field: string) =>
  def.type === 'string' && (def.format === 'uuid' || looksLikeIdField(field));

let words = 0;

/**
 * Every shape of a valid payload for `schema`, the first the plainest: each union contributes
 * each of its options once (not their product), optional and nullable fields are filled, and
 * every id is the caller's own. Throws, naming the event and path, for a schema it cannot fill.
 */
function walk(schema: z.ZodType, w: Walk): Payload[] {
  const bytes = w.bytesFor(w.field);
  if (bytes) return [{ value: bytes, ids: [] }];
  const def = defOf(schema);
  const where = `${w.event}: ${w.path.join('.') || '(payload)'}`;
  if (isIdString(def, w.field)) {
    const kind = idKindOf(w.event, w.path.join('.'), w.field);
    if (!kind) return [{ value: randomUUID(), ids: [] }];
    return [{ value: w.idOf(kind, w.path), ids: [{ path: w.path, kind, list: null }] }];
  }
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      return walk(def.innerType!, w);
    case 'pipe':
      return walk(def.in!, w);
    case 'union':
      return def.options!.flatMap((option) => walk(option, w));
    case 'object': {
      const fields = Object.entries(def.shape!).map(
        ([key, field]) => [key, walk(field, { ...w, path: [...w.path, key], field: key })] as const,
      );
      const build = (key?: string, alternative?: Payload): Payload => {
        const value: Record<string, unknown> = {};
        const ids: IdSlot[] = [];
        for (const [k, alternatives] of fields) {
          const chosen = k === key ? alternative! : alternatives[0]!;
          value[k] = chosen.value;
          ids.push(...chosen.ids);
        }
        return { value, ids };
      };
      return [build(), ...fields.flatMap(([key, alternatives]) => alternatives.slice(1).map((alt) => build(key, alt)))];
    }
    case 'array': {
      const checks = checksOf(def);
      const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
      const max = checks.find((c) => c.check === 'max_length')?.maximum ?? Infinity;
      const element = core(def.element!);
      if (isIdString(element, w.field)) {
        const kind = idKindOf(w.event, w.path.join('.'), w.field);
        if (!kind) return [{ value: [randomUUID()], ids: [] }];
        return [{ value: [w.idOf(kind, w.path)], ids: [{ path: w.path, kind, list: { max } }] }];
      }
      const items = Array.from(
        { length: Math.max(min, 1) },
        (_, i) => walk(def.element!, { ...w, path: [...w.path, i] })[0]!,
      );
      return [{ value: items.map((i) => i.value), ids: items.flatMap((i) => i.ids) }];
    }
    case 'record':
      // A map keyed by the caller's words (a paper count's choices): empty; the walk's ARRANGE fills it where needed.
      return [{ value: {}, ids: [] }];
    case 'literal':
      return [{ value: def.values![0], ids: [] }];
    case 'enum':
      return [{ value: Object.values(def.entries!)[0], ids: [] }];
    case 'boolean':
      return [{ value: false, ids: [] }];
    case 'number': {
      const checks = checksOf(def);
      const low = checks.find((c) => c.check === 'greater_than')?.value ?? -Infinity;
      const high = checks.find((c) => c.check === 'less_than')?.value ?? Infinity;
      // A vote that closes itself does so as far off as allowed: at the least it would close
      // seconds later, during another test's attempt, and change rows that attempt is judged by.
      if (w.field === 'closesInSeconds') return [{ value: high, ids: [] }];
      // Likewise a vote with a quorum pauses itself once its assembly's sockets leave at the end
      // of its test (after the grace), during a later test's attempts: no quorum.
      if (w.field === 'quorumShare') return [{ value: 0, ids: [] }];
      return [{ value: Math.min(Math.max(1, low), high), ids: [] }];
    }
    case 'string': {
      if (def.format === 'url') return [{ value: 'https://example.org/evidence', ids: [] }];
      // A local date and times (a sitting in the programme): the end after the start.
      if (def.format === 'date') return [{ value: '2030-06-01', ids: [] }];
      if (def.format === 'time') return [{ value: w.field === 'endTime' ? '16:00' : '10:00', ids: [] }];
      if (w.field === 'timeZone') return [{ value: 'Europe/London', ids: [] }];
      // A moment (a point in a standard's history): now, to the millisecond.
      if (def.format === 'datetime') return [{ value: new Date().toISOString(), ids: [] }];
      if (def.format) throw new Error(`${where}: the payload generator cannot write a "${def.format}" string`);
      const checks = checksOf(def);
      const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 1;
      return [{ value: `Words ${++words}`.padEnd(min, '.'), ids: [] }];
    }
    default:
      throw new Error(`${where}: the payload generator cannot fill a "${def.type}" (teach test/support/payloads.ts)`);
  }
}

/** The valid payloads of one event, with the caller's own ids; see `walk`. */
export function payloadsOf(
  event: string,
  schema: z.ZodType,
  idOf: (kind: IdKind, path: Path) => string,
  bytesFor: (field: string) => Uint8Array | undefined,
): Payload[] {
  return walk(schema, { event, path: [], field: '', idOf, bytesFor });
}

/** A copy of `value` with the value at `path` replaced. */
export function withValueAt(value: unknown, path: Path, replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = replacement;
  return copy;
}
