import type { AssemblyView, CaseRegister } from '@moot/protocol';
import { escapeMarkdown } from '../../collab/documentText.ts';
import type { Queryable } from '../../storage/database.ts';
import { listCases, standardsByIds } from '../cases/caseStore.ts';
import { reasoningMarkdown } from '../cases/decideCase.ts';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/**
 * The public register of breach cases, the same for every audience (participants appear by
 * pseudonym unless they opted in to their name): who and what each case concerns, the reply,
 * the decision with its reasoning and the tally's explanation. Results only, never a ballot.
 */
export async function exportCaseRegister(db: Queryable, assembly: AssemblyView): Promise<CaseRegister> {
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
        openedBy: c.openedBy,
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
          ballots: c.decision.result.ballots,
          eligible: c.decision.result.eligible,
        },
        votes: c.votes.map((v) => ({ explanation: v.explanation, decided: v.decided })),
      })),
    ),
  };
}

/** The register as Markdown. Everything typed is escaped; reasoning is already Markdown from its document. */
export function caseRegisterMarkdown(register: CaseRegister): string {
  const e = escapeMarkdown;
  const lines = [
    `# Register of cases: ${e(register.assembly.title)}`,
    '',
    `> ${e(register.assembly.charge)}`,
    '',
    `Exported ${register.exportedAt}`,
    '',
  ];
  if (register.cases.length === 0) lines.push('_No cases._', '');
  for (const c of register.cases) {
    const who = c.respondent.name ? `${e(c.respondent.role)} (${e(c.respondent.name)})` : e(c.respondent.role);
    lines.push(`## Case ${c.number}: ${who} (${c.status})`, '');
    lines.push(`- Standards alleged to be breached: ${c.standards.map((s) => e(s.title)).join(', ')}`);
    lines.push(`- Opened ${c.dates.opened} by ${e(c.openedBy)}`);
    if (c.dates.hearing) lines.push(`- Hearing from ${c.dates.hearing}`);
    if (c.dates.deliberating) lines.push(`- Deliberation from ${c.dates.deliberating}`);
    if (c.dates.closed) lines.push(`- ${c.status === 'decided' ? 'Decided' : 'Dismissed'} ${c.dates.closed}`);
    lines.push('', '### Summary', '', e(c.summary), '');
    if (c.evidence.length > 0) {
      lines.push('### Evidence', '');
      // A link is a validated http(s) address, normalised so it cannot close the <…> around it.
      c.evidence.forEach((item, i) =>
        lines.push(`${i + 1}. ${e(item.description)}${item.link ? ` <${item.link}>` : ''}`),
      );
      lines.push('');
    }
    lines.push(
      '### Reply',
      '',
      c.reply ? `${e(c.reply.text)}\n\n_Recorded ${c.reply.recordedAt}_` : '_No reply recorded._',
      '',
    );
    if (c.reasoning) lines.push('### Reasoning', '', c.reasoning, '');
    if (c.decision) {
      lines.push('### Decision', '', `**${e(c.decision.outcome)}**`, '', e(c.decision.explanation), '');
    }
    if (c.dismissalReason) lines.push('### Dismissed', '', e(c.dismissalReason), '');
    const undecided = c.votes.filter((v) => !v.decided && v.explanation);
    if (undecided.length > 0) {
      lines.push('### Votes that decided nothing', '', ...undecided.map((v) => `- ${e(v.explanation!)}`), '');
    }
  }
  return lines.join('\n');
}
