import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const FEATURES = path.resolve(import.meta.dirname, '..');

/** Every source file of the features (tests aside): a Markdown download is written in any of them. */
function sources(dir = FEATURES): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return entry.name.endsWith('.ts') && !entry.name.includes('.test.') ? [file] : [];
  });
}

describe('the downloads’ headings', () => {
  it('all come from the one table (headings.ts): no Markdown heading is written anywhere else', () => {
    // A string or template literal that starts a Markdown heading: '# …', `## …`, "### …".
    const heading = /['"`]#{1,6} /;
    const elsewhere = sources()
      .filter((file) => path.basename(file) !== 'headings.ts')
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, i) =>
            heading.test(line) ? [`${path.relative(FEATURES, file)}:${i + 1}: ${line.trim()}`] : [],
          ),
      );
    expect(elsewhere).toEqual([]);
  });
});
