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

  it('and every word around them from a table per language: the report and the audit log write none of their own', () => {
    // A string or template literal (its `${…}` taken out) holding a word: "Supported", `Exported …`, '_No sittings._'.
    const worded = /[A-Za-z]{2,}/;
    const literals = (line: string) => {
      let bare = line;
      // Innermost first, so a template inside an interpolation goes with it.
      for (let before = ''; before !== bare;) [before, bare] = [bare, bare.replace(/\$\{[^{}]*\}/g, '')];
      return [...bare.matchAll(/'([^']*)'|`([^`]*)`/g)].map((m) => m[1] ?? m[2] ?? '');
    };
    const own = ['report/reportMarkdown.ts', 'exports/auditExport.ts'].flatMap((file) =>
      readFileSync(path.join(FEATURES, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => {
          const code = line.trim();
          // Imports, comments and codes (a language, a part's anchor, a detail's key) hold no words for people.
          if (/^(import|\*|\/\/|\/\*\*)|^} from /.test(code)) return [];
          const words = literals(code).filter((text) => worded.test(text) && /\s|^[_A-Z]/.test(text));
          return words.map((text) => `${file}:${i + 1}: ${text}`);
        }),
    );
    expect(own).toEqual([]);
  });
});
