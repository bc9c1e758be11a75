import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fragmentToMarkdown } from './documentText.ts';

const element = (name: string, children: (Y.XmlElement | Y.XmlText)[], attrs: Record<string, string> = {}) => {
  const el = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.insert(0, children);
  return el;
};
const text = (value: string, attributes?: Record<string, unknown>) => {
  const t = new Y.XmlText();
  t.insert(0, value, attributes);
  return t;
};

describe('fragmentToMarkdown', () => {
  it('writes headings, paragraphs with marks, and lists', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('text');
    fragment.insert(0, [
      element('heading', [text('Honesty')], { level: '2' }),
      element('paragraph', [text('Leaders '), text('never', { bold: true }), text(' mislead.')]),
      element('bulletList', [
        element('listItem', [element('paragraph', [text('in public')])]),
        element('listItem', [element('paragraph', [text('in private')])]),
      ]),
    ]);
    expect(fragmentToMarkdown(fragment)).toBe(
      '## Honesty\n\nLeaders **never** mislead\\.\n\n- in public\n- in private',
    );
  });

  it('keeps what members typed literal: no HTML or markup gets through', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('text');
    fragment.insert(0, [element('paragraph', [text('<script>alert(1)</script> [x](javascript:y)')])]);
    const markdown = fragmentToMarkdown(fragment);
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain('\\<script\\>');
    expect(markdown).not.toMatch(/[^\\]\[x\]/);
  });
});
