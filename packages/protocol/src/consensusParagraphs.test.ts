import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MARKED_FIELD, openingOf, paragraphsOf, unmarkedParagraph } from './consensusParagraphs.ts';

const block = (name: string, text: string) => {
  const element = new Y.XmlElement(name);
  const content = new Y.XmlText();
  content.insert(0, text);
  element.insert(0, [content]);
  return element;
};

describe('the paragraphs of a standard', () => {
  it('names each non-empty block by its Yjs id, and keeps the name through edits and on another copy', () => {
    const doc = new Y.Doc();
    const text = doc.getXmlFragment(MARKED_FIELD);
    text.insert(0, [
      block('paragraph', 'Leaders tell the truth about what they knew and when they knew it.'),
      block('paragraph', '   '),
      block('heading', 'Openness'),
    ]);
    doc.getXmlFragment('breach').insert(0, [block('paragraph', 'Not a paragraph anyone marks')]);
    const before = paragraphsOf(doc);
    const id = (i: number) => `${text.get(i)._item!.id.client}:${text.get(i)._item!.id.clock}`;
    expect(before).toEqual([
      { key: id(0), text: 'Leaders tell the truth about what they knew and when they knew it.' },
      { key: id(2), text: 'Openness' },
    ]);
    ((text.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Always: ');
    expect(paragraphsOf(doc)[0]).toEqual({ key: before[0]!.key, text: `Always: ${before[0]!.text}` });

    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(paragraphsOf(copy)).toEqual(paragraphsOf(doc));
  });

  it('reads words without their formatting, and opens no transaction (an observer may read it)', () => {
    const doc = new Y.Doc();
    const content = new Y.XmlText();
    const element = new Y.XmlElement('paragraph');
    element.insert(0, [content]);
    doc.getXmlFragment(MARKED_FIELD).insert(0, [element]);
    content.insert(0, 'Leaders answer ');
    content.insert(15, 'in public', { bold: true });
    content.format(15, 2, { italic: true });
    let transactions = 0;
    doc.on('beforeTransaction', () => transactions++);
    expect(paragraphsOf(doc).map((p) => p.text)).toEqual(['Leaders answer in public']);
    expect(transactions).toBe(0);
  });

  it('names a paragraph by its first words', () => {
    expect(openingOf('Leaders tell the truth about what they knew and when')).toBe(
      'Leaders tell the truth about what they knew …',
    );
    expect(openingOf('  Openness \n first ')).toBe('Openness first');
    expect(unmarkedParagraph('1:2', 'Openness')).toMatchObject({ paragraph: '1:2', reading: 'too_few', agree: 0 });
  });
});
