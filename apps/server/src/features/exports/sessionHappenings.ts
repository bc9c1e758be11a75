import type { MarkdownLanguage, MinutesExport } from '@moot/protocol';
import type { Queryable } from '../../storage/database.ts';
import { amendmentNumbers } from './amendmentNumbers.ts';
import { pseudonymIn } from './names.ts';

type Happenings = Pick<MinutesExport, 'moderation' | 'groups' | 'amendments' | 'minorityReports' | 'cases'>;

const MODERATION = {
  'moderation.muted': 'muted',
  'moderation.unmuted': 'unmuted',
  'moderation.removed': 'removed',
  'comment.hidden': 'comment_hidden',
} as const;
const GROUPS = { 'groups.formed': 'formed', 'groups.ended': 'ended' } as const;

/**
 * What else happened while a session ran, read from the audit log between its start and its
 * end (or now): moderation (whom, by public pseudonym — the minutes never name the moderated —
 * and the reason's code; never a moderator's note), small groups formed and ended, and the
 * amendments, minority reports and breach cases that someone acted on.
 */
export async function sessionHappenings(
  db: Queryable,
  assemblyId: string,
  window: { from: Date | null; to: Date | null },
  language: MarkdownLanguage = 'en',
): Promise<Happenings> {
  const none: Happenings = { moderation: [], groups: [], amendments: [], minorityReports: [], cases: [] };
  if (!window.from) return none;
  const rows = await db.query<{ action: string; target: string | null; detail: Record<string, unknown>; at: Date }>(
    `SELECT action, target, detail, at FROM audit_log
     WHERE assembly_id = $1 AND at >= $2 AND ($3::timestamptz IS NULL OR at <= $3)
       AND (action LIKE 'moderation.%' OR action LIKE 'groups.%' OR action LIKE 'amendment.%'
            OR action LIKE 'dissent.%' OR action LIKE 'case.%' OR action = 'comment.hidden')
     ORDER BY id`,
    [assemblyId, window.from, window.to],
  );
  if (rows.length === 0) return none;
  const [seats, authors, numbers, dissents, cases] = await Promise.all([
    db.query<{ id: string; seat: number }>('SELECT id, seat FROM participants WHERE assembly_id = $1', [assemblyId]),
    db.query<{ id: string; authorId: string }>(
      'SELECT id::text, author_id AS "authorId" FROM comments WHERE assembly_id = $1',
      [assemblyId],
    ),
    amendmentNumbers(db, assemblyId),
    db.query<{ id: string; standard: string; signatures: number }>(
      `SELECT d.id::text, s.title AS standard,
         (SELECT count(*)::int FROM dissent_signatures g WHERE g.dissent_id = d.id) AS signatures
       FROM dissents d JOIN standards s ON s.id = d.standard_id WHERE d.assembly_id = $1 ORDER BY d.created_at, d.id`,
      [assemblyId],
    ),
    db.query<{ id: string; number: number; status: string }>(
      'SELECT id::text, number, status FROM breach_cases WHERE assembly_id = $1',
      [assemblyId],
    ),
  ]);
  const seatOf = new Map(seats.map((p) => [p.id, p.seat]));
  const authorOf = new Map(authors.map((c) => [c.id, c.authorId]));
  const publicName = (participantId: string | undefined) => {
    const seat = participantId === undefined ? undefined : seatOf.get(participantId);
    return seat === undefined ? 'Unknown member' : pseudonymIn(seat, language);
  };
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const touched = new Set(rows.map((r) => r.target));

  const out = none;
  for (const { action, target, detail, at } of rows) {
    if (action in MODERATION) {
      const who = action === 'comment.hidden' ? authorOf.get(target ?? '') : (target ?? undefined);
      out.moderation.push({
        at: at.toISOString(),
        action: MODERATION[action as keyof typeof MODERATION],
        member: publicName(who),
        reason: text(detail.reason),
        minutes: typeof detail.minutes === 'number' ? detail.minutes : null,
      });
    } else if (action in GROUPS) {
      out.groups.push({
        at: at.toISOString(),
        action: GROUPS[action as keyof typeof GROUPS],
        count: typeof detail.count === 'number' ? detail.count : null,
      });
    }
  }
  out.amendments = [...numbers.values()]
    .filter((a) => touched.has(a.id))
    .map((a) => ({ number: a.number, standard: a.standard, status: a.status, text: a.text }));
  out.minorityReports = dissents
    .filter((d) => touched.has(d.id))
    .map((d) => ({ standard: d.standard, signatures: d.signatures }));
  out.cases = cases
    .filter((c) => touched.has(c.id))
    .sort((a, b) => a.number - b.number)
    .map((c) => ({ number: c.number, status: c.status }));
  return out;
}
