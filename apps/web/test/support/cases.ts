import { NO_BREACH_FOUND } from '@moot/protocol';
import type { CaseView, VoteView } from '@moot/protocol';

/** A case as `cases:state` carries it, open and citing one standard; override what a test needs. */
export function aCase(change: Partial<CaseView> = {}): CaseView {
  const id = change.id ?? '00000000-0000-4000-8000-000000000001';
  return {
    id,
    number: 1,
    respondent: { role: 'Director of Housing', name: null },
    standardIds: ['s1'],
    summary: 'Misled the council',
    evidence: [],
    reply: null,
    status: 'open',
    dismissalReason: null,
    openedBy: 'Mo',
    openedAt: 1,
    hearingAt: null,
    deliberatingAt: null,
    closedAt: null,
    docId: `case:${id}`,
    options: [NO_BREACH_FOUND, 'Advice', 'Formal warning'],
    votes: [],
    decision: null,
    ...change,
  };
}

/** A consequence vote with just the fields the case views read. */
export function aVote(id: string, subject: VoteView['subject'] = 'consequence'): VoteView {
  return { id, subject } as VoteView;
}
