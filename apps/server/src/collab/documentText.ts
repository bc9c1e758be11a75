import * as Y from 'yjs';

/**
 * Markdown from a rich-text field (the ProseMirror schema TipTap's StarterKit writes into a
 * Y.XmlFragment): paragraphs, headings, lists, quotes, code and bold/italic/code marks. Text is
 * escaped, so nothing a member typed becomes markup in an export.
 */
export function fragmentToMarkdown(fragment: Y.XmlFragment): string {
  return blocks(fragment.toArray(), '').trim();
}

function blocks(nodes: readonly (Y.XmlElement | Y.XmlText | Y.XmlHook)[], indent: string): string {
  let out = '';
  for (const node of nodes) {
    if (!(node instanceof Y.XmlElement)) continue;
    const children = node.toArray();
    switch (node.nodeName) {
      case 'heading': {
        const level = Math.min(6, Math.max(1, Number(node.getAttribute('level')) || 1));
        out += `${indent}${'#'.repeat(level)} ${inline(children)}\n\n`;
        break;
      }
      case 'bulletList':
      case 'orderedList':
        children.forEach((item, i) => {
          if (!(item instanceof Y.XmlElement)) return;
          const marker = node.nodeName === 'orderedList' ? `${i + 1}. ` : '- ';
          const body = blocks(item.toArray(), indent + ' '.repeat(marker.length)).trimStart();
          out += `${indent}${marker}${body.trimEnd()}\n`;
        });
        out += '\n';
        break;
      case 'blockquote':
        out += blocks(children, indent)
          .trimEnd()
          .split('\n')
          .map((line) => `${indent}> ${line.trimStart()}`)
          .join('\n');
        out += '\n\n';
        break;
      case 'codeBlock':
        out += `${indent}\`\`\`\n${children.map((c) => (c instanceof Y.XmlText ? c.toString() : '')).join('')}\n${indent}\`\`\`\n\n`;
        break;
      default:
        out += `${indent}${inline(children)}\n\n`;
    }
  }
  return out;
}

function inline(nodes: readonly (Y.XmlElement | Y.XmlText | Y.XmlHook)[]): string {
  return nodes
    .map((node) => {
      if (node instanceof Y.XmlText) {
        return (node.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[])
          .map(({ insert, attributes }) =>
            typeof insert === 'string' ? mark(escapeMarkdown(insert), attributes ?? {}) : '',
          )
          .join('');
      }
      return node instanceof Y.XmlElement && node.nodeName === 'hardBreak' ? '  \n' : '';
    })
    .join('');
}

function mark(text: string, attributes: Record<string, unknown>): string {
  if (attributes.code) return `\`${text}\``;
  if (attributes.bold) text = `**${text}**`;
  if (attributes.italic) text = `*${text}*`;
  return text;
}

/** Markdown's own characters, and the angle brackets of HTML, stay literal. */
export const escapeMarkdown = (text: string): string => text.replace(/([\\`*_{}[\]()#+\-.!|<>])/g, '\\$1');
