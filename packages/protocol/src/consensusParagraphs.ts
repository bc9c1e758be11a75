import * as Y from 'yjs';
import type { StandardField } from './charter.ts';
import type { ParagraphConsensus } from './consensus.ts';

/**
 * The paragraphs of a standard as the consensus map names and reads them, read alike by the
 * server (from the stored text) and by a member's device (from its live copy): a mark is sent
 * with the key the device read and counted against the key the server reads, so the two must
 * never differ.
 */
export interface Paragraph {
  /** The Yjs id of the block's element, `<client>:<clock>` (`PARAGRAPH_KEY`). */
  key: string;
  /** The block's words, formatting aside. */
  text: string;
}

/** The field of a standard's document whose blocks are the paragraphs (not the breach field's). */
export const MARKED_FIELD: StandardField = 'text';

/** The non-empty top-level blocks of a standard's text, in order. `doc` is the standard's document. */
export function paragraphsOf(doc: Y.Doc): Paragraph[] {
  return doc
    .getXmlFragment(MARKED_FIELD)
    .toArray()
    .flatMap((node) => {
      const item = node instanceof Y.XmlElement || node instanceof Y.XmlText ? node._item : null;
      const text = textOf(node).trim();
      return item && text ? [{ key: `${item.id.client}:${item.id.clock}`, text }] : [];
    });
}

/**
 * A block's words, read from its items without opening a Yjs transaction: one that ends inside
 * an observer of the shared document runs Yjs's formatting clean-up, which can change the
 * document (an adopted suggestion's bold spread onto its italic words). Hence not `toDelta()`,
 * which opens one when given snapshots.
 */
function textOf(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) {
    let text = '';
    for (let item = node._start; item; item = item.right)
      if (!item.deleted && item.content instanceof Y.ContentString) text += item.content.str;
    return text;
  }
  if (node instanceof Y.XmlElement) return node.toArray().map(textOf).join(' ');
  return '';
}

/** The paragraph's first words, for tables and lists that must name it. */
export function openingOf(text: string, words = 8): string {
  const all = text.split(/\s+/).filter(Boolean);
  return all.length <= words ? all.join(' ') : `${all.slice(0, words).join(' ')} …`;
}

/**
 * A paragraph no current mark counts on (nobody has marked it, or it was typed a moment ago):
 * too few marks to read. `wording` is empty where the reader has no hash of its text.
 */
export const unmarkedParagraph = (paragraph: string, opening: string, wording = ''): ParagraphConsensus => ({
  paragraph,
  opening,
  agree: 0,
  disagree: 0,
  pass: 0,
  groups: [],
  bridging: 0,
  division: 0,
  reading: 'too_few',
  earlier: 0,
  wording,
});
