import { evidenceSchema, openCaseSchema } from '@moot/protocol';
import type { AddCaseEvidence, OpenCase } from '@moot/protocol';

// The moderator's case forms, checked by the protocol's schemas: apart from `view.ts`, which the
// watch page reads, so that the watch page loads no zod.

/** The moderator's "Open a case" form as typed. */
export interface CaseDraft {
  role: string;
  name: string;
  standardIds: string[];
  summary: string;
  evidence: { description: string; link: string }[];
}

export const EMPTY_CASE: CaseDraft = { role: '', name: '', standardIds: [], summary: '', evidence: [] };

/** What is wrong with a draft, by the field to point at. */
export type CaseDraftProblem =
  | { field: 'role' | 'name' | 'standards' | 'summary' | 'evidence' }
  | { field: 'evidenceDescription' | 'evidenceLink'; index: number };

export type CaseDraftCheck = { ok: true; payload: OpenCase } | { ok: false; problem: CaseDraftProblem };

/**
 * The `case:open` payload a draft means, checked by the protocol's own schema before anything is
 * sent. Evidence rows left entirely blank are dropped; an empty name or link means none.
 */
export function caseFromDraft(draft: CaseDraft): CaseDraftCheck {
  const payload: OpenCase = {
    respondent: { role: draft.role.trim(), name: draft.name.trim() || null },
    standardIds: draft.standardIds,
    summary: draft.summary.trim(),
    evidence: draft.evidence
      .filter((e) => e.description.trim() || e.link.trim())
      .map((e) => ({ description: e.description.trim(), link: e.link.trim() || null })),
  };
  const parsed = openCaseSchema.safeParse(payload);
  if (parsed.success) return { ok: true, payload };
  const [first, second, third] = parsed.error.issues[0]?.path ?? [];
  switch (first) {
    case 'respondent':
      return { ok: false, problem: { field: second === 'name' ? 'name' : 'role' } };
    case 'standardIds':
      return { ok: false, problem: { field: 'standards' } };
    case 'summary':
      return { ok: false, problem: { field: 'summary' } };
    default: {
      if (typeof second !== 'number') return { ok: false, problem: { field: 'evidence' } };
      // The index among the rows as typed, blank rows included.
      const typed = draft.evidence.filter((e) => e.description.trim() || e.link.trim())[second];
      const index = typed ? draft.evidence.indexOf(typed) : second;
      return { ok: false, problem: { field: third === 'link' ? 'evidenceLink' : 'evidenceDescription', index } };
    }
  }
}

/** One more piece of evidence as typed, checked by the protocol's schema; an empty link means none. */
export type EvidenceCheck =
  { ok: true; evidence: AddCaseEvidence['evidence'] } | { ok: false; field: 'description' | 'link' };

export function evidenceFromDraft(description: string, link: string): EvidenceCheck {
  const evidence = { description: description.trim(), link: link.trim() || null };
  const parsed = evidenceSchema.safeParse(evidence);
  if (parsed.success) return { ok: true, evidence };
  return { ok: false, field: parsed.error.issues[0]?.path[0] === 'link' ? 'link' : 'description' };
}
