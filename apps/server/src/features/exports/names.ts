import { isPublicFigure, phrase, pseudonym, type MarkdownLanguage, type Role, type VoteSubject } from '@moot/protocol';
import type { Queryable } from '../../storage/database.ts';
import { wordPhrase } from '../votes/phraseWords.ts';
import { questionPhrase } from '../votes/voteQuestions.ts';
import { wordingIn } from './words.ts';

/**
 * A name the record already holds, with the role the public sees it in ("moderator Alex",
 * "y cymedrolwr Alex"): the role word comes from the protocol's table of server-authored words
 * (`named.*`, as the web's `names.ts` words it). Anyone but a moderator or a facilitator keeps
 * their name as it is.
 */
export const withRole = (role: string, name: string, language: MarkdownLanguage = 'en'): string =>
  isPublicFigure(role) ? wordPhrase(phrase(`named.${role}`, { name }), language) : name;

/** "Member 4", "Aelod 4": a seat the public sees without a name, in the reader's language. */
export const pseudonymIn = (seat: number, language: MarkdownLanguage = 'en'): string =>
  language === 'en' ? pseudonym(seat) : wordPhrase(phrase('pseudonym', { seat }), language);

/**
 * How the public record names someone: a moderator or facilitator by role and name ("moderator
 * Alex Smith"), anyone else by the pseudonym ("Member 4") unless they chose to show their name
 * (`publicName`), in the language the record is written in (English for the JSON). The one
 * helper for every public naming in the exports and the audit log.
 */
export function namedInPublic(
  p: { role: string; seat: number; displayName: string | null; showName: boolean },
  language: MarkdownLanguage = 'en',
): string {
  if (!p.displayName) return pseudonymIn(p.seat, language);
  if (isPublicFigure(p.role)) return withRole(p.role, p.displayName, language);
  return p.showName ? p.displayName : pseudonymIn(p.seat, language);
}

/** Everyone who ever held a seat in the assembly (revoked ones included: the record keeps what they did), as names are made from. */
export interface SeatHolder {
  id: string;
  role: string;
  seat: number;
  displayName: string | null;
  showName: boolean;
}
export const participantsOf = (db: Queryable, assemblyId: string): Promise<SeatHolder[]> =>
  db.query<SeatHolder>(
    `SELECT id, role, seat, display_name AS "displayName", show_name AS "showName" FROM participants WHERE assembly_id = $1`,
    [assemblyId],
  );

/**
 * Names as a reader may see them, for everyone who ever took part (revoked invites included,
 * since the record keeps what they did): observers see "Member {seat}" unless the participant
 * chose to show their name, as on the live pages, and moderators and facilitators by role and
 * name; in the language the record is written in.
 */
export async function participantNames(
  db: Queryable,
  assemblyId: string,
  audience: Role,
  language: MarkdownLanguage = 'en',
): Promise<(participantId: string) => string | null> {
  const rows = await participantsOf(db, assemblyId);
  const names = new Map(
    rows.map((p) => [
      p.id,
      audience === 'observer' ? namedInPublic(p, language) : (p.displayName ?? pseudonymIn(p.seat, language)),
    ]),
  );
  return (id) => names.get(id) ?? null;
}

/**
 * What the audit log's targets are called, by id: standards, sessions and agenda items by their
 * own titles, votes by their questions; amendments, minority reports and comments by their
 * standard's title; breach cases as "Case 3: <the role concerned>"; in the log's language (a
 * question Moot wrote is worded from its code, a moderator's own stays as written).
 */
export async function targetTitles(
  db: Queryable,
  assemblyId: string,
  language: MarkdownLanguage = 'en',
): Promise<Map<string, string>> {
  const words = wordingIn(language).audit;
  const [titled, votes, cases, statements] = await Promise.all([
    db.query<{ id: string; title: string }>(
      `SELECT id::text, title FROM standards WHERE assembly_id = $1
       UNION ALL SELECT id::text, title FROM assembly_sessions WHERE assembly_id = $1
       UNION ALL SELECT i.id::text, i.title FROM agenda_items i
         JOIN assembly_sessions s ON s.id = i.session_id WHERE s.assembly_id = $1
       UNION ALL SELECT x.id::text, s.title FROM amendments x JOIN standards s ON s.id = x.standard_id WHERE x.assembly_id = $1
       UNION ALL SELECT x.id::text, s.title FROM dissents x JOIN standards s ON s.id = x.standard_id WHERE x.assembly_id = $1
       UNION ALL SELECT x.id::text, s.title FROM comments x JOIN standards s ON s.id = x.standard_id WHERE x.assembly_id = $1`,
      [assemblyId],
    ),
    db.query<{ id: string; subject: VoteSubject; question: string }>(
      `SELECT id::text, subject, question FROM votes WHERE assembly_id = $1`,
      [assemblyId],
    ),
    db.query<{ id: string; number: number; role: string }>(
      `SELECT id::text, number, respondent_role AS role FROM breach_cases WHERE assembly_id = $1`,
      [assemblyId],
    ),
    db.query<{ id: string }>(`SELECT id::text FROM report_statements WHERE assembly_id = $1`, [assemblyId]),
  ]);
  return new Map([
    ...titled.map((r) => [r.id, r.title] as const),
    ...votes.map((v) => {
      const code = language === 'en' ? null : questionPhrase(v.subject, v.question);
      return [v.id, code ? wordPhrase(code, language) : v.question] as const;
    }),
    ...cases.map((c) => [c.id, words.caseSubject(c.number, c.role)] as const),
    ...statements.map((s) => [s.id, words.statementSubject] as const),
  ]);
}
