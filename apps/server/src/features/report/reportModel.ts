import type {
  AssemblyView,
  MarkdownLanguage,
  ReportExport,
  ReportFinalBallot,
  ReportSitting,
  ReportStandard,
  VoteView,
} from '@moot/protocol';
import type { Queryable } from '../../storage/database.ts';
import { listCharter } from '../charter/charterStore.ts';
import { readMaps } from '../consensus/markStore.ts';
import { listEntries, listExpertSessions } from '../evidence/evidenceStore.ts';
import { exportCaseRegister } from '../exports/caseRegister.ts';
import { exportCharter } from '../exports/charterExport.ts';
import { participantNames } from '../exports/names.ts';
import { publishedAggregate } from '../members/representation.ts';
import { assemblyTimeZone, listProgrammeItems, listSittings } from '../sessions/programmeStore.ts';
import { listVotes } from '../votes/voteStore.ts';
import { reportWordsIn } from './reportMarkdown.ts';
import { shownStatements } from './statementStore.ts';
import { consensusSummary } from '../consensus/consensusSummary.ts';

/**
 * The assembly's report, assembled from the stores every other export reads, so it is never
 * typed twice and never disagrees with them. One model for every reader (observers included):
 * only what is already public — the published aggregate, results without ballots, statements
 * not hidden, names as the public sees them — and the Markdown and the print page render it.
 * People are named in the language it is assembled in (English for the JSON the print page reads).
 */
export async function assembleReport(
  db: Queryable,
  assembly: AssemblyView,
  language: MarkdownLanguage = 'en',
): Promise<ReportExport> {
  const [details, participation, programme, evidence, charter, standards, maps, votes, register, statements, names] =
    await Promise.all([
      assemblyDetails(db, assembly.id),
      publishedAggregate(db, assembly.id),
      programmeOf(db, assembly.id),
      listEntries(db, assembly.id),
      exportCharter(db, assembly),
      listCharter(db, assembly.id),
      readMaps(db, assembly.id),
      listVotes(db, assembly.id),
      exportCaseRegister(db, assembly, language),
      shownStatements(db, assembly.id),
      participantNames(db, assembly.id, 'observer', language),
    ]);
  const mapOf = new Map(maps.map((m) => [m.standardId, m]));
  // The charter export lists the standards in listCharter's order; the id joins the map to each.
  const positionOf = new Map(standards.map((s) => [s.id, s.position + 1]));
  const reportStandards: ReportStandard[] = charter.charter.standards.map((s, i) => {
    const standard = standards[i];
    const same = standard && standard.position + 1 === s.position && standard.title === s.title;
    return { ...s, consensus: same ? consensusSummary(mapOf.get(standard.id)) : null };
  });
  const finalBallot = votes.filter((v) => v.subject === 'final_ballot').at(-1);
  return {
    assembly: { title: assembly.title, charge: assembly.charge, ...details },
    exportedAt: new Date().toISOString(),
    participation,
    programme,
    evidence: evidence.map((e) => ({
      number: e.number,
      kind: e.kind,
      title: e.title,
      speaker: e.speaker,
      affiliation: e.affiliation,
      interests: e.interests,
      summary: e.summary,
      easyRead: e.easyRead,
      links: e.links,
      balance: e.balance,
    })),
    standards: reportStandards,
    finalBallot: finalBallot ? finalBallotOf(finalBallot, positionOf) : null,
    cases: register.cases,
    statements: statements.map((s) => ({
      id: s.id,
      author: names(s.participantId) ?? reportWordsIn(language).someMember,
      text: s.text,
      writtenAt: s.writtenAt.toISOString(),
    })),
  };
}

async function assemblyDetails(db: Queryable, assemblyId: string) {
  const [row] = await db.query<{
    commissionedBy: string;
    description: string;
    startsOn: string | null;
    endsOn: string | null;
  }>(
    `SELECT commissioned_by AS "commissionedBy", description, to_char(starts_on, 'YYYY-MM-DD') AS "startsOn",
       to_char(ends_on, 'YYYY-MM-DD') AS "endsOn" FROM assemblies WHERE id = $1`,
    [assemblyId],
  );
  return row ?? { commissionedBy: '', description: '', startsOn: null, endsOn: null };
}

/** The sittings and their agendas; the place only by kind (a meeting link or an address is not the public's). */
async function programmeOf(db: Queryable, assemblyId: string): Promise<ReportExport['programme']> {
  const [timeZone, sittings, items, experts] = await Promise.all([
    assemblyTimeZone(db, assemblyId),
    listSittings(db, assemblyId),
    listProgrammeItems(db, assemblyId),
    listExpertSessions(db, assemblyId),
  ]);
  const expert = new Set(experts.map((e) => e.itemId));
  const agendas = new Map<string, ReportSitting['agenda']>();
  for (const item of items) {
    const agenda = agendas.get(item.sessionId) ?? [];
    agenda.push({ title: item.title, kind: item.kind, expert: expert.has(item.id) });
    agendas.set(item.sessionId, agenda);
  }
  return {
    timeZone,
    sittings: sittings.map((s) => ({
      title: s.title,
      status: s.status,
      cancelled: s.cancelled,
      startsAt: s.startsAt?.toISOString() ?? null,
      endsAt: s.endsAt?.toISOString() ?? null,
      place: s.placeKind,
      agenda: agendas.get(s.id) ?? [],
    })),
  };
}

/** The final ballot's counts per recommendation and answer once closed; never its ballots. */
function finalBallotOf(vote: VoteView, positionOf: Map<string, number>): ReportFinalBallot | null {
  if (vote.rules.method !== 'support') return null;
  const { items, threshold } = vote.rules;
  const result = vote.status === 'closed' ? vote.result : null;
  return {
    status: vote.status,
    threshold,
    result: result && {
      ballots: result.ballots,
      online: result.online ?? result.ballots,
      paper: result.paper ?? 0,
      eligible: result.eligible,
      quorumNeeded: result.quorumNeeded,
      quorumMet: result.quorumMet,
      explanation: result.explanation,
      because: result.because ?? null,
    },
    recommendations: items.map((item, i) => {
      const r = result?.recommendations?.[i];
      return {
        number: i + 1,
        part: item.part,
        title: item.title,
        standard: positionOf.get(item.standardId) ?? null,
        counts: r?.counts ?? [],
        supporting: r?.supporting ?? 0,
        base: r?.base ?? 0,
        percent: r?.percent ?? 0,
        supported: r?.supported ?? false,
      };
    }),
  };
}
