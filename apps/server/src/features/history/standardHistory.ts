import * as Y from 'yjs';
import {
  ErrorCode,
  pseudonym,
  publicName,
  standardDocId,
  type HistoryAuthor,
  type HistoryDiff,
  type HistoryMoments,
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
import { deletersOf, editBytes, lastFold, loggedEdits, loggedMoments, type LoggedEdit } from './historyLog.ts';

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

const pointNotFound = () =>
  new AppError(ErrorCode.notFound, 'That point is not in this standard’s history', refusal('history', 'pointNotFound'));

const isMoment = (point: string) => point !== 'now' && !/^[0-9a-f]{8}-/i.test(point);

/** The text at a point: a kept copy of this document, the stored snapshot and log (now), or a moment rebuilt. */
async function stateAt(
  db: Queryable,
  docId: string,
  point: HistoryPointView,
  log: { edits: LoggedEdit[]; updates: Uint8Array[] },
): Promise<Uint8Array> {
  if (point.kind === 'now') {
    const stored = await loadDocument(db, docId);
    const doc = replay(stored.snapshot, stored.updates);
    try {
      return Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  }
  if (point.kind === 'moment') return momentState(db, docId, new Date(point.at), log);
  const state = await readKeptState(db, docId, point.id);
  if (!state) throw pointNotFound();
  return state;
}

/**
 * The text at a moment: the last fold's checkpoint (the snapshot as folded) and every edit
 * logged at or before the moment. A moment before the last fold is refused: the edits that
 * led to it were folded away (its saved points remain).
 */
async function momentState(
  db: Queryable,
  docId: string,
  at: Date,
  log: { edits: LoggedEdit[]; updates: Uint8Array[] },
): Promise<Uint8Array> {
  const fold = await lastFold(db, docId);
  if (fold && (at < fold.at || !fold.checkpoint))
    throw new AppError(
      ErrorCode.notFound,
      'The edits before that moment were folded into a saved point',
      refusal('history', 'momentFolded', { at: fold.at.toISOString() }),
    );
  const base = fold?.checkpoint ? await readKeptState(db, docId, fold.checkpoint) : null;
  const doc = replay(
    base,
    log.updates.filter((_, i) => log.edits[i]!.at <= at),
  );
  try {
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** A moment's point: named by its time, to the millisecond. */
const momentPoint = (point: string): HistoryPointView => {
  const at = new Date(point).toISOString();
  return { id: at, kind: 'moment', label: null, at };
};

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
  const pointView = (id: string) => (isMoment(id) ? momentPoint(id) : points.find((p) => p.id === id));
  const [fromView, toView] = [pointView(request.from), pointView(request.to)];
  if (!fromView || !toView) throw pointNotFound();
  // The log is read from the earliest moment's fold (to rebuild it) or from the earlier point
  // (to name who deleted what between the points) up to the later point; bounded.
  const [early, late] = [new Date(fromView.at), new Date(toView.at)].sort((a, b) => a.getTime() - b.getTime()) as [
    Date,
    Date,
  ];
  const rebuilds = fromView.kind === 'moment' || toView.kind === 'moment';
  const edits = await loggedEdits(db, docId, rebuilds ? null : early, late);
  const log = { edits, updates: await editBytes(db, docId, edits) };
  const [from, to] = await Promise.all([stateAt(db, docId, fromView, log), stateAt(db, docId, toView, log)]);
  // Deletions read forwards: a deletion between the points is its deleter's, found in the edits between them.
  const forwards = new Date(fromView.at) < new Date(toView.at);
  const between = (e: LoggedEdit) => e.at > early && e.at <= late;
  const deleters = forwards
    ? deletersOf(
        edits.filter(between),
        log.updates.filter((_, i) => between(edits[i]!)),
      )
    : undefined;
  const blocks = diffStates(from, to, 'text', deleters);
  const [attribution, people] = await Promise.all([loadAttribution(db, docId), peopleOf(db, assemblyId, audience)]);
  const authors: HistoryAuthor[] = [];
  const indexOf = new Map<string, number>();
  const authorIndex = (client: number): number => personIndex(attribution.get(client));
  const personIndex = (participantId: string | null | undefined): number => {
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
      runs: b.runs.map((r) => ({
        text: r.text,
        change: r.change,
        author: authorIndex(r.client),
        ...(r.deleter !== undefined ? { deletedBy: personIndex(r.deleter) } : {}),
      })),
    })),
  };
}

/** The moments a reader can pick: the logged edits' times since the last fold, newest first, a page at a time. */
export async function historyMoments(
  db: Queryable,
  assemblyId: string,
  audience: Role,
  request: { standardId: string; before?: string | undefined },
): Promise<HistoryMoments> {
  const docId = await documentOf(db, assemblyId, request.standardId);
  const [page, people] = await Promise.all([
    loggedMoments(db, docId, request.before ? new Date(request.before) : null),
    peopleOf(db, assemblyId, audience),
  ]);
  return {
    moments: page.moments.map((m) => {
      const person = m.sender ? people.get(m.sender) : undefined;
      return {
        at: m.at.toISOString(),
        author: person
          ? { kind: 'person', ...person }
          : { kind: m.sender === null ? 'decision' : 'unknown', name: null, role: null, color: null },
      };
    }),
    more: page.more,
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
