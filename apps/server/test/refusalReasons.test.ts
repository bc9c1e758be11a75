import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every refusal the server sends carries a reason code (`refusal(feature, key)` from the
 * protocol's `REFUSAL_REASONS`), so a Welsh reader is told why in Welsh and not only what kind of
 * error it was. Read from the source with the TypeScript parser: each `new AppError(code,
 * message, reason)`, each `fail(code, message, reason)` and each HTTP `sendError(res, status, code,
 * message, reason)` has its reason.
 */
const SRC = path.resolve(import.meta.dirname, '../src');

/** The calls that refuse, and how many arguments each takes with its reason (the last). */
const ARGUMENTS_WITH_REASON: Record<string, number> = { fail: 3, sendError: 5 };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** `file:line` of each refusal written without a reason. */
function reasonless(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) || ts.isCallExpression(node)) {
      const callee = node.expression.getText(source);
      const wanted = ts.isNewExpression(node) ? (callee === 'AppError' ? 3 : 0) : (ARGUMENTS_WITH_REASON[callee] ?? 0);
      if ((node.arguments?.length ?? 0) < wanted) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push(`${path.relative(SRC, file)}:${line + 1}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('refusals carry a reason code', () => {
  it('every refusal has one', () => {
    const missing = sourceFiles(SRC).flatMap((file) => reasonless(file));
    expect(missing).toEqual([]);
  });

  it('finds a refusal without a reason, and not one with it', () => {
    const probe = [
      "throw new AppError(ErrorCode.notFound, 'No such vote');",
      "throw new AppError(ErrorCode.notFound, 'No such vote', refusal('vote', 'notFound'));",
      "ack(fail(ErrorCode.forbidden, 'No'));",
      "ack(fail(ErrorCode.forbidden, 'No', refusal('vote', 'notYours')));",
      "sendError(res, 404, ErrorCode.notFound, 'No such page');",
      "sendError(res, 404, ErrorCode.notFound, 'No such page', refusal('request', 'sessionNotFound'));",
    ].join('\n');
    expect(reasonless(path.join(SRC, 'probe.ts'), probe)).toEqual(['probe.ts:1', 'probe.ts:3', 'probe.ts:5']);
  });
});
