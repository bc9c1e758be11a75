import * as Y from 'yjs';
import type { HistoryChange } from '@moot/protocol';

/** A stretch of text with one change, written under one Yjs client id (its author: see authorship.ts). */
export interface DiffRun {
  text: string;
  change: HistoryChange;
  client: number;
}

export interface DiffBlock {
  kind: string;
  runs: DiffRun[];
}

/**
 * What changed in one rich-text field between two stored states of the same document (any
 * two: a milestone, a checkpoint, now). Both states are applied to one document that keeps
 * deleted content (`gc: false`), so it holds every item either state shows; each character is
 * then read against each state's own snapshot (state vector and delete set): shown in both
 * (kept), only in `to` (inserted), only in `from` (deleted). Yjs item ids survive every fold,
 * so each run is named by the client id that wrote it.
 */
export function diffStates(from: Uint8Array, to: Uint8Array, field = 'text'): DiffBlock[] {
  const snapshotOf = (state: Uint8Array) => {
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, state);
      return Y.snapshot(doc);
    } finally {
      doc.destroy();
    }
  };
  const before = snapshotOf(from);
  const after = snapshotOf(to);
  const merged = new Y.Doc({ gc: false });
  try {
    Y.transact(merged, () => {
      Y.applyUpdate(merged, from);
      Y.applyUpdate(merged, to);
    });
    const blocks: DiffBlock[] = [];
    walk(merged.getXmlFragment(field), { before: true, after: true }, blocks, null, { before, after });
    return blocks.filter((b) => b.runs.length > 0);
  } finally {
    merged.destroy();
  }
}

type Shown = { before: boolean; after: boolean };
type Snapshots = { before: Y.Snapshot; after: Y.Snapshot };

const shownIn = (snapshot: Y.Snapshot, client: number, clock: number): boolean =>
  clock < (snapshot.sv.get(client) ?? 0) && !Y.isDeleted(snapshot.ds, { client, clock });

/** Each element holding text directly is a block; its runs follow the text's items in order. */
function walk(
  type: { _start: Y.Item | null },
  parent: Shown,
  blocks: DiffBlock[],
  block: DiffBlock | null,
  s: Snapshots,
) {
  for (let item = type._start; item !== null; item = item.right) {
    const { client, clock } = item.id;
    const shown = {
      before: parent.before && shownIn(s.before, client, clock),
      after: parent.after && shownIn(s.after, client, clock),
    };
    const content = item.content;
    if (content instanceof Y.ContentType) {
      const child = content.type;
      if (child instanceof Y.XmlText) {
        const own = block ?? { kind: 'text', runs: [] };
        if (!block) blocks.push(own);
        walk(child, shown, blocks, own, s);
      } else if (child instanceof Y.XmlElement) {
        if (child.nodeName === 'hardBreak' && block) {
          addRun(block, '\n', change(shown), client);
          continue;
        }
        const holdsText = childTypes(child).some((c) => c instanceof Y.XmlText);
        const own = holdsText ? { kind: child.nodeName, runs: [] } : null;
        if (own) blocks.push(own);
        walk(child, shown, blocks, own ?? block, s);
      }
    } else if (content instanceof Y.ContentString && block) {
      // Shown whole in both (deleted in neither, written before both): kept in one piece.
      const end = clock + content.str.length;
      if (
        !item.deleted &&
        parent.before &&
        parent.after &&
        end <= (s.before.sv.get(client) ?? 0) &&
        end <= (s.after.sv.get(client) ?? 0)
      ) {
        addRun(block, content.str, 'kept', client);
        continue;
      }
      // Item boundaries need not fall on the states' boundaries (Yjs merges neighbours): per character.
      for (let i = 0; i < content.str.length; i++) {
        const at = {
          before: parent.before && shownIn(s.before, client, clock + i),
          after: parent.after && shownIn(s.after, client, clock + i),
        };
        addRun(block, content.str[i]!, change(at), client);
      }
    }
  }
}

const change = (shown: Shown): HistoryChange | null =>
  shown.before && shown.after ? 'kept' : shown.after ? 'inserted' : shown.before ? 'deleted' : null;

function addRun(block: DiffBlock, text: string, kind: HistoryChange | null, client: number): void {
  if (!kind) return;
  const last = block.runs.at(-1);
  if (last && last.change === kind && last.client === client) last.text += text;
  else block.runs.push({ text, change: kind, client });
}

/** A type's children, deleted ones included (`toArray` skips them; a deleted paragraph still holds its text here). */
function childTypes(type: { _start: Y.Item | null }): unknown[] {
  const children: unknown[] = [];
  for (let item = type._start; item !== null; item = item.right) {
    if (item.content instanceof Y.ContentType) children.push(item.content.type);
  }
  return children;
}
