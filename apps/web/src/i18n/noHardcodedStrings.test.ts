import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every word a person sees comes from the translation files. This walks every `.tsx` under
 * `src/` with the TypeScript compiler and flags text that does not: JSX text, string literals
 * rendered as JSX children, and string values of the attributes people read or hear.
 * Only non-words pass: punctuation, numbers, symbols.
 */
const SRC = path.resolve(import.meta.dirname, '..');
const VISIBLE_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
]);

/** A run of two or more letters in any script is a word someone would have to translate. */
const hasWords = (text: string) => /\p{L}{2,}/u.test(text);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(full);
    return entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx') ? [full] : [];
  });
}

/** Every hard-coded, user-visible string in one file, as "file:line: text". */
export function hardcodedStrings(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    found.push(`${path.relative(SRC, fileName)}:${line + 1}: ${JSON.stringify(text.trim())}`);
  };
  /** A literal (or both arms of a conditional, or a template's text) that would be shown as is. */
  const checkShown = (expression: ts.Expression | undefined) => {
    if (!expression) return;
    if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) {
      if (hasWords(expression.text)) report(expression, expression.text);
    } else if (ts.isTemplateExpression(expression)) {
      const parts = [expression.head.text, ...expression.templateSpans.map((span) => span.literal.text)].join(' ');
      if (hasWords(parts)) report(expression, parts);
    } else if (ts.isConditionalExpression(expression)) {
      checkShown(expression.whenTrue);
      checkShown(expression.whenFalse);
    } else if (
      ts.isBinaryExpression(expression) &&
      expression.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsEqualsToken
    ) {
      checkShown(expression.right);
    } else if (ts.isParenthesizedExpression(expression)) {
      checkShown(expression.expression);
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      checkShown(node.expression);
    }
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(file)) && node.initializer) {
      if (ts.isStringLiteral(node.initializer)) checkShown(node.initializer);
      else if (ts.isJsxExpression(node.initializer)) checkShown(node.initializer.expression);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('no hard-coded strings in the UI', () => {
  it('finds them where they are (the checker itself)', () => {
    const sample = `
      export const A = () => (
        <p title="Hello there" aria-label={'Close'} className="not-read">
          Welcome {name} · {count > 1 ? 'many' : '—'} {'42'} {t('ok')}
          <img alt={\`Photo of \${name}\`} />
          <span aria-hidden="true">→ 3:05</span>
        </p>
      );`;
    const found = hardcodedStrings(path.join(SRC, 'Sample.tsx'), sample);
    expect(found.map((line) => line.replace(/^Sample\.tsx:\d+: /, ''))).toEqual([
      '"Hello there"',
      '"Close"',
      '"Welcome"',
      '"many"',
      '"Photo of"',
    ]);
  });

  it('finds none in any component under src/', () => {
    const files = tsxFiles(SRC);
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((file) => hardcodedStrings(file, readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });
});
