import * as Y from 'yjs';
import { plainInline } from './inlineMarkdown.ts';

/**
 * A rich-text field as plain text, for JSON exports: blocks apart by a blank line, a hard break
 * as a line break, list items as "• " or "1. " (indented when nested), code as typed, marks
 * dropped. No escaping: this is what members typed, for programs to read; Markdown is the .md's.
 */
export function fragmentToPlainText(fragment: Y.XmlFragment): string {
  return blocks(fragment.toArray()).join('\n\n');
}

type Node = Y.XmlElement | Y.XmlText | Y.XmlHook;

function blocks(nodes: readonly Node[]): string[] {
  const out: string[] = [];
  for (const node of nodes) {
    if (node instanceof Y.XmlText) {
      const text = plainInline([node]);
      if (text) out.push(text);
      continue;
    }
    if (!(node instanceof Y.XmlElement)) continue;
    switch (node.nodeName) {
      case 'paragraph':
      case 'heading':
      case 'codeBlock': {
        const text = plainInline(node.toArray()).replace(/\n+$/, '');
        if (text) out.push(text);
        break;
      }
      case 'horizontalRule':
      case 'hardBreak':
        break;
      case 'bulletList':
      case 'orderedList': {
        const items = node.toArray().filter((c): c is Y.XmlElement => c instanceof Y.XmlElement);
        const list = items.map((item, i) => {
          const marker = node.nodeName === 'orderedList' ? `${i + 1}. ` : '• ';
          const body = blocks(item.nodeName === 'listItem' ? item.toArray() : [item]).join('\n');
          return marker + body.replace(/\n/g, `\n${' '.repeat(marker.length)}`);
        });
        out.push(list.join('\n'));
        break;
      }
      default:
        out.push(...blocks(node.toArray()));
    }
  }
  return out;
}
