import * as Y from 'yjs';
import {
  ErrorCode,
  pseudonym,
  publicName,
  standardDocId,
  type HistoryAuthor,
  type HistoryDiff,
  type HistoryPointView,
  type Role,
  refusal,
} from '@moot/protocol';
import { listCheckpoints, loadAttribution, readKeptState } from '../../collab/authorship.ts';
import { seatColor } from '../../collab/awarenessIdentity.ts';
import { diffStates } from '../../collab/documentDiff.ts';
import { listMilestones, loadDocument, replay } from '../../collab/documentStore.ts';
import { AppError } from '../../realtime/appError.ts';
import type { Queryable } from '../../storage/database.ts';
import { findStandard } from '../charter/charterStore.ts';
import { amendmentName, amendmentNumbers } from '../exports/amendmentNumbers.ts';
import { participantsOf } from '../exports/names.ts';

const AMENDED = /^amended by amendment ([0-9a-f-]{36})$/;

/** The standard's document, only if the standard is this assembly's. */
async function documentOf(db: Queryable, assemblyId: string, standardId: string): Promise<string> {
  const standard = await findStandard(db, assemblyId, standardId);
  if (!standard)
    throw new AppError(ErrorCode.notFound, 'That standard does not exist', refusal('charter', 'standardNotFound'));
  return standardDocId(standard.id);
}

/**
 * Every point in a standard's history, oldest first: its milestones (locked, adopted, amended
 * by an adopted amendment), a checkpoint each time its edit log was folded, and now.
 */
export async function historyPoints(
  db: Queryable,
  assemblyId: string,
  standardId: string,
): Promise<HistoryPointView[]> {
  const docId = await documentOf(db, assemblyId, standardId);
  const [milestones, checkpoints, numbered] = await Promise.all([
    listMilestones(db, docId),
    listCheckpoints(db, docId),
    amendmentNumbers(db, assemblyId),
  ]);
  const points: HistoryPointView[] = [
    ...milestones.map((m): HistoryPointView => {
      const amendment = numbered.get(AMENDED.exec(m.label)?.[1] ?? '');
      if (amendment)
        return { id: m.id, kind: 'amended', label: amendmentName(amendment), at: m.createdAt.toISOString() };
      const kind = m.label === 'locked' || m.label === 'adopted' ? m.label : 'saved';
      return { id: m.id, kind, label: null, at: m.createdAt.toISOString() };
    }),
    ...checkpoints.map((c): HistoryPointView => ({
      id: c.id,
      kind: 'saved',
      label: null,
      at: c.createdAt.toISOString(),
    })),
  ];
  points.sort((a, b) => a.at.localeCompare(b.at));
  return [...points, { id: 'now', kind: 'now', label: null, at: new Date().toISOString() }];
}

/** The text at a point: a kept copy of this document, or (now) the stored snapshot and log. */
async function stateAt(db: Queryable, docId: string, point: string): Promise<Uint8Array> {
  if (point === 'now') {
    const stored = await loadDocument(db, docId);
    const doc = replay(stored.snapshot, stored.updates);
    try {
      return Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  }
  const state = await readKeptState(db, docId, point);
  if (!state)
    throw new AppError(
      ErrorCode.notFound,
      'That point is not in this standard’s history',
      refusal('history', 'pointNotFound'),
    );
  return state;
}

/**
 * What changed between two points, each run named by its author as this reader may see them:
 * observers see the public name (a pseudonym unless a public figure or shown by choice), the
 * assembly's participants see names (a seat without a name shows its pseudonym).
 */
export async function historyDiff(
  db: Queryable,
  assemblyId: string,
  audience: Role,
  request: { standardId: string; from: string; to: string },
): Promise<HistoryDiff> {
  const docId = await documentOf(db, assemblyId, request.standardId);
  const points = await historyPoints(db, assemblyId, request.standardId);
  const pointView = (id: string) => points.find((p) => p.id === id);
  const [fromView, toView] = [pointView(request.from), pointView(request.to)];
  if (!fromView || !toView)
    throw new AppError(
      ErrorCode.notFound,
      'That point is not in this standard’s history',
      refusal('history', 'pointNotFound'),
    );
  const [from, to] = await Promise.all([stateAt(db, docId, request.from), stateAt(db, docId, request.to)]);
  const blocks = diffStates(from, to);
  const [attribution, people] = await Promise.all([loadAttribution(db, docId), peopleOf(db, assemblyId, audience)]);
  const authors: HistoryAuthor[] = [];
  const indexOf = new Map<string, number>();
  const authorIndex = (client: number): number => {
    const participantId = attribution.get(client);
    const key = participantId === undefined ? 'unknown' : (participantId ?? 'decision');
    let index = indexOf.get(key);
    if (index === undefined) {
      const person = participantId ? people.get(participantId) : undefined;
      const author: HistoryAuthor = person
        ? { kind: 'person', ...person }
        : { kind: participantId === null ? 'decision' : 'unknown', name: null, role: null, color: null };
      index = authors.push(author) - 1;
      indexOf.set(key, index);
    }
    return index;
  };
  return {
    from: fromView,
    to: toView,
    authors,
    blocks: blocks.map((b) => ({
      kind: b.kind,
      runs: b.runs.map((r) => ({ text: r.text, change: r.change, author: authorIndex(r.client) })),
    })),
  };
}

/** Everyone who ever took part (revoked seats included), named as `audience` may see them. */
async function peopleOf(
  db: Queryable,
  assemblyId: string,
  audience: Role,
): Promise<Map<string, Omit<HistoryAuthor, 'kind'>>> {
  const rows = await participantsOf(db, assemblyId);
  return new Map(
    rows.map((p) => [
      p.id,
      {
        name: audience === 'observer' ? publicName(p) : (p.displayName ?? pseudonym(p.seat)),
        role: p.role,
        color: seatColor(p.seat),
      },
    ]),
  );
}
