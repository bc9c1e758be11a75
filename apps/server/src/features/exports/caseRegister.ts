import type { AssemblyView, CaseRegister, MarkdownLanguage, Phrase } from '@moot/protocol';
import { escapeMarkdown } from '../../collab/documentText.ts';
import type { Queryable } from '../../storage/database.ts';
import { listCases, standardsByIds } from '../cases/caseStore.ts';
import { reasoningMarkdown } from '../cases/decideCase.ts';
import { optionText, wordPhrases } from '../votes/phraseWords.ts';
import { withRole } from './names.ts';
import { wordingIn } from './words.ts';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/**
 * The public register of breach cases, the same for every audience (participants appear by
 * pseudonym unless they opted in to their name): who and what each case concerns, the reply,
 * the decision with its reasoning and the tally's explanation. Results only, never a ballot.
 */
export async function exportCaseRegister(
  db: Queryable,
  assembly: AssemblyView,
  language: MarkdownLanguage = 'en',
): Promise<CaseRegister> {
  const cases = await listCases(db, assembly.id, 'observer');
  const standards = await standardsByIds(db, assembly.id, [...new Set(cases.flatMap((c) => c.standardIds))]);
  const titles = new Map(standards.map((s) => [s.id, s.title]));
  return {
    assembly: { title: assembly.title, charge: assembly.charge },
    exportedAt: new Date().toISOString(),
    cases: await Promise.all(
      cases.map(async (c) => ({
        number: c.number,
        respondent: c.respondent,
        standards: c.standardIds.map((id) => ({ id, title: titles.get(id) ?? 'Unknown standard' })),
        summary: c.summary,
        evidence: c.evidence,
        reply: c.reply && { text: c.reply.text, recordedAt: iso(c.reply.recordedAt)! },
        status: c.status,
        dismissalReason: c.dismissalReason,
        // Only a moderator opens a case (`case:open`): the register says so, as the live page does,
        // in the register's language (English for the JSON).
        openedBy: withRole('moderator', c.openedBy, language),
        dates: {
          opened: iso(c.openedAt)!,
          hearing: iso(c.hearingAt),
          deliberating: iso(c.deliberatingAt),
          closed: iso(c.closedAt),
        },
        reasoning: c.decision ? c.decision.reasoning : await reasoningMarkdown(db, c.id),
        decision: c.decision && {
          outcome: c.decision.outcome,
          breachFound: c.decision.breachFound,
          explanation: c.decision.result.explanation,
          because: c.decision.result.because ?? null,
          ballots: c.decision.result.ballots,
          eligible: c.decision.result.eligible,
        },
        votes: c.votes.map((v) => ({ explanation: v.explanation, because: v.because ?? null, decided: v.decided })),
      })),
    ),
  };
}

/**
 * The register as Markdown, in the language asked for (and exported in: the moderator who opened
 * a case is named in it). Everything typed is escaped; reasoning is
 * already Markdown from its document. In English the tallies are the sentences the server stored;
 * in another language they are worded from their codes (an older vote without codes keeps its English).
 */
export function caseRegisterMarkdown(register: CaseRegister, language: MarkdownLanguage = 'en'): string {
  const e = escapeMarkdown;
  const { headings: HEADINGS, words } = wordingIn(language);
  const tally = (v: { explanation: string | null; because?: readonly Phrase[] | null }) =>
    language !== 'en' && v.because?.length ? wordPhrases(v.because, language) : v.explanation;
  const lines = [
    HEADINGS.cases(e(register.assembly.title)),
    '',
    `> ${e(register.assembly.charge)}`,
    '',
    words.exported(register.exportedAt),
    '',
  ];
  if (register.cases.length === 0) lines.push(words.noCases, '');
  for (const c of register.cases) {
    const who = c.respondent.name ? `${e(c.respondent.role)} (${e(c.respondent.name)})` : e(c.respondent.role);
    lines.push(HEADINGS.case(c.number, who, words.caseStatus[c.status] ?? c.status), '');
    lines.push(words.alleged(c.standards.map((s) => e(s.title)).join(', ')));
    lines.push(words.openedBy(c.dates.opened, e(c.openedBy)));
    if (c.dates.hearing) lines.push(words.hearingFrom(c.dates.hearing));
    if (c.dates.deliberating) lines.push(words.deliberationFrom(c.dates.deliberating));
    if (c.dates.closed)
      lines.push(c.status === 'decided' ? words.decidedAt(c.dates.closed) : words.dismissedAt(c.dates.closed));
    lines.push('', HEADINGS.caseSummary, '', e(c.summary), '');
    if (c.evidence.length > 0) {
      lines.push(HEADINGS.caseEvidence, '');
      // A link is a validated http(s) address, normalised so it cannot close the <…> around it.
      c.evidence.forEach((item, i) =>
        lines.push(`${i + 1}. ${e(item.description)}${item.link ? ` <${item.link}>` : ''}`),
      );
      lines.push('');
    }
    lines.push(
      HEADINGS.caseReply,
      '',
      c.reply ? `${e(c.reply.text)}\n\n${words.recorded(c.reply.recordedAt)}` : words.noReply,
      '',
    );
    if (c.reasoning) lines.push(HEADINGS.caseReasoning, '', c.reasoning, '');
    if (c.decision) {
      const outcome = optionText(c.decision.outcome, language);
      lines.push(HEADINGS.caseDecision, '', `**${e(outcome)}**`, '', e(tally(c.decision) ?? ''), '');
    }
    if (c.dismissalReason) lines.push(HEADINGS.caseDismissed, '', e(c.dismissalReason), '');
    const undecided = c.votes.filter((v) => !v.decided && v.explanation);
    if (undecided.length > 0) {
      lines.push(HEADINGS.caseUndecided, '', ...undecided.map((v) => `- ${e(tally(v)!)}`), '');
    }
  }
  return lines.join('\n');
}
