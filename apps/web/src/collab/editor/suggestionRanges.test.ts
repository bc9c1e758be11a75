import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { initProseMirrorDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorSelection, suggestionRanges, type BindingMapping } from './suggestionRanges.ts';

const schema = getSchema([StarterKit]);

/** "Leaders tell **the truth**." then "Always<br>openly." as the editor writes them. */
function standard() {
  const doc = new Y.Doc();
  const field = doc.getXmlFragment('text');
  const first = new Y.XmlElement('paragraph');
  const run = new Y.XmlText();
  first.insert(0, [run]);
  const second = new Y.XmlElement('paragraph');
  second.insert(0, [new Y.XmlText('Always'), new Y.XmlElement('hardBreak'), new Y.XmlText('openly.')]);
  field.insert(0, [first, second]);
  run.insert(0, 'Leaders tell ');
  run.insert(13, 'the truth', { bold: {} });
  run.insert(22, '.', {});
  return { doc, field, run };
}

/** The editor's view of the field: its ProseMirror document and the binding's mapping. */
function view(field: Y.XmlFragment) {
  const { doc, mapping } = initProseMirrorDoc(field, schema);
  return { pmDoc: doc, mapping: mapping as BindingMapping };
}

/** The ProseMirror range of `words` in the document. */
function rangeOf(pmDoc: ReturnType<typeof view>['pmDoc'], words: string) {
  let found: { from: number; to: number } | null = null;
  pmDoc.descendants((node, pos) => {
    if (found || !node.isTextblock) return;
    const at = pmDoc.textBetween(pos + 1, pos + node.nodeSize - 1, '\n', '\uFFFC').indexOf(words);
    if (at >= 0) found = { from: pos + 1 + at, to: pos + 1 + at + words.length };
  });
  if (!found) throw new Error(`no “${words}”`);
  return found as { from: number; to: number };
}

describe('drawing suggestions in the editor', () => {
  it('anchors a selection inside one run and maps it back to the same words', () => {
    const { doc, field } = standard();
    const { pmDoc, mapping } = view(field);
    const { from, to } = rangeOf(pmDoc, 'the truth');
    const anchors = anchorSelection(field, mapping, pmDoc, from, to)!;
    expect(anchors.quote).toBe('the truth');
    expect(suggestionRanges(doc, field, mapping, pmDoc, [{ id: 's', ...anchors }])).toEqual([
      { id: 's', from, to, stale: false },
    ]);
  });

  it('follows its words through edits made elsewhere, also right at its edges', () => {
    const { doc, field, run } = standard();
    const before = view(field);
    const anchors = anchorSelection(
      field,
      before.mapping,
      before.pmDoc,
      ...(Object.values(rangeOf(before.pmDoc, 'the truth')) as [number, number]),
    )!;
    // Another replica edits: words before, at both edges, after, and a new first paragraph.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const otherRun = (other.getXmlFragment('text').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    otherRun.insert(0, 'Our ');
    otherRun.insert(4 + 13, '[');
    otherRun.insert(4 + 1 + 22, ']');
    const intro = new Y.XmlElement('paragraph');
    intro.insert(0, [new Y.XmlText('Preamble.')]);
    other.getXmlFragment('text').insert(0, [intro]);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
    expect((run.toDelta() as { insert: string }[]).map((op) => op.insert).join('')).toBe(
      'Our Leaders tell [the truth].',
    );

    const after = view(field);
    const [range] = suggestionRanges(doc, field, after.mapping, after.pmDoc, [{ id: 's', ...anchors }]);
    expect(range).toEqual({ id: 's', stale: false, ...rangeOf(after.pmDoc, 'the truth') });
  });

  it('is stale once its words were changed or its paragraph deleted', () => {
    const { doc, field, run } = standard();
    const shown = view(field);
    const anchors = anchorSelection(
      field,
      shown.mapping,
      shown.pmDoc,
      ...(Object.values(rangeOf(shown.pmDoc, 'the truth')) as [number, number]),
    )!;
    run.delete(17, 1); // "the ruth"
    const edited = view(field);
    expect(suggestionRanges(doc, field, edited.mapping, edited.pmDoc, [{ id: 's', ...anchors }])).toEqual([
      { id: 's', stale: true },
    ]);
    field.delete(0, 1);
    const deleted = view(field);
    expect(suggestionRanges(doc, field, deleted.mapping, deleted.pmDoc, [{ id: 's', ...anchors }])).toEqual([
      { id: 's', stale: true },
    ]);
    expect(
      suggestionRanges(doc, field, deleted.mapping, deleted.pmDoc, [{ id: 'x', start: '!!', end: 'AAAA', quote: '' }]),
    ).toEqual([{ id: 'x', stale: true }]);
  });

  it('refuses to anchor a selection across paragraphs or a line break', () => {
    const { field } = standard();
    const { pmDoc, mapping } = view(field);
    const across = { from: rangeOf(pmDoc, 'truth').from, to: rangeOf(pmDoc, 'Always').to };
    expect(anchorSelection(field, mapping, pmDoc, across.from, across.to)).toBeNull();
    const lineBreak = { from: rangeOf(pmDoc, 'Always').from, to: rangeOf(pmDoc, 'openly').to };
    expect(anchorSelection(field, mapping, pmDoc, lineBreak.from, lineBreak.to)).toBeNull();
    const afterBreak = rangeOf(pmDoc, 'openly');
    expect(anchorSelection(field, mapping, pmDoc, afterBreak.from, afterBreak.to)?.quote).toBe('openly');
  });
});
