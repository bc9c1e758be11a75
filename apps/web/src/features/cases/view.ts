import type { CaseStatus, CaseView, Phrase, StandardView, VoteView } from '@moot/protocol';

const CLOSED: ReadonlySet<CaseStatus> = new Set(['decided', 'dismissed']);

/** Whether a case is still in progress (open, hearing or deliberating). */
export const isActive = (c: CaseView): boolean => !CLOSED.has(c.status);

/** Cases still in progress first, then the closed ones; each group in register order (Case 1, 2, …). */
export function casesInOrder(cases: readonly CaseView[]): CaseView[] {
  return [...cases].sort((a, b) => Number(isActive(b)) - Number(isActive(a)) || a.number - b.number);
}

/**
 * Votes on a case's consequence are shown inside their case, so the general list of votes leaves
 * them out (one card per vote on a page).
 */
export function votesOutsideCases(votes: readonly VoteView[] | undefined): readonly VoteView[] | undefined {
  return votes?.filter((vote) => vote.subject !== 'consequence');
}

/** A case's consequence votes as the votes store has them, the latest first. */
export function votesOfCase(c: CaseView, votes: readonly VoteView[] | undefined): VoteView[] {
  const byId = new Map((votes ?? []).map((vote) => [vote.id, vote]));
  return c.votes.flatMap((v) => byId.get(v.voteId) ?? []).reverse();
}

/** The cited standards' titles, in citation order; null for one no longer in the charter. */
export function citedStandards(c: CaseView, standards: readonly StandardView[]): (string | null)[] {
  const titles = new Map(standards.map((s) => [s.id, s.title]));
  return c.standardIds.map((id) => titles.get(id) ?? null);
}

/** An evidence link as an href, only if it is an http(s) address (anything else is shown as text). */
export function safeHref(link: string | null): string | null {
  if (!link) return null;
  try {
    const url = new URL(link);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The steps a case has gone through, with when (server time), oldest first. */
export type CaseStep = 'opened' | 'hearing' | 'deliberating' | 'decided' | 'dismissed';

export function caseTimeline(c: CaseView): { step: CaseStep; at: number }[] {
  const steps: { step: CaseStep; at: number | null }[] = [
    { step: 'opened', at: c.openedAt },
    { step: 'hearing', at: c.hearingAt },
    { step: 'deliberating', at: c.deliberatingAt },
    ...(c.status === 'decided' || c.status === 'dismissed' ? [{ step: c.status, at: c.closedAt }] : []),
  ];
  return steps.flatMap(({ step, at }) => (at === null ? [] : [{ step, at }]));
}

/** The case an agenda item is about, as "number and role" for its label; null if none or not known here. */
export function caseOfItem(
  cases: readonly CaseView[] | undefined,
  caseId: string | null,
): { number: number; role: string } | null {
  const found = caseId ? cases?.find((c) => c.id === caseId) : undefined;
  return found ? { number: found.number, role: found.respondent.role } : null;
}

/** What a screen-reader user should hear about a change in the cases. */
export type CaseChange =
  | { type: 'opened'; number: number; role: string }
  | { type: 'moved'; number: number; status: 'hearing' | 'deliberating' }
  | { type: 'replied'; number: number }
  | { type: 'voteOpened'; number: number }
  | { type: 'undecided'; number: number; explanation: string; because?: Phrase[] | null }
  | { type: 'decided'; number: number; outcome: string }
  | { type: 'dismissed'; number: number; reason: string };

/**
 * The changes between two lists of cases, in register order. Nothing for the first list
 * (`previous` undefined), so connecting reads nothing out.
 */
export function caseChanges(previous: readonly CaseView[] | undefined, next: readonly CaseView[]): CaseChange[] {
  if (previous === undefined) return [];
  const before = new Map(previous.map((c) => [c.id, c]));
  const changes: CaseChange[] = [];
  for (const c of [...next].sort((a, b) => a.number - b.number)) {
    const was = before.get(c.id);
    const { number } = c;
    if (!was) {
      changes.push({ type: 'opened', number, role: c.respondent.role });
      continue;
    }
    if (c.reply && c.reply.recordedAt !== was.reply?.recordedAt) changes.push({ type: 'replied', number });
    const wasVotes = new Map(was.votes.map((v) => [v.voteId, v]));
    for (const vote of c.votes) {
      const old = wasVotes.get(vote.voteId);
      if (!old && vote.status === 'open') changes.push({ type: 'voteOpened', number });
      else if (vote.status === 'closed' && old?.status !== 'closed' && !vote.decided)
        changes.push({ type: 'undecided', number, explanation: vote.explanation ?? '', because: vote.because });
    }
    if (c.status === was.status) continue;
    if (c.status === 'hearing' || c.status === 'deliberating')
      changes.push({ type: 'moved', number, status: c.status });
    else if (c.status === 'decided' && c.decision)
      changes.push({ type: 'decided', number, outcome: c.decision.outcome });
    else if (c.status === 'dismissed') changes.push({ type: 'dismissed', number, reason: c.dismissalReason ?? '' });
  }
  return changes;
}
