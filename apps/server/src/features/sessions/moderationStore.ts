import { randomUUID } from 'node:crypto';
import type { AnnouncementView, AppealSummary, ModerationReason } from '@moot/protocol';
import type { Queryable } from '../../storage/database.ts';

export async function postAnnouncement(tx: Queryable, assemblyId: string, text: string, by: string): Promise<string> {
  const id = randomUUID();
  await tx.query('INSERT INTO announcements (id, assembly_id, text, posted_by) VALUES ($1, $2, $3, $4)', [
    id,
    assemblyId,
    text,
    by,
  ]);
  return id;
}

export async function clearAnnouncement(tx: Queryable, assemblyId: string, id: string): Promise<boolean> {
  const cleared = await tx.query(
    'UPDATE announcements SET cleared_at = now() WHERE id = $1 AND assembly_id = $2 AND cleared_at IS NULL RETURNING id',
    [id, assemblyId],
  );
  return cleared.length > 0;
}

/** The banners showing now, newest first: those of the session begun at `since`, never an earlier one's. */
export async function activeAnnouncements(db: Queryable, assemblyId: string, since: Date): Promise<AnnouncementView[]> {
  const rows = await db.query<{ id: string; text: string; postedAt: Date }>(
    `SELECT id, text, posted_at AS "postedAt" FROM announcements
     WHERE assembly_id = $1 AND cleared_at IS NULL AND posted_at >= $2 ORDER BY posted_at DESC LIMIT 5`,
    [assemblyId, since],
  );
  return rows.map((r) => ({ id: r.id, text: r.text, postedAt: r.postedAt.getTime() }));
}

export interface ModerationRow {
  id: string;
  participantId: string;
  action: 'mute' | 'unmute' | 'remove' | 'hide_comment';
  reason: ModerationReason | null;
  note: string | null;
  at: Date;
  /** The member's appeal and its outcome (public, both reasons). */
  appeal: AppealSummary | null;
}

export async function recordModeration(
  tx: Queryable,
  entry: {
    assemblyId: string;
    sessionId: string | null;
    participantId: string;
    action: 'mute' | 'unmute' | 'remove' | 'hide_comment';
    reason: ModerationReason | null;
    note: string | null;
    until: Date | null;
    by: string;
    /** The comment a hide hid (an appeal that overturns it restores that comment). */
    commentId?: string;
  },
): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO moderation_actions (id, assembly_id, session_id, participant_id, action, reason, note, until, by_id, comment_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      id,
      entry.assemblyId,
      entry.sessionId,
      entry.participantId,
      entry.action,
      entry.reason,
      entry.note,
      entry.until,
      entry.by,
      entry.commentId ?? null,
    ],
  );
  return id;
}

interface AppealColumns {
  appealReason: string | null;
  decision: 'upheld' | 'overturned' | null;
  decisionReason: string | null;
}

/** The moderation log of the session that began at `since` (the audit log keeps every session's). */
export async function moderationLog(db: Queryable, assemblyId: string, since: Date): Promise<ModerationRow[]> {
  const rows = await db.query<Omit<ModerationRow, 'appeal'> & AppealColumns>(
    `SELECT m.id, m.participant_id AS "participantId", m.action, m.reason, m.note, m.at,
       a.reason AS "appealReason", a.decision, a.decision_reason AS "decisionReason"
     FROM moderation_actions m LEFT JOIN moderation_appeals a ON a.action_id = m.id
     WHERE m.assembly_id = $1 AND m.at >= $2 ORDER BY m.at DESC LIMIT 50`,
    [assemblyId, since],
  );
  return rows.map(({ appealReason, decision, decisionReason, ...row }) => ({
    ...row,
    appeal: appealReason === null ? null : { status: decision ?? 'pending', reason: appealReason, decisionReason },
  }));
}

export async function setMutedUntil(tx: Queryable, participantId: string, until: Date | null): Promise<void> {
  await tx.query('UPDATE participants SET muted_until = $2 WHERE id = $1', [participantId, until]);
}

/** Why a participant may not speak or edit now, if they may not: muted, or removed from a session still live. */
export type SilencedBy = 'muted' | 'removed' | null;

export async function isSilenced(db: Queryable, participantId: string): Promise<SilencedBy> {
  const [row] = await db.query<{ muted: boolean; removed: boolean }>(
    `SELECT (p.muted_until IS NOT NULL AND p.muted_until > now()) AS muted,
        EXISTS (SELECT 1 FROM attendance a JOIN assembly_sessions s ON s.id = a.session_id
                WHERE a.participant_id = p.id AND a.removed_at IS NOT NULL AND s.status = 'live') AS removed
     FROM participants p WHERE p.id = $1`,
    [participantId],
  );
  return row?.removed ? 'removed' : row?.muted ? 'muted' : null;
}
