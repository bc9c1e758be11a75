import { createElement, useEffect, useReducer, type ReactNode } from 'react';
import type { FieldProps } from '../fields.tsx';
import { labelTextColor, safeColor } from '../editor/caretColor.ts';
import { readFragment, type CaretAt, type ReadNode } from './readModel.ts';

/** The editor's block nodes as HTML; anything unknown is a paragraph, so no text is lost. */
const BLOCKS: Record<string, string> = {
  paragraph: 'p',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
  blockquote: 'blockquote',
  codeBlock: 'pre',
  hardBreak: 'br',
  horizontalRule: 'hr',
};
const MARKS: Record<string, string> = { bold: 'strong', italic: 'em', strike: 's', code: 'code', underline: 'u' };

function blockTag(name: string, attrs: Record<string, unknown>): string {
  if (name === 'heading') {
    const level = Number(attrs['level']);
    return Number.isInteger(level) && level >= 1 && level <= 6 ? `h${level}` : 'p';
  }
  return BLOCKS[name] ?? 'p';
}

function render(nodes: readonly ReadNode[]): ReactNode[] {
  return nodes.map((node, i) => {
    if (node.kind === 'text') {
      return node.marks.reduce<ReactNode>(
        (inner, mark) => (MARKS[mark] ? createElement(MARKS[mark], { key: i }, inner) : inner),
        node.text,
      );
    }
    if (node.kind === 'caret') {
      const color = safeColor(node.color);
      // The same caret the editor draws: empty and aria-hidden, its name label drawn by CSS.
      return (
        <span
          key={`caret-${node.clientId}`}
          className="collab-caret"
          aria-hidden="true"
          data-testid="caret"
          data-name={node.name}
          style={{ ['--caret-color' as string]: color, ['--caret-text' as string]: labelTextColor(color) }}
        />
      );
    }
    const tag = blockTag(node.name, node.attrs);
    if (tag === 'br' || tag === 'hr') return createElement(tag, { key: i });
    return createElement(tag, { key: i }, ...render(node.children));
  });
}

function caretsOf(handle: FieldProps['handle']): CaretAt[] {
  const carets: CaretAt[] = [];
  for (const [clientId, state] of handle.awareness.getStates()) {
    if (clientId === handle.doc.clientID) continue;
    const user = state['user'] as { name?: unknown; color?: unknown } | undefined;
    const cursor = state['cursor'] as { head?: unknown } | undefined;
    if (!cursor?.head) continue;
    carets.push({
      clientId,
      name: typeof user?.name === 'string' ? user.name : '',
      color: typeof user?.color === 'string' ? user.color : '',
      head: cursor.head,
    });
  }
  return carets;
}

/**
 * A field shown live and read-only without the editor: the watch page's renderer, a small
 * fraction of the editor's JavaScript. Same accessible name, role and hooks as the editor's
 * surface, so the page reads the same to a screen reader and to the tests.
 */
export function ReadOnlyField({ handle, field, label }: FieldProps) {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const fragment = handle.doc.getXmlFragment(field);
    fragment.observeDeep(redraw);
    handle.awareness.on('change', redraw);
    return () => {
      fragment.unobserveDeep(redraw);
      handle.awareness.off('change', redraw);
    };
  }, [handle, field]);
  const nodes = readFragment(handle.doc, handle.doc.getXmlFragment(field), caretsOf(handle));
  return (
    <div className="editor">
      <div
        className="editor-surface"
        role="textbox"
        aria-label={label}
        aria-multiline="true"
        aria-readonly="true"
        contentEditable={false}
        data-field={field}
        tabIndex={0}
      >
        {render(nodes)}
      </div>
    </div>
  );
}
