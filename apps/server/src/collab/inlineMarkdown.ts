import * as Y from 'yjs';

/** What a paragraph holds: text with its marks, hard breaks, and (outside the schema) other nodes. */
export type InlineNode = Y.XmlElement | Y.XmlText | Y.XmlHook;

/** The marks Markdown can say, outermost first; underline has no Markdown and is written as plain text. */
type Mark = { kind: 'link'; href: string } | { kind: 'bold' | 'italic' | 'strike' };
const DELIMITER = { bold: '**', italic: '_', strike: '~~' } as const;
const ORDER = ['link', 'bold', 'italic', 'strike'] as const;

type Piece = { kind: 'text'; text: string; marks: Mark[]; code: boolean } | { kind: 'break' };
type Token =
  { kind: 'text'; text: string } | { kind: 'open' | 'close'; delimiter: string } | { kind: 'raw'; markdown: string };

/**
 * One paragraph's (or heading's) content as Markdown that renders to exactly the text typed:
 * every Markdown character is backslash-escaped, line breaks become hard breaks (or spaces in a
 * heading), marks become `**`, `_`, `~~`, code spans and links with an http(s) address only.
 *
 * CommonMark decides whether `**` opens or closes from the characters beside it (the flanking
 * rules), so a character that would spoil that — a space just inside a mark, a letter just
 * outside one — is written as a numeric character reference, which renders as itself.
 */
export function inlineMarkdown(
  nodes: readonly InlineNode[],
  options: { breaks: 'hard' | 'space' } = { breaks: 'hard' },
): string {
  const tokens: Token[] = [];
  let open: Mark[] = [];
  const closeTo = (keep: number) => {
    while (open.length > keep) {
      const mark = open.pop()!;
      if (mark.kind === 'link') tokens.push({ kind: 'raw', markdown: `](<${mark.href.replace(/[&\\]/g, '\\$&')}>)` });
      else tokens.push({ kind: 'close', delimiter: DELIMITER[mark.kind] });
    }
  };
  const all = merged(pieces(nodes, []));
  // A hard break at the end of a paragraph breaks nothing, and its backslash would show.
  while (all.at(-1)?.kind === 'break') all.pop();
  for (const piece of all) {
    if (piece.kind === 'break') {
      if (options.breaks === 'space') tokens.push({ kind: 'text', text: ' ' });
      else {
        closeTo(0);
        tokens.push({ kind: 'raw', markdown: '\\\n' });
      }
      continue;
    }
    let same = 0;
    while (same < open.length && same < piece.marks.length && sameMark(open[same]!, piece.marks[same]!)) same++;
    closeTo(same);
    for (const mark of piece.marks.slice(same)) {
      tokens.push(
        mark.kind === 'link' ? { kind: 'raw', markdown: '[' } : { kind: 'open', delimiter: DELIMITER[mark.kind] },
      );
      open.push(mark);
    }
    // A bracket cannot be escaped in a code span, and inside a link's text it can end the label
    // early ("[`]:`](…)" at a paragraph's start reads as a link definition and vanishes): such a
    // span is written as escaped text, losing only its code look.
    const asCode = piece.code && !(/[[\]]/.test(piece.text) && open.some((mark) => mark.kind === 'link'));
    tokens.push(asCode ? { kind: 'raw', markdown: codeSpan(piece.text) } : { kind: 'text', text: piece.text });
  }
  closeTo(0);
  open = [];
  return write(tokens)
    .split('\n')
    .map((line) => line.replace(/^\s+|\s+$/g, (spaces) => [...spaces].map(reference).join('')))
    .join('\n');
}

/** The same content as plain text, marks dropped (a code block's lines). */
export function plainInline(nodes: readonly InlineNode[]): string {
  return pieces(nodes, [], true)
    .map((p) => (p.kind === 'break' ? '\n' : p.text))
    .join('');
}

function pieces(nodes: readonly InlineNode[], into: Piece[], keepLines = false): Piece[] {
  for (const node of nodes) {
    if (node instanceof Y.XmlText) {
      for (const { insert, attributes } of node.toDelta() as {
        insert: unknown;
        attributes?: Record<string, unknown>;
      }[]) {
        if (typeof insert !== 'string' || insert === '') continue;
        const { marks, code } = marksOf(attributes ?? {});
        // Paragraph text holds no line breaks; one that does must not start a new block. Other
        // control characters (a pasted vertical tab) show nowhere and have no valid reference.
        const text = keepLines ? insert : insert.replace(/[\r\n]/g, ' ').replace(CONTROL, '');
        if (text !== '') into.push({ kind: 'text', text, marks, code });
      }
    } else if (node instanceof Y.XmlElement) {
      if (node.nodeName === 'hardBreak') into.push({ kind: 'break' });
      else pieces(node.toArray(), into, keepLines);
    }
  }
  return into;
}

/** Neighbouring runs with the same marks as one: two code spans side by side would read as one fence. */
function merged(from: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const piece of from) {
    const last = out.at(-1);
    if (
      last?.kind === 'text' &&
      piece.kind === 'text' &&
      last.code === piece.code &&
      last.marks.length === piece.marks.length &&
      last.marks.every((m, i) => sameMark(m, piece.marks[i]!))
    )
      out[out.length - 1] = { ...last, text: last.text + piece.text };
    else out.push(piece);
  }
  return out;
}

/** A text run's marks, from the attributes the editor writes (`bold: {}`, `link: { href }`, or `name--hash`). */
function marksOf(attributes: Record<string, unknown>): { marks: Mark[]; code: boolean } {
  const found = new Map<string, Mark>();
  let code = false;
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    const name = key.replace(/--[a-zA-Z0-9+/=]{8}$/, '');
    if (name === 'code') code = true;
    else if (name === 'bold' || name === 'italic' || name === 'strike') found.set(name, { kind: name });
    else if (name === 'link') {
      const href = webAddress((value as { href?: unknown }).href);
      if (href) found.set('link', { kind: 'link', href });
    }
  }
  return { marks: ORDER.flatMap((kind) => found.get(kind) ?? []), code };
}

/** The address normalised, if it is http(s); any other scheme (javascript:, data:, …) is dropped. */
export function webAddress(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const sameMark = (a: Mark, b: Mark): boolean =>
  a.kind === b.kind && (a.kind !== 'link' || (b.kind === 'link' && a.href === b.href));

/** A code span whose backtick fence is longer than any run inside; padded where CommonMark strips a space. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (/^ .*[^ ].* $/s.test(text) && text.length > 1);
  return pad ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

/** C0 and C1 control characters but tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/g;
const ESCAPED = /([\\`*_{}[\]()#+\-.!|<>&~=])/g;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const reference = (char: string): string => `&#x${char.codePointAt(0)!.toString(16).toUpperCase()};`;

/**
 * Text escaped; where a text touches a delimiter, the character beside it is a reference if it
 * is any kind of space inside the mark, or anything but ASCII punctuation and a plain space
 * outside it.
 */
function write(tokens: readonly Token[]): string {
  return tokens
    .map((token, i) => {
      if (token.kind === 'raw') return token.markdown;
      if (token.kind !== 'text') return token.delimiter;
      const chars = [...token.text];
      const before = tokens[i - 1];
      const after = tokens[i + 1];
      // Renderers disagree on what counts as space (JavaScript's \s holds U+2028 and U+FEFF,
      // CommonMark's Unicode whitespace does not; markdown-it counts a vertical tab): inside a
      // mark anything any of them calls space is a reference, outside one only a plain space
      // and ASCII punctuation are left bare.
      const spoils = (char: string, side: 'inside' | 'outside') =>
        side === 'inside' ? /\s/.test(char) : char !== ' ' && !ASCII_PUNCTUATION.test(char);
      const first = before?.kind === 'open' ? 'inside' : before?.kind === 'close' ? 'outside' : null;
      const last = after?.kind === 'close' ? 'inside' : after?.kind === 'open' ? 'outside' : null;
      return chars
        .map((char, at) => {
          const spoiled =
            (at === 0 && first !== null && spoils(char, first)) ||
            (at === chars.length - 1 && last !== null && spoils(char, last));
          if (spoiled) return reference(char);
          return char.replace(ESCAPED, '\\$1');
        })
        .join('');
    })
    .join('');
}
