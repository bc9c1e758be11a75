import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fragmentWords, readFragment } from './readModel.ts';

/** Two paragraphs as the editor writes them: "Leaders tell the **truth**." and "Always." */
function sample() {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('text');
  const first = new Y.XmlText();
  const second = new Y.XmlText();
  const p1 = new Y.XmlElement('paragraph');
  const p2 = new Y.XmlElement('paragraph');
  p1.insert(0, [first]);
  p2.insert(0, [second]);
  fragment.insert(0, [p1, p2]);
  first.insert(0, 'Leaders tell the ');
  first.insert(17, 'truth', { bold: true });
  first.insert(22, '.', { bold: null });
  second.insert(0, 'Always.');
  return { doc, fragment, first, second };
}

const head = (type: Y.AbstractType<Y.YTextEvent> | Y.XmlFragment, index: number) =>
  Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(type, index));

describe('reading a field without the editor', () => {
  it('keeps blocks, text and marks', () => {
    const { doc, fragment } = sample();
    expect(readFragment(doc, fragment)).toEqual([
      {
        kind: 'element',
        name: 'paragraph',
        attrs: {},
        children: [
          { kind: 'text', text: 'Leaders tell the ', marks: [] },
          { kind: 'text', text: 'truth', marks: ['bold'] },
          { kind: 'text', text: '.', marks: [] },
        ],
      },
      { kind: 'element', name: 'paragraph', attrs: {}, children: [{ kind: 'text', text: 'Always.', marks: [] }] },
    ]);
  });

  it("places co-editors' carets where their positions resolve, and follows later edits", () => {
    const { doc, fragment, first, second } = sample();
    const grace = { clientId: 7, name: 'Member 2', color: '#1f5fbf', head: head(first, 8) };
    const alan = { clientId: 9, name: 'Member 3', color: '#a1331f', head: head(second, 7) };
    const caret = (c: typeof grace) => ({ kind: 'caret', name: c.name, color: c.color, clientId: c.clientId });
    const read = () => readFragment(doc, fragment, [grace, alan]) as { children: unknown[] }[];
    expect(read()[0]!.children.slice(0, 3)).toEqual([
      { kind: 'text', text: 'Leaders ', marks: [] },
      caret(grace),
      { kind: 'text', text: 'tell the ', marks: [] },
    ]);
    expect(read()[1]!.children).toEqual([{ kind: 'text', text: 'Always.', marks: [] }, caret(alan)]);
    // Text typed before Grace's caret moves it along: a relative position, not an offset.
    first.insert(0, 'Good ');
    expect(read()[0]!.children[0]).toEqual({ kind: 'text', text: 'Good Leaders ', marks: [] });
  });

  it('draws no caret for a position elsewhere or unreadable', () => {
    const { doc, fragment } = sample();
    const elsewhere = doc.getXmlFragment('breach');
    const carets = [
      { clientId: 1, name: 'x', color: '', head: head(elsewhere, 0) },
      { clientId: 2, name: 'y', color: '', head: { nonsense: true } },
    ];
    expect(JSON.stringify(readFragment(doc, fragment, carets))).not.toContain('caret');
  });

  it('lists the words of a field across blocks', () => {
    expect(fragmentWords(sample().fragment)).toEqual(['Leaders', 'tell', 'the', 'truth.', 'Always.']);
  });
});
