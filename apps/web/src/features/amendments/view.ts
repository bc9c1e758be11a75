import { LIMITS } from '@moot/protocol';
import type { AmendmentView, DissentView } from '@moot/protocol';
import type { ShownSuggestion } from '../../collab/fields.tsx';

const NONE: readonly never[] = [];

/** Amendments or minority reports grouped by the standard they belong to, in the server's order. */
export function byStandard<T extends AmendmentView | DissentView>(
  items: readonly T[] | undefined,
): ReadonlyMap<string, readonly T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items ?? []) {
    const list = groups.get(item.standardId);
    if (list) list.push(item);
    else groups.set(item.standardId, [item]);
  }
  return groups;
}

export function of<T>(groups: ReadonlyMap<string, readonly T[]>, standardId: string): readonly T[] {
  return groups.get(standardId) ?? NONE;
}

/** Whether this participant proposed or signed already: by id, since two members may share a name. */
export function hasSignedAmendment(amendment: AmendmentView, participantId: string): boolean {
  return amendment.signerIds.includes(participantId);
}

export function hasSignedDissent(dissent: DissentView, participantId: string): boolean {
  return dissent.signerIds.includes(participantId);
}

export type WordingCheck = { ok: true; text: string } | { ok: false; problem: 'empty' | 'tooLong' };

/** The protocol's rule for an amendment's or a minority report's wording: trimmed, 1 to the limit. */
export function checkWording(text: string): WordingCheck {
  const trimmed = text.trim();
  if (trimmed.length === 0) return { ok: false, problem: 'empty' };
  if (trimmed.length > LIMITS.maxAmendmentLength) return { ok: false, problem: 'tooLong' };
  return { ok: true, text: trimmed };
}

/** Amendments waiting for a moderator to table them, oldest standard first. */
export function proposedAmendments(amendments: readonly AmendmentView[] | undefined): AmendmentView[] {
  return (amendments ?? []).filter((a) => a.status === 'proposed');
}

/** Suggestions still open (proposed or tabled), as the text field draws them. */
export function shownSuggestions(amendments: readonly AmendmentView[]): ShownSuggestion[] {
  return amendments.flatMap((a) =>
    a.suggestion && (a.status === 'proposed' || a.status === 'tabled')
      ? [{ ...a.suggestion, id: a.id, proposer: a.proposer, cosigners: a.cosigners }]
      : [],
  );
}
