import * as Y from 'yjs';
import type { HistoryChange } from '@moot/protocol';

/** A stretch of text with one change, written under one Yjs client id (its author: see authorship.ts). */
export interface DiffRun {
  text: string;
  change: HistoryChange;
  client: number;
  /** For a deleted run, who deleted it, as `deleterOf` said (undefined: not known). */
  deleter?: string | null;
}

/** Who deleted the character with this id (a participant; null: the assembly's decision; undefined: not known). */
export type DeleterOf = (client: number, clock: number) => string | null | undefined;

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
export function diffStates(from: Uint8Array, to: Uint8Array, field = 'text', deleterOf?: DeleterOf): DiffBlock[] {
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
    walk(merged.getXmlFragment(field), { before: true, after: true }, blocks, null, { before, after, deleterOf });
    return blocks.filter((b) => b.runs.length > 0);
  } finally {
    merged.destroy();
  }
}

/** Whether an item shows at each point; for one deleted between them, who deleted it or its nearest deleted ancestor. */
type Shown = { before: boolean; after: boolean; deleter?: string | null | undefined };
type Snapshots = { before: Y.Snapshot; after: Y.Snapshot; deleterOf: DeleterOf | undefined };

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
    const shown: Shown = {
      before: parent.before && shownIn(s.before, client, clock),
      after: parent.after && shownIn(s.after, client, clock),
    };
    if (shown.before && !shown.after) shown.deleter = deleterOf(s, parent, client, clock);
    const content = item.content;
    if (content instanceof Y.ContentType) {
      const child = content.type;
      if (child instanceof Y.XmlText) {
        const own = block ?? { kind: 'text', runs: [] };
        if (!block) blocks.push(own);
        walk(child, shown, blocks, own, s);
      } else if (child instanceof Y.XmlElement) {
        if (child.nodeName === 'hardBreak' && block) {
          addRun(block, '\n', change(shown), client, shown.deleter);
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
        const kind = change(at);
        addRun(
          block,
          content.str[i]!,
          kind,
          client,
          kind === 'deleted' ? deleterOf(s, parent, client, clock + i) : undefined,
        );
      }
    }
  }
}

/** Who deleted this character or element: its own deletion if known, else its deleted ancestor's. */
function deleterOf(s: Snapshots, parent: Shown, client: number, clock: number): string | null | undefined {
  const own = s.deleterOf?.(client, clock);
  return own !== undefined ? own : parent.before && !parent.after ? parent.deleter : undefined;
}

const change = (shown: Shown): HistoryChange | null =>
  shown.before && shown.after ? 'kept' : shown.after ? 'inserted' : shown.before ? 'deleted' : null;

function addRun(
  block: DiffBlock,
  text: string,
  kind: HistoryChange | null,
  client: number,
  deleter?: string | null,
): void {
  if (!kind) return;
  const who = kind === 'deleted' ? deleter : undefined;
  const last = block.runs.at(-1);
  if (last && last.change === kind && last.client === client && last.deleter === who) last.text += text;
  else
    block.runs.push(who === undefined ? { text, change: kind, client } : { text, change: kind, client, deleter: who });
}

/** A type's children, deleted ones included (`toArray` skips them; a deleted paragraph still holds its text here). */
function childTypes(type: { _start: Y.Item | null }): unknown[] {
  const children: unknown[] = [];
  for (let item = type._start; item !== null; item = item.right) {
    if (item.content instanceof Y.ContentType) children.push(item.content.type);
  }
  return children;
}
