import fc from 'fast-check';
import MarkdownIt, { type Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fragmentToMarkdown, MAX_EXPORT_NESTING } from '../src/collab/documentText.ts';
import { CONTROL } from '../src/collab/inlineMarkdown.ts';

/**
 * Exports stay inert: any document the editor's schema can hold (StarterKit: paragraph,
 * heading, blockquote, bullet and ordered lists, code block, horizontal rule, hard break; bold,
 * italic, strike, underline, code and link marks), plus nodes and marks outside it, filled with
 * hostile text, comes out of fragmentToMarkdown as Markdown that a standard CommonMark renderer
 * (markdown-it, raw HTML enabled) turns into only the elements the exporter means, with no
 * attribute but an http(s) href on a link and a list's start — and every text the member typed
 * reads back as text.
 */

const HOSTILE = [
  '```',
  '````',
  '~~~',
  '\n```\n<script>alert(1)</script>\n```\n',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '![x](javascript:alert(1))',
  '<javascript:alert(1)>',
  '<https://example.org>',
  '[x]: javascript:alert(1)',
  '&lt;script&gt;',
  '&#60;b&#62;',
  '&amp;',
  '\\',
  '\\\\',
  '*',
  '**',
  '_',
  '__',
  '~~',
  '`',
  '# ',
  '> ',
  '- ',
  '1. ',
  '1) ',
  '===',
  '---',
  '| a | b |\n|---|---|',
  '    indented',
  '\t',
  ' ',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\u000b',
  '\ufeff',
  '\u3000',
  '\r\n',
  'é',
  '—',
  '…',
  'a',
  'word',
] as const;

const hostileText = fc
  .array(
    fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 })),
    {
      minLength: 1,
      maxLength: 4,
    },
  )
  .map((parts) => parts.join(''))
  .filter((text) => text.length > 0 && !text.includes('\0'));

const HREFS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\nscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  '//evil.example',
  'https://example.org/a?b=<c>&d="e"#`f`',
  'http://example.org/(x)>)<script>',
  'https://example.org/&lt;',
  'not a url',
] as const;

type Attributes = Record<string, unknown>;
const markAttributes: fc.Arbitrary<Attributes> = fc
  .record(
    {
      bold: fc.constant({}),
      italic: fc.constant({}),
      strike: fc.constant({}),
      underline: fc.constant({}),
      code: fc.constant({}),
      link: fc.record({ href: fc.constantFrom(...HREFS), target: fc.constant('_blank'), class: hostileText }),
      'bold--abcdefgh': fc.constant({}),
      script: fc.record({ onclick: hostileText }),
    },
    { requiredKeys: [] },
  )
  .map((a) => a as Attributes);

interface Run {
  text: string;
  attributes: Attributes;
}
type Inline =
  { kind: 'runs'; runs: Run[] } | { kind: 'hardBreak' } | { kind: 'span'; name: string; children: Inline[] };
type Block =
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'heading'; level: unknown; content: Inline[] }
  | { kind: 'codeBlock'; language: string; runs: Run[] }
  | { kind: 'horizontalRule' }
  | { kind: 'blockquote'; children: Block[] }
  | { kind: 'list'; ordered: boolean; start: unknown; items: Block[][] }
  | { kind: 'unknown'; name: string; attributes: Attributes; children: Block[] };

const runs = fc.array(fc.record({ text: hostileText, attributes: markAttributes }), { minLength: 1, maxLength: 4 });
const inline: fc.Arbitrary<Inline[]> = fc.array(
  fc.oneof(
    { weight: 5, arbitrary: runs.map((r): Inline => ({ kind: 'runs', runs: r })) },
    { weight: 1, arbitrary: fc.constant<Inline>({ kind: 'hardBreak' }) },
    {
      weight: 1,
      arbitrary: fc
        .record({ name: fc.constantFrom('img', 'script', 'mention'), runs })
        .map((s): Inline => ({ kind: 'span', name: s.name, children: [{ kind: 'runs', runs: s.runs }] })),
    },
  ),
  { maxLength: 5 },
);

const { block } = fc.letrec<{ block: Block; blocks: Block[] }>((tie) => ({
  blocks: fc.array(tie('block'), { minLength: 1, maxLength: 3 }),
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    inline.map((content): Block => ({ kind: 'paragraph', content })),
    fc
      .record({ level: fc.constantFrom(1, 2, 3, 6, '2', 0, 9, '<script>', null), content: inline })
      .map((h): Block => ({ kind: 'heading', ...h })),
    fc
      .record({ language: fc.constantFrom('', 'js', '`', 'x onerror=alert(1)', '"><script>'), runs })
      .map((c): Block => ({ kind: 'codeBlock', ...c })),
    fc.constant<Block>({ kind: 'horizontalRule' }),
    tie('blocks').map((children): Block => ({ kind: 'blockquote', children })),
    fc
      .record({
        ordered: fc.boolean(),
        start: fc.constantFrom(1, 3, 0, -1, 1e12, '7', '<script>', null),
        items: fc.array(tie('blocks'), { minLength: 1, maxLength: 3 }),
      })
      .map((l): Block => ({ kind: 'list', ...l })),
    fc
      .record({
        name: fc.constantFrom('script', 'img', 'iframe', 'listItem', 'doc'),
        attributes: fc.constantFrom({}, { src: 'x', onerror: 'alert(1)' }, { href: 'javascript:alert(1)' }),
        children: tie('blocks'),
      })
      .map((u): Block => ({ kind: 'unknown', ...u })),
  ),
}));
const documentBlocks = fc.array(block, { minLength: 1, maxLength: 4 });

// Build the Yjs XML the server stores (y-prosemirror's encoding: node names, attributes, marks as text attributes).
function element(name: string, attributes: Attributes, children: (Y.XmlElement | Y.XmlText)[]): Y.XmlElement {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value as string);
  node.insert(0, children);
  return node;
}
function textNode(from: readonly Run[]): Y.XmlText {
  const text = new Y.XmlText();
  text.applyDelta(from.map((r) => ({ insert: r.text, attributes: r.attributes })));
  return text;
}
const toInline = (content: readonly Inline[]): (Y.XmlElement | Y.XmlText)[] =>
  content.map((c) =>
    c.kind === 'runs'
      ? textNode(c.runs)
      : c.kind === 'hardBreak'
        ? element('hardBreak', {}, [])
        : element(c.name, { onerror: 'alert(1)' }, toInline(c.children)),
  );
function toYjs(b: Block): Y.XmlElement {
  switch (b.kind) {
    case 'paragraph':
      return element('paragraph', {}, toInline(b.content));
    case 'heading':
      return element('heading', b.level === null ? {} : { level: b.level }, toInline(b.content));
    case 'codeBlock':
      return element('codeBlock', { language: b.language }, [textNode(b.runs)]);
    case 'horizontalRule':
      return element('horizontalRule', {}, []);
    case 'blockquote':
      return element('blockquote', {}, b.children.map(toYjs));
    case 'list':
      return element(
        b.ordered ? 'orderedList' : 'bulletList',
        b.start === null ? {} : { start: b.start },
        b.items.map((item) => element('listItem', {}, item.map(toYjs))),
      );
    case 'unknown':
      return element(b.name, b.attributes, b.children.map(toYjs));
  }
}

/** What the member typed, block by block in reading order: paragraphs, headings, code. */
function typed(blocks: readonly Block[]): string[] {
  // A hard break ending a paragraph or heading breaks nothing; the rest read as a line break (a
  // space in a heading). Control characters but tab are dropped: they show nowhere.
  const inlineText = (content: readonly Inline[], lineBreak: string): string => {
    const flat = (from: readonly Inline[]): (string | null)[] =>
      from.flatMap((c) =>
        c.kind === 'runs'
          ? c.runs.map((r) => r.text.replace(/[\r\n]/g, ' ').replace(CONTROL, ''))
          : c.kind === 'hardBreak'
            ? [null]
            : flat(c.children),
      );
    const parts = flat(content).filter((p) => p !== '');
    while (parts.length > 0 && parts.at(-1) === null) parts.pop();
    return parts.map((p) => p ?? lineBreak).join('');
  };
  return blocks.flatMap((b): string[] => {
    switch (b.kind) {
      case 'paragraph':
        return [inlineText(b.content, '\n')];
      case 'heading':
        return [inlineText(b.content, ' ')];
      case 'codeBlock':
        return [
          b.runs
            .map((r) => r.text)
            .join('')
            .replace(/\r\n?/g, '\n'),
        ];
      case 'horizontalRule':
        return [];
      case 'blockquote':
      case 'unknown':
        return typed(b.children);
      case 'list':
        return b.items.flatMap(typed);
    }
  });
}

const markdownIt = new MarkdownIt({ html: true });
const BLOCK_TOKENS = new Set(
  ['paragraph', 'heading', 'bullet_list', 'ordered_list', 'list_item', 'blockquote'].flatMap((t) => [
    `${t}_open`,
    `${t}_close`,
  ]),
);
['fence', 'hr', 'inline'].forEach((t) => BLOCK_TOKENS.add(t));
const INLINE_TOKENS = new Set(['text', 'hardbreak', 'code_inline', 'link_open', 'link_close']);
['strong', 'em', 's'].forEach((t) => (INLINE_TOKENS.add(`${t}_open`), INLINE_TOKENS.add(`${t}_close`)));
const isWebAddress = (href: string) => /^https?:$/.test(new URL(href).protocol);

/** Every element, attribute and link in the rendered HTML is one the exporter intends. */
function expectInert(markdown: string): Token[] {
  const tokens = markdownIt.parse(markdown, {});
  for (const token of tokens) {
    expect(BLOCK_TOKENS, `block token ${token.type} in\n${markdown}`).toContain(token.type);
    if (token.type === 'fence') expect(token.info).toBe('');
    const attributes = token.attrs ?? [];
    if (token.type === 'ordered_list_open')
      expect(attributes.map(([name]) => name)).toEqual(attributes.length ? ['start'] : []);
    else expect(attributes, token.type).toEqual([]);
    for (const child of token.children ?? []) {
      expect(INLINE_TOKENS, `inline token ${child.type} in\n${markdown}`).toContain(child.type);
      if (child.type === 'link_open') {
        expect(child.attrs!.map(([name]) => name)).toEqual(['href']);
        const href = String(child.attrGet('href'));
        expect(isWebAddress(href), href).toBe(true);
      } else expect(child.attrs ?? [], child.type).toEqual([]);
    }
  }
  // The same, read from the HTML itself: every tag is one of ours, with only its intended attributes.
  const html = markdownIt.render(markdown);
  for (const [tag, name, rest] of html.matchAll(/<\/?([a-zA-Z][^\s/>]*)([^>]*)>/g)) {
    expect(
      [
        'p',
        'h1',
        'h2',
        'h3',
        'h4',
        'h5',
        'h6',
        'ul',
        'ol',
        'li',
        'blockquote',
        'pre',
        'code',
        'hr',
        'br',
        'strong',
        'em',
        's',
        'a',
      ],
      tag,
    ).toContain(name);
    if (name === 'a' && !tag.startsWith('</')) expect(rest).toMatch(/^ href="https?:\/\/[^"]*"$/);
    else if (name === 'ol') expect(rest).toMatch(/^( start="\d+")?$/);
    else expect(rest, tag).toBe('');
  }
  return tokens;
}

/** The text of each paragraph, heading and code block the renderer reads, in order. */
function readBack(tokens: readonly Token[]): string[] {
  return tokens.flatMap((token) => {
    if (token.type === 'fence') return [token.content.replace(/\n$/, '')];
    if (token.type !== 'inline') return [];
    return [
      (token.children ?? [])
        .map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : c.type === 'hardbreak' ? '\n' : ''))
        .join(''),
    ];
  });
}

const exported = (blocks: readonly Block[]): string => {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('text');
  fragment.insert(0, blocks.map(toYjs));
  const markdown = fragmentToMarkdown(fragment);
  doc.destroy();
  return markdown;
};
const nonEmpty = (texts: string[]) => texts.filter((t) => t !== '');

describe('a document exported to Markdown stays inert', () => {
  it('renders random hostile documents to only the intended elements, and every typed text reads back', () => {
    fc.assert(
      fc.property(documentBlocks, (blocks) => {
        const markdown = exported(blocks);
        const tokens = expectInert(markdown);
        expect(nonEmpty(readBack(tokens)), markdown).toEqual(nonEmpty(typed(blocks)));
      }),
      { numRuns: 200 },
    );
  }, 300_000);

  it('keeps a code block holding a ``` line, raw HTML and marks closed inside its fence', () => {
    const blocks: Block[] = [
      {
        kind: 'codeBlock',
        language: '',
        runs: [
          { text: 'const a = 1;\n```\n<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n', attributes: {} },
          { text: '[x](javascript:alert(1))', attributes: { bold: {}, link: { href: 'javascript:alert(1)' } } },
        ],
      },
      { kind: 'paragraph', content: [{ kind: 'runs', runs: [{ text: 'after', attributes: {} }] }] },
    ];
    const markdown = exported(blocks);
    const tokens = expectInert(markdown);
    expect(readBack(tokens)).toEqual(typed(blocks));
    expect(markdown).not.toContain('<bold>');
  });

  it('opens a mark after a character JavaScript calls space and CommonMark does not', () => {
    // Found by the property above: "~~" after U+2028 and before "`" was neither left- nor
    // right-flanking, so the strike read back as text.
    for (const separator of ['\u2028', '\u2029', '\u000b', '\ufeff', '\t']) {
      const blocks: Block[] = [
        {
          kind: 'paragraph',
          content: [
            {
              kind: 'runs',
              runs: [
                { text: ` ${separator}`, attributes: { bold: {} } },
                { text: '```', attributes: { strike: {}, 'bold--abcdefgh': {} } },
              ],
            },
          ],
        },
      ];
      const tokens = expectInert(exported(blocks));
      expect(nonEmpty(readBack(tokens)), JSON.stringify(separator)).toEqual(nonEmpty(typed(blocks)));
      const kinds = tokens.flatMap((t) => (t.children ?? []).map((c) => c.type));
      expect(kinds).toContain('s_open');
    }
  });

  it('keeps a linked code span holding a bracket from reading as a link definition', () => {
    // Found by the property above: "[`]:`](<…>)" opening a paragraph is a definition, and vanished.
    const blocks: Block[] = [
      {
        kind: 'paragraph',
        content: [
          { kind: 'runs', runs: [{ text: ']:', attributes: { code: {}, link: { href: 'https://example.org/' } } }] },
        ],
      },
    ];
    const tokens = expectInert(exported(blocks));
    expect(nonEmpty(readBack(tokens))).toEqual([']:']);
    const links = tokens.flatMap((t) => (t.children ?? []).filter((c) => c.type === 'link_open'));
    expect(links.map((l) => l.attrGet('href'))).toEqual(['https://example.org/']);
  });

  it('writes a link only for an http(s) address, keeping the text of any other', () => {
    const link = (href: string): Block => ({
      kind: 'paragraph',
      content: [{ kind: 'runs', runs: [{ text: 'click', attributes: { link: { href } } }] }],
    });
    const tokens = expectInert(exported([link('https://example.org/x'), link('javascript:alert(1)')]));
    const links = tokens.flatMap((t) => (t.children ?? []).filter((c) => c.type === 'link_open'));
    expect(links.map((l) => l.attrGet('href'))).toEqual(['https://example.org/x']);
    expect(nonEmpty(readBack(tokens))).toEqual(['click', 'click']);
  });

  it('flattens containers nested deeper than the limit, keeping their text', () => {
    let deep: Block = {
      kind: 'paragraph',
      content: [{ kind: 'runs', runs: [{ text: '<b>deep</b>', attributes: {} }] }],
    };
    for (let i = 0; i < 200; i++)
      deep =
        i % 2
          ? { kind: 'blockquote', children: [deep] }
          : { kind: 'list', ordered: false, start: null, items: [[deep]] };
    const tokens = expectInert(exported([deep]));
    expect(nonEmpty(readBack(tokens))).toEqual(['<b>deep</b>']);
    expect(tokens.filter((t) => t.type === 'blockquote_open').length).toBeLessThanOrEqual(MAX_EXPORT_NESTING);
  });
});
