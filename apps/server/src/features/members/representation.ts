import { parse } from 'csv-parse/sync';
import {
  MEMBER_LIMITS,
  type FileProblem,
  type PublishedAggregate,
  type Quota,
  type Representation,
  type RepresentationValue,
} from '@moot/protocol';
import type { Queryable } from '../../storage/database.ts';
import { decodeCsv } from './memberCsv.ts';
import { categoriesOf, listQuotas, memberRows, memberSettings, type MemberRow } from './memberStore.ts';

const share = (count: number, total: number) => (total === 0 ? 0 : count / total);

function countBy(rows: MemberRow[], category: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const value = row.demographics[category];
    if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

/** The sitting to show: the one asked for (of this assembly only), else the live one, else the latest started. */
async function sittingsOf(db: Queryable, assemblyId: string) {
  return db.query<{ id: string; title: string; status: string }>(
    `SELECT id, title, status FROM assembly_sessions WHERE assembly_id = $1 AND started_at IS NOT NULL
     ORDER BY (status = 'live') DESC, started_at DESC`,
    [assemblyId],
  );
}

/**
 * Representativeness at a glance, per category and value: the target share (the quota file's,
 * else the share among everyone drawn, selected or since dropped out), the share among active
 * members, and the share among those present at a sitting (checked in, not removed). A value
 * further from its target than the assembly's threshold carries its gap.
 */
export async function representation(
  db: Queryable,
  assemblyId: string,
  sessionId: string | null,
): Promise<Representation | null> {
  const [rows, quotas, settings, sittings] = await Promise.all([
    memberRows(db, assemblyId),
    listQuotas(db, assemblyId),
    memberSettings(db, assemblyId),
    sittingsOf(db, assemblyId),
  ]);
  const sitting = sessionId === null ? (sittings[0] ?? null) : (sittings.find((s) => s.id === sessionId) ?? null);
  if (sessionId !== null && sitting === null) return null;
  const present = new Set(
    sitting
      ? (
          await db.query<{ participant_id: string }>(
            'SELECT participant_id FROM attendance WHERE session_id = $1 AND removed_at IS NULL',
            [sitting.id],
          )
        ).map((r) => r.participant_id)
      : [],
  );
  const drawn = rows.filter((r) => r.status !== 'reserve');
  const active = rows.filter((r) => r.status === 'selected');
  const attending = active.filter((r) => r.participant_id !== null && present.has(r.participant_id));
  const targetsFrom = quotas.length > 0 ? 'quotas' : 'selection';
  const categories = categoriesOf(rows).map((category) => {
    const drawnCounts = countBy(drawn, category);
    const activeCounts = countBy(active, category);
    const presentCounts = countBy(attending, category);
    const quotaOf = new Map(quotas.filter((q) => q.category === category).map((q) => [q.value, q.share]));
    const values = new Set([...drawnCounts.keys(), ...activeCounts.keys(), ...quotaOf.keys()]);
    const result: RepresentationValue[] = [...values].sort().map((value) => {
      const target =
        targetsFrom === 'quotas' ? (quotaOf.get(value) ?? 0) : share(drawnCounts.get(value) ?? 0, drawn.length);
      const selected = share(activeCounts.get(value) ?? 0, active.length);
      const presentShare = sitting ? share(presentCounts.get(value) ?? 0, attending.length) : null;
      const gaps = [
        selected - target,
        ...(presentShare === null || attending.length === 0 ? [] : [presentShare - target]),
      ];
      const widest = gaps.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a), 0);
      return {
        value,
        target,
        selected,
        selectedCount: activeCounts.get(value) ?? 0,
        present: presentShare,
        presentCount: presentCounts.get(value) ?? 0,
        gap: Math.abs(widest) * 100 > settings.gapPoints ? Math.round(widest * 1000) / 10 : null,
      };
    });
    return { category, values: result };
  });
  return {
    sitting: sitting ? { sessionId: sitting.id, title: sitting.title } : null,
    sittings: sittings.map((s) => ({ sessionId: s.id, title: s.title })),
    targetsFrom,
    gapPoints: settings.gapPoints,
    activeCount: active.length,
    presentCount: attending.length,
    categories,
  };
}

/**
 * What the watch page may show: for each category the organisers published, how many active
 * members have each value. A count under `MEMBER_LIMITS.publishedMinimumCount` is replaced by null
 * ("fewer than 5"); when only one value of a category would be hidden, the next smallest is
 * hidden too, so the total cannot give the hidden one away.
 */
export async function publishedAggregate(db: Queryable, assemblyId: string): Promise<PublishedAggregate> {
  const minimum = MEMBER_LIMITS.publishedMinimumCount;
  const { publishedCategories } = await memberSettings(db, assemblyId);
  if (publishedCategories.length === 0) return { minimum, categories: [] };
  const active = (await memberRows(db, assemblyId)).filter((r) => r.status === 'selected');
  const categories = publishedCategories.map((category) => ({
    category,
    values: suppressSmallCounts(countBy(active, category), minimum),
  }));
  return { minimum, categories };
}

/**
 * Counts per value, in value order, with each count under `minimum` replaced by null; when that
 * would hide one value alone, the smallest shown count is hidden too, so that subtracting the
 * others from a known total cannot reveal it.
 */
export function suppressSmallCounts(
  counts: Map<string, number>,
  minimum: number,
): { value: string; count: number | null }[] {
  const sorted = [...counts].sort(([a], [b]) => a.localeCompare(b));
  const hidden = new Set(sorted.filter(([, n]) => n < minimum).map(([v]) => v));
  if (hidden.size === 1) {
    const next = sorted.filter(([v]) => !hidden.has(v)).sort(([, a], [, b]) => a - b)[0];
    if (next) hidden.add(next[0]);
  }
  return sorted.map(([value, n]) => ({ value, count: hidden.has(value) ? null : n }));
}

/**
 * A quota file: `category,value,share` (0–1, or a percentage) or `category,value,count` (shares
 * worked out per category). The whole file is refused if any line is wrong.
 */
export function parseQuotas(bytes: Uint8Array): { quotas: Quota[]; problems: FileProblem[] } {
  const bad = (code: FileProblem['code'], line: number | null = null, header: string | null = null) => ({
    quotas: [],
    problems: [{ code, line, column: null, header, limit: null }],
  });
  const decoded = decodeCsv(bytes);
  if ('problem' in decoded) return { quotas: [], problems: [decoded.problem] };
  let records: string[][];
  try {
    records = parse(decoded.text, { skip_empty_lines: true, bom: true, relax_column_count: true }) as string[][];
  } catch (error) {
    return bad('unreadable', (error as { lines?: number }).lines ?? null);
  }
  if (records.length < 2) return bad('empty');
  if (records.length - 1 > MEMBER_LIMITS.maxImportRows) return bad('too_many_rows');
  const headers = records[0]!.map((h) => h.trim().toLowerCase());
  const at = (name: string) => headers.indexOf(name);
  const [c, v] = [at('category'), at('value')];
  const amount = ['share', 'target', 'target share', 'percent', 'count'].map(at).find((i) => i >= 0) ?? -1;
  if (c < 0 || v < 0 || amount < 0) return bad('no_name_column');
  const byCount = headers[amount] === 'count';
  const raw: Quota[] = [];
  for (let i = 1; i < records.length; i++) {
    const record = records[i]!;
    const text = (record[amount] ?? '').trim();
    const percent = text.endsWith('%');
    const number = Number(percent ? text.slice(0, -1) : text);
    const category = (record[c] ?? '').trim();
    const value = (record[v] ?? '').trim();
    if (!category || !value || !Number.isFinite(number) || number < 0) return bad('unreadable', i + 1);
    if (category.length > MEMBER_LIMITS.maxImportFieldLength || value.length > MEMBER_LIMITS.maxImportFieldLength) {
      return bad('unreadable', i + 1);
    }
    raw.push({ category, value, share: byCount ? number : percent || number > 1 ? number / 100 : number });
  }
  if (!byCount) return { quotas: raw, problems: [] };
  const totals = new Map<string, number>();
  for (const q of raw) totals.set(q.category, (totals.get(q.category) ?? 0) + q.share);
  return { quotas: raw.map((q) => ({ ...q, share: share(q.share, totals.get(q.category)!) })), problems: [] };
}
