import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SuggestionView } from '@moot/protocol';
import { fragmentToMarkdown } from '../../collab/documentText.ts';
import { applySuggestion, locate, staleness, textAt } from './suggestion.ts';

/** "Leaders tell **the truth** to members." then a list "- Always" as the editor writes them. */
function standard() {
  const doc = new Y.Doc();
  const field = doc.getXmlFragment('text');
  const paragraph = new Y.XmlElement('paragraph');
  const run = new Y.XmlText();
  paragraph.insert(0, [run]);
  const list = new Y.XmlElement('bulletList');
  const item = new Y.XmlElement('listItem');
  const inner = new Y.XmlElement('paragraph');
  inner.insert(0, [new Y.XmlText('Always')]);
  item.insert(0, [inner]);
  list.insert(0, [item]);
  field.insert(0, [paragraph, list]);
  run.insert(0, 'Leaders tell ');
  run.insert(13, 'the truth', { bold: {} });
  run.insert(22, ' to members.', {});
  const breach = new Y.XmlElement('paragraph');
  breach.insert(0, [new Y.XmlText('Warning first.')]);
  doc.getXmlFragment('breach').insert(0, [breach]);
  return { doc, run };
}

const encode = (type: Y.XmlText, index: number, assoc: number) =>
  Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(type, index, assoc))).toString('base64');

/** As the web client anchors a range: the start sticks to the character after it, the end to the one before. */
function suggest(run: Y.XmlText, from: number, to: number, content: SuggestionView['content']): SuggestionView {
  const quote = textOf(run).slice(from, to);
  return { start: encode(run, from, 0), end: encode(run, to, -1), quote, content };
}
const textOf = (run: Y.XmlText) => (run.toDelta() as { insert: string }[]).map((op) => op.insert).join('');

/** Two replicas: `a` holds the suggestion, `b` edits concurrently, then both exchange updates. */
function replicas() {
  const { doc: a, run } = standard();
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const runB = (b.getXmlFragment('text').get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const exchange = () => {
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  };
  return { a, b, run, runB, exchange };
}

describe('a suggestion anchored in the text', () => {
  it('keeps its range through concurrent edits before, after and right at its edges', () => {
    const { a, run, runB, exchange } = replicas();
    const suggestion = suggest(run, 13, 22, [{ type: 'text', text: 'the whole truth' }]);
    expect(suggestion.quote).toBe('the truth');
    runB.insert(0, 'All ');
    runB.insert(4 + 13, '[before]'); // exactly at the start edge
    runB.insert(4 + 8 + 22, '[after]'); // exactly at the end edge
    runB.insert(textOf(runB).length, ' Always.');
    exchange();
    expect(textOf(run)).toBe('All Leaders tell [before]the truth[after] to members. Always.');
    const at = locate(a, suggestion.start, suggestion.end)!;
    expect(textAt(at)).toBe('the truth');
    expect(staleness(a, suggestion)).toBeNull();
  });

  it('replaces exactly its range, with its own marks, keeping every other formatting', () => {
    const { doc, run } = standard();
    const suggestion = suggest(run, 17, 22, [
      { type: 'text', text: 'whole', marks: [{ type: 'italic' }] },
      { type: 'text', text: ' truth' },
    ]);
    expect(applySuggestion(doc, suggestion)).toBeNull();
    expect(run.toDelta()).toEqual([
      { insert: 'Leaders tell ' },
      { insert: 'the ', attributes: { bold: {} } },
      { insert: 'whole', attributes: { italic: {} } },
      { insert: ' truth to members.' },
    ]);
    expect(fragmentToMarkdown(doc.getXmlFragment('text'))).toMatch(/whole_ truth to members\\.\n\n- Always$/);
    // The text after the range keeps its own (absent) marks; the breach field is untouched.
    expect(fragmentToMarkdown(doc.getXmlFragment('breach'))).toBe('Warning first\\.');
  });

  it('inserts without marks next to bold text, and links only what it says', () => {
    const { doc, run } = standard();
    const insertion = suggest(run, 22, 22, [
      { type: 'text', text: ' and facts', marks: [{ type: 'link', attrs: { href: 'https://example.org/facts' } }] },
    ]);
    expect(insertion.quote).toBe('');
    expect(applySuggestion(doc, insertion)).toBeNull();
    expect(run.toDelta()).toEqual([
      { insert: 'Leaders tell ' },
      { insert: 'the truth', attributes: { bold: {} } },
      { insert: ' and facts', attributes: { link: { href: 'https://example.org/facts' } } },
      { insert: ' to members.' },
    ]);
  });

  it('is stale once its words were edited, and gone once its paragraph was deleted', () => {
    const edited = replicas();
    const one = suggest(edited.run, 13, 22, [{ type: 'text', text: 'honesty' }]);
    edited.runB.delete(14, 2); // "the" loses two letters
    edited.exchange();
    expect(staleness(edited.a, one)).toBe('edited');
    expect(applySuggestion(edited.a, one)).toBe('edited');
    expect(textOf(edited.run)).toBe('Leaders tell t truth to members.');

    const deleted = replicas();
    const two = suggest(deleted.run, 13, 22, [{ type: 'text', text: 'honesty' }]);
    deleted.b.getXmlFragment('text').delete(0, 1);
    deleted.exchange();
    expect(staleness(deleted.a, two)).toBe('deleted');
    expect(applySuggestion(deleted.a, two)).toBe('deleted');
  });

  it('refuses anchors outside one run of the standard text: another field, two runs, root names, garbage', () => {
    const { doc, run } = standard();
    const breachRun = (doc.getXmlFragment('breach').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const listRun = (
      ((doc.getXmlFragment('text').get(1) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlElement
    ).get(0) as Y.XmlText;
    expect(locate(doc, encode(breachRun, 0, 0), encode(breachRun, 4, -1))).toBeNull();
    expect(locate(doc, encode(run, 3, 0), encode(listRun, 2, -1))).toBeNull();
    expect(locate(doc, encode(run, 8, 0), encode(run, 3, -1))).toBeNull();
    const rootNamed = Buffer.from(
      Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(doc.getXmlFragment('text'), 0)),
    ).toString('base64');
    expect(locate(doc, rootNamed, rootNamed)).toBeNull();
    expect(doc.share.has('invented')).toBe(false);
    const invented = Buffer.from(Y.encodeRelativePosition(new Y.RelativePosition(null, 'invented', null, 0))).toString(
      'base64',
    );
    expect(locate(doc, invented, invented)).toBeNull();
    expect(doc.share.has('invented')).toBe(false);
    expect(locate(doc, 'AAAA', 'AAAA')).toBeNull();
    expect(locate(doc, Buffer.from([1, 200, 7, 9]).toString('base64'), 'AAAA')).toBeNull();
    // A position naming a client or clock the document does not have.
    const unknown = Buffer.from(
      Y.encodeRelativePosition(new Y.RelativePosition(null, null, Y.createID(424242, 9), 0)),
    ).toString('base64');
    expect(locate(doc, unknown, unknown)).toBeNull();
    expect(textAt(locate(doc, encode(listRun, 0, 0), encode(listRun, 6, -1))!)).toBe('Always');
  });
});
