import {
  EVIDENCE_LIMITS,
  isWebLink,
  type EvidenceEntryView,
  type EvidenceState,
  type ProgrammeState,
  type QuestionView,
} from '@moot/protocol';

/**
 * What the evidence screens show, as pure functions: the questions of a session in the order a
 * moderator picks from, what cites an entry, the links typed into the form, the agenda items an
 * expert session can be held at.
 */

/**
 * A session's questions: those not yet asked first, most supported first (then oldest first, the
 * order they came in), then those asked, in the order they were put to the speaker.
 */
export function questionsOf(questions: readonly QuestionView[], itemId: string): QuestionView[] {
  const mine = questions.filter((q) => q.itemId === itemId);
  const waiting = mine
    .filter((q) => q.askedAt === null)
    .sort((a, b) => Number(a.hidden !== null) - Number(b.hidden !== null) || b.supports - a.supports);
  const asked = mine.filter((q) => q.askedAt !== null).sort((a, b) => a.askedAt! - b.askedAt!);
  return [...waiting, ...asked];
}

/** How many more questions this member may put to a session (the server holds the same limit). */
export function questionsLeft(asked: number): number {
  return Math.max(0, EVIDENCE_LIMITS.maxQuestionsPerMemberPerSession - asked);
}

/** The standards and cases that cite an entry. */
export function citersOf(state: EvidenceState, entryId: string): { standards: string[]; cases: string[] } {
  const citing = (map: Record<string, string[]>) =>
    Object.entries(map)
      .filter(([, ids]) => ids.includes(entryId))
      .map(([id]) => id);
  return { standards: citing(state.citations.standards), cases: citing(state.citations.cases) };
}

/** The entries a standard or case cites, in its order; ids no longer in the library are left out. */
export function citedEntries(
  entries: readonly EvidenceEntryView[],
  ids: readonly string[] | undefined,
): EvidenceEntryView[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return (ids ?? []).flatMap((id) => byId.get(id) ?? []);
}

/** A citation list with one entry added or taken away, as `evidence:cite` replaces it whole. */
export function toggledCitation(ids: readonly string[] | undefined, entryId: string): string[] {
  const list = ids ?? [];
  return list.includes(entryId) ? list.filter((id) => id !== entryId) : [...list, entryId];
}

/** The links typed one per line: blank lines skipped; anything not an http(s) address reported, not sent. */
export function parseLinks(text: string): { links: string[]; bad: string[] } {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  return { links: lines.filter(isWebLink), bad: lines.filter((l) => !isWebLink(l)) };
}

/** Agenda items an expert session may be held at: every item not yet done, with its sitting's title. */
export function agendaChoices(
  programme: ProgrammeState | undefined,
): { itemId: string; label: string; sitting: string }[] {
  return (programme?.sittings ?? [])
    .filter((s) => !s.cancelled && s.status !== 'ended')
    .flatMap((s) =>
      s.agenda.filter((i) => i.status !== 'done').map((i) => ({ itemId: i.id, label: i.title, sitting: s.title })),
    );
}
