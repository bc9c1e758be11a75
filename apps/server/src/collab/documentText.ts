import * as Y from 'yjs';
import { inlineMarkdown, plainInline, type InlineNode } from './inlineMarkdown.ts';

/**
 * Markdown from a rich-text field: the ProseMirror schema the editor (TipTap's StarterKit)
 * writes into a Y.XmlFragment — paragraphs, headings, bullet and ordered lists, quotes, code
 * blocks, horizontal rules and hard breaks; bold, italic, strike, underline, code and link
 * marks. The server stores whatever a client sends, so anything outside that schema is read
 * as its plain text. Nothing a member typed becomes markup: text is escaped (inlineMarkdown),
 * a code block's fence is longer than any run of backticks inside it, and a link survives only
 * with an http(s) address.
 */
export function fragmentToMarkdown(fragment: Y.XmlFragment): string {
  return blocks(fragment.toArray(), 0).join('\n\n');
}

/**
 * Containers (quotes, lists, items) nested deeper than this are written flat, as their
 * paragraphs: CommonMark renderers stop parsing at a nesting limit of their own (markdown-it's
 * strict preset at 20 levels), and a hostile document could nest thousands deep.
 */
export const MAX_EXPORT_NESTING = 8;

type Node = Y.XmlElement | Y.XmlText | Y.XmlHook;

/** Each block's Markdown, without the blank lines between them. */
function blocks(nodes: readonly Node[], depth: number): string[] {
  const out: string[] = [];
  let loose: InlineNode[] = [];
  // Text or inline nodes sitting directly in a container (outside the schema) make a paragraph.
  const flushLoose = () => {
    const written = inlineMarkdown(loose);
    if (written) out.push(written);
    loose = [];
  };
  for (const node of nodes) {
    if (node instanceof Y.XmlHook) continue;
    if (node instanceof Y.XmlText || node.nodeName === 'hardBreak') {
      loose.push(node);
      continue;
    }
    flushLoose();
    const written = block(node, depth);
    if (written) out.push(written);
  }
  flushLoose();
  return out;
}

function block(node: Y.XmlElement, depth: number): string {
  const children = node.toArray();
  const nested = depth >= MAX_EXPORT_NESTING;
  switch (node.nodeName) {
    case 'paragraph':
      return inlineMarkdown(children);
    case 'heading': {
      const level = Math.min(6, Math.max(1, Math.trunc(Number(node.getAttribute('level'))) || 1));
      // An ATX heading is one line: a hard break inside one becomes a space.
      return `${'#'.repeat(level)} ${inlineMarkdown(children, { breaks: 'space' })}`.trimEnd();
    }
    case 'codeBlock':
      return fenced(plainText(node));
    case 'horizontalRule':
      // Not `---` or `***`: a line of list markers (`- * -`) would read as a rule of the same character.
      return '___';
    case 'blockquote':
      if (nested) break;
      return prefixLines(blocks(children, depth + 1).join('\n\n'), '> ', '>');
    case 'bulletList':
    case 'orderedList': {
      if (nested) break;
      const items = children.filter((c): c is Y.XmlElement => c instanceof Y.XmlElement);
      const start = orderedStart(node);
      // Nested lists alternate `-` and `*`, so empty items (`- * -`) never make a thematic break.
      const bullet = Math.floor(depth / 2) % 2 === 0 ? '- ' : '* ';
      return items
        .map((item, i) => {
          const marker = node.nodeName === 'orderedList' ? `${start + i}. ` : bullet;
          // An item's content is its children (a listItem), or the stray node itself.
          const content = item.nodeName === 'listItem' ? item.toArray() : [item];
          const body = blocks(content, depth + 2).join('\n\n');
          if (!body) return marker.trimEnd();
          const indented = prefixLines(body, ' '.repeat(marker.length), '');
          return marker + indented.slice(marker.length);
        })
        .join('\n');
    }
  }
  // Anything else (a listItem out of place, an unknown node, a container nested too deep): its
  // blocks, or its text as a paragraph, never its name or attributes.
  const inner = blocks(children, depth + 1);
  return inner.join('\n\n');
}

/** CommonMark lists number from 0 to 999999999; anything else starts at 1. */
function orderedStart(node: Y.XmlElement): number {
  const start = Number(node.getAttribute('start'));
  return Number.isInteger(start) && start >= 0 && start <= 999_000_000 ? start : 1;
}

/** A code block's text, marks and all other attributes dropped. */
const plainText = (node: Y.XmlElement): string => plainInline(node.toArray());

/** A fenced code block whose fence no line of the code can close: longer than any backtick run inside. */
function fenced(code: string): string {
  const lines = code.replace(/\r\n?/g, '\n');
  const longest = Math.max(0, ...[...lines.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}\n${lines}${lines ? '\n' : ''}${fence}`;
}

/** Every line prefixed (a quote's "> ", an item's indent); blank lines take `blank`. */
function prefixLines(text: string, prefix: string, blank: string): string {
  return text
    .split('\n')
    .map((line) => (line ? prefix + line : blank))
    .join('\n');
}

/**
 * Markdown's own characters, the angle brackets of HTML, the ampersand of entities and the
 * characters that open fences, strike-through and setext headings stay literal.
 */
export const escapeMarkdown = (text: string): string => text.replace(/([\\`*_{}[\]()#+\-.!|<>&~=])/g, '\\$1');
