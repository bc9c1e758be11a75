import type { MarkdownLanguage, MinutesExport, SessionList, SessionSummary } from '@moot/protocol';
import { escapeMarkdown } from '../../collab/documentText.ts';
import type { Queryable } from '../../storage/database.ts';
import { readAuditAbout } from '../../audit/auditLog.ts';
import { listAttendance } from '../sessions/floorStore.ts';
import { listAgenda } from '../sessions/sessionStore.ts';
import { wordPhrase, wordPhrases } from '../votes/phraseWords.ts';
import { voteCodes } from '../votes/voteCodes.ts';
import { listVotes } from '../votes/voteStore.ts';
import { AGENDA_ACTIONS, agendaTimes } from './agendaTimes.ts';
import { amendmentName } from './amendmentNumbers.ts';
import { participantNames } from './names.ts';
import type { Reader } from './reader.ts';
import { sessionHappenings } from './sessionHappenings.ts';
import { countIn, readableTime, wordingIn } from './words.ts';

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
  language: MarkdownLanguage = 'en',
): Promise<MinutesExport | null> {
  const [row] = await db.query<SessionRecordRow>(`${SUMMARY} WHERE id = $1 AND assembly_id = $2`, [
    sessionId,
    assembly.id,
  ]);
  if (!row) return null;
  const agenda = await listAgenda(db, sessionId);
  const [attendance, nameOf, changes, speakers, voteIds, votes, announcements, caseNumbers] = await Promise.all([
    listAttendance(db, sessionId),
    participantNames(db, assembly.id, audience, language),
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
  const happenings = await sessionHappenings(db, assembly.id, { from: row.startedAt, to: row.endedAt }, language);
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
        ...voteCodes(v),
        online: v.result?.online ?? null,
        paper: v.result?.paper ?? null,
      })),
    announcements: announcements.map((a) => ({ text: a.text, at: a.postedAt.toISOString() })),
    ...happenings,
  };
}

const duration = (seconds: number): string => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/**
 * The minutes as Markdown, in the language asked for: codes in words, times in UTC and saying so;
 * everything typed by people is escaped. In English the votes' sentences are those the server
 * stored; in another language they are worded from their codes (a vote recorded before it had
 * codes keeps its English).
 */
export function minutesMarkdown(minutes: MinutesExport, language: MarkdownLanguage = 'en'): string {
  const { session } = minutes;
  const e = escapeMarkdown;
  const { headings: HEADINGS, words } = wordingIn(language);
  const time = (at: string) => readableTime(at, language);
  const when = (at: string | null) => (at ? time(at) : words.notYet);
  const lines = [
    HEADINGS.minutes(e(minutes.assembly.title), e(session.title)),
    '',
    words.status(words.sessionStatus[session.status] ?? session.status, when(session.startedAt), when(session.endedAt)),
    '',
    words.attendance(minutes.attendance.checkedIn, minutes.attendance.removed, minutes.attendance.checkedOut),
    '',
    HEADINGS.minutesAgenda,
    '',
  ];
  if (minutes.agenda.length === 0) lines.push(words.noItems);
  for (const item of minutes.agenda) {
    const actual = item.actualSeconds === null ? words.didNotRun : words.ran(duration(item.actualSeconds));
    const about = item.caseNumber === null ? '' : words.aboutCase(item.caseNumber);
    const kind = words.agendaKind[item.kind] ?? item.kind;
    lines.push(
      `${item.position}. ${e(item.title)} (${kind}${about}): ${words.planned(countIn(item.plannedMinutes, words.minute, language), actual)}`,
    );
  }
  lines.push('', HEADINGS.minutesSpeakers, '');
  if (minutes.speakers.length === 0) lines.push(words.nobodySpoke);
  for (const s of minutes.speakers)
    lines.push(`- ${e(s.name)}: ${countIn(s.turns, words.turn, language)}, ${duration(s.spokenSeconds)}`);
  lines.push('', HEADINGS.minutesVotes, '');
  if (minutes.votes.length === 0) lines.push(words.noVotes);
  for (const v of minutes.votes) {
    const result = language !== 'en' && v.because?.length ? wordPhrases(v.because, language) : v.explanation;
    const outcome = result ? e(result) : words.openVoted(v.turnout, v.eligible);
    const method = words.methods[v.method] ?? v.method;
    const question = language !== 'en' && v.questionPhrase ? wordPhrase(v.questionPhrase, language) : v.question;
    lines.push(`- ${e(question)} (${e(method)}): ${outcome}`);
  }
  lines.push('', HEADINGS.minutesAnnouncements, '');
  if (minutes.announcements.length === 0) lines.push(words.none);
  for (const a of minutes.announcements) lines.push(`- ${time(a.at)}: ${e(a.text)}`);
  lines.push('', HEADINGS.minutesModeration, '');
  if (minutes.moderation.length === 0) lines.push(words.none);
  for (const m of minutes.moderation) {
    const reason = m.reason ? words.reason(e(words.reasons[m.reason] ?? m.reason)) : '';
    const length = m.minutes === null ? '' : words.forMinutes(countIn(m.minutes, words.minute, language));
    lines.push(`- ${time(m.at)}: ${words.moderated[m.action](e(m.member))}${length}${reason}`);
  }
  lines.push('', HEADINGS.minutesGroups, '');
  if (minutes.groups.length === 0) lines.push(words.none);
  for (const g of minutes.groups)
    lines.push(
      `- ${time(g.at)}: ${g.action === 'formed' ? words.splitInto(countIn(g.count ?? 0, words.group, language)) : words.broughtBack}`,
    );
  lines.push('', HEADINGS.minutesAmendments, '');
  if (minutes.amendments.length === 0) lines.push(words.none);
  for (const a of minutes.amendments)
    lines.push(`- ${e(a.standard)}: ${e(amendmentName(a, words))} (${words.amendmentStatus[a.status] ?? a.status})`);
  lines.push('', HEADINGS.minutesMinorityReports, '');
  if (minutes.minorityReports.length === 0) lines.push(words.none);
  for (const r of minutes.minorityReports)
    lines.push(`- ${words.minorityReport(e(r.standard), countIn(r.signatures, words.member, language))}`);
  lines.push('', HEADINGS.minutesCases, '');
  if (minutes.cases.length === 0) lines.push(words.none);
  for (const c of minutes.cases) lines.push(`- ${words.caseLine(c.number, words.caseStatus[c.status] ?? c.status)}`);
  return lines.join('\n') + '\n';
}
