import type { MinutesExport, SessionList, SessionSummary } from '@moot/protocol';
import { escapeMarkdown } from '../../collab/documentText.ts';
import type { Queryable } from '../../storage/database.ts';
import { readAuditAbout } from '../../audit/auditLog.ts';
import { listAttendance } from '../sessions/floorStore.ts';
import { listAgenda } from '../sessions/sessionStore.ts';
import { listVotes } from '../votes/voteStore.ts';
import { AGENDA_ACTIONS, agendaTimes } from './agendaTimes.ts';
import { amendmentName } from './amendmentNumbers.ts';
import { METHOD_LABELS, REASON_LABELS } from './auditLabels.ts';
import { participantNames } from './names.ts';
import type { Reader } from './reader.ts';
import { sessionHappenings } from './sessionHappenings.ts';
import { count, readableTime } from './words.ts';

interface SessionRecordRow {
  id: string;
  title: string;
  status: SessionSummary['status'];
  startedAt: Date | null;
  endedAt: Date | null;
}
const SUMMARY = `SELECT id, title, status, started_at AS "startedAt", ended_at AS "endedAt" FROM assembly_sessions`;
const toSummary = (r: SessionRecordRow): SessionSummary => ({
  id: r.id,
  title: r.title,
  status: r.status,
  startedAt: r.startedAt?.toISOString() ?? null,
  endedAt: r.endedAt?.toISOString() ?? null,
});

/** The assembly's sessions, oldest first. */
export async function listSessionRecords(db: Queryable, assemblyId: string): Promise<SessionList> {
  const rows = await db.query<SessionRecordRow>(`${SUMMARY} WHERE assembly_id = $1 ORDER BY created_at`, [assemblyId]);
  return { sessions: rows.map(toSummary) };
}

/**
 * A session's minutes, or null if the assembly has no such session: its agenda with planned
 * and actual time, who spoke and for how long (finished turns), the votes opened in it and
 * their results (never a ballot), the announcements made while it ran, and attendance.
 */
export async function exportMinutes(
  db: Queryable,
  { assembly, audience }: Reader,
  sessionId: string,
): Promise<MinutesExport | null> {
  const [row] = await db.query<SessionRecordRow>(`${SUMMARY} WHERE id = $1 AND assembly_id = $2`, [
    sessionId,
    assembly.id,
  ]);
  if (!row) return null;
  const agenda = await listAgenda(db, sessionId);
  const [attendance, nameOf, changes, speakers, voteIds, votes, announcements, caseNumbers] = await Promise.all([
    listAttendance(db, sessionId),
    participantNames(db, assembly.id, audience),
    readAuditAbout(db, assembly.id, { targets: [sessionId, ...agenda.map((i) => i.id)], actions: AGENDA_ACTIONS }),
    db.query<{ participantId: string; turns: number; spokenMs: number }>(
      `SELECT participant_id AS "participantId", count(*)::int AS turns, coalesce(sum(spoken_ms), 0)::int AS "spokenMs"
       FROM hands WHERE session_id = $1 AND status = 'done'
       GROUP BY participant_id ORDER BY min(called_at)`,
      [sessionId],
    ),
    db.query<{ id: string }>('SELECT id FROM votes WHERE session_id = $1', [sessionId]),
    listVotes(db, assembly.id),
    // Announcements belong to the assembly; the minutes keep those posted while the session ran.
    row.startedAt
      ? db.query<{ text: string; postedAt: Date }>(
          `SELECT text, posted_at AS "postedAt" FROM announcements
           WHERE assembly_id = $1 AND posted_at >= $2 AND ($3::timestamptz IS NULL OR posted_at <= $3)
           ORDER BY posted_at`,
          [assembly.id, row.startedAt, row.endedAt],
        )
      : [],
    db.query<{ id: string; number: number }>('SELECT id, number FROM breach_cases WHERE assembly_id = $1', [
      assembly.id,
    ]),
  ]);
  const happenings = await sessionHappenings(db, assembly.id, { from: row.startedAt, to: row.endedAt });
  const caseNumber = new Map(caseNumbers.map((c) => [c.id, c.number]));
  const ran = agendaTimes(
    agenda.map((i) => i.id),
    changes,
    row.endedAt ?? new Date(),
  );
  const inSession = new Set(voteIds.map((v) => v.id));
  return {
    assembly: { title: assembly.title, charge: assembly.charge },
    exportedAt: new Date().toISOString(),
    session: toSummary(row),
    attendance: {
      checkedIn: attendance.length,
      removed: attendance.filter((a) => a.removed).length,
      checkedOut: attendance.filter((a) => a.checkedOut).length,
    },
    agenda: agenda.map((item) => ({
      position: item.position + 1,
      title: item.title,
      kind: item.kind,
      status: item.status,
      plannedMinutes: item.plannedMinutes,
      actualSeconds: ran.has(item.id) ? Math.round(ran.get(item.id)! / 1000) : null,
      caseNumber: item.caseId ? (caseNumber.get(item.caseId) ?? null) : null,
    })),
    speakers: speakers.map((s) => ({
      name: nameOf(s.participantId) ?? 'Unknown',
      turns: s.turns,
      spokenSeconds: Math.round(s.spokenMs / 1000),
    })),
    // Picked field by field: the published ballots stay with the vote, not in the minutes.
    votes: votes
      .filter((v) => inSession.has(v.id))
      .map((v) => ({
        question: v.question,
        method: v.rules.method,
        status: v.status,
        turnout: v.turnout,
        eligible: v.eligible,
        quorumNeeded: v.quorumNeeded,
        passed: v.result?.passed ?? null,
        explanation: v.result?.explanation ?? null,
        online: v.result?.online ?? null,
        paper: v.result?.paper ?? null,
      })),
    announcements: announcements.map((a) => ({ text: a.text, at: a.postedAt.toISOString() })),
    ...happenings,
  };
}

const duration = (seconds: number): string => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

const MODERATED: Record<MinutesExport['moderation'][number]['action'], string> = {
  muted: 'muted',
  unmuted: 'unmuted',
  removed: 'removed from the session',
  comment_hidden: 'had a comment hidden',
};

/** The minutes as Markdown: codes in words, times in UTC and saying so; everything typed by people is escaped. */
export function minutesMarkdown(minutes: MinutesExport): string {
  const { session } = minutes;
  const e = escapeMarkdown;
  const when = (at: string | null) => (at ? readableTime(at) : 'not yet');
  const lines = [
    `# ${e(minutes.assembly.title)}: minutes of ${e(session.title)}`,
    '',
    `Status: ${session.status}. Started ${when(session.startedAt)}, ended ${when(session.endedAt)}.`,
    '',
    `Attendance: ${minutes.attendance.checkedIn} checked in, ${minutes.attendance.removed} removed, ${minutes.attendance.checkedOut} checked out.`,
    '',
    '## Agenda',
    '',
  ];
  if (minutes.agenda.length === 0) lines.push('_No items._');
  for (const item of minutes.agenda) {
    const actual = item.actualSeconds === null ? 'did not run' : `ran ${duration(item.actualSeconds)}`;
    const about = item.caseNumber === null ? '' : `, about case ${item.caseNumber}`;
    lines.push(
      `${item.position}. ${e(item.title)} (${item.kind}${about}): planned ${count(item.plannedMinutes, 'minute', 'minutes')}, ${actual}`,
    );
  }
  lines.push('', '## Speakers', '');
  if (minutes.speakers.length === 0) lines.push('_Nobody spoke from the queue._');
  for (const s of minutes.speakers)
    lines.push(`- ${e(s.name)}: ${count(s.turns, 'turn', 'turns')}, ${duration(s.spokenSeconds)}`);
  lines.push('', '## Votes', '');
  if (minutes.votes.length === 0) lines.push('_No votes._');
  for (const v of minutes.votes) {
    const outcome = v.explanation ? e(v.explanation) : `open, ${v.turnout} of ${v.eligible} voted`;
    const method = METHOD_LABELS[v.method as keyof typeof METHOD_LABELS] ?? v.method;
    lines.push(`- ${e(v.question)} (${e(method)}): ${outcome}`);
  }
  lines.push('', '## Announcements', '');
  if (minutes.announcements.length === 0) lines.push('_None._');
  for (const a of minutes.announcements) lines.push(`- ${readableTime(a.at)}: ${e(a.text)}`);
  lines.push('', '## Moderation', '');
  if (minutes.moderation.length === 0) lines.push('_None._');
  for (const m of minutes.moderation) {
    const reason = m.reason ? `, reason: ${e(REASON_LABELS[m.reason as keyof typeof REASON_LABELS] ?? m.reason)}` : '';
    const length = m.minutes === null ? '' : ` for ${count(m.minutes, 'minute', 'minutes')}`;
    lines.push(`- ${readableTime(m.at)}: ${e(m.member)} ${MODERATED[m.action]}${length}${reason}`);
  }
  lines.push('', '## Small groups', '');
  if (minutes.groups.length === 0) lines.push('_None._');
  for (const g of minutes.groups)
    lines.push(
      `- ${readableTime(g.at)}: ${g.action === 'formed' ? `split into ${count(g.count ?? 0, 'group', 'groups')}` : 'groups brought back together'}`,
    );
  lines.push('', '## Amendments', '');
  if (minutes.amendments.length === 0) lines.push('_None._');
  for (const a of minutes.amendments) lines.push(`- ${e(a.standard)}: ${e(amendmentName(a))} (${a.status})`);
  lines.push('', '## Minority reports', '');
  if (minutes.minorityReports.length === 0) lines.push('_None._');
  for (const r of minutes.minorityReports)
    lines.push(`- On ${e(r.standard)}: signed by ${count(r.signatures, 'member', 'members')}`);
  lines.push('', '## Breach cases', '');
  if (minutes.cases.length === 0) lines.push('_None._');
  for (const c of minutes.cases) lines.push(`- Case ${c.number} (${c.status})`);
  return lines.join('\n') + '\n';
}
