import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { check, resolveConfig } from 'prettier';
import { afterAll, describe, expect, it } from 'vitest';
import { writeResult } from './results.ts';

describe('a workload result file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'moot-bench-results-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is named by its date and workload, reads back the same, and passes the repository’s Prettier check', async () => {
    const result = { date: '2026-12-07T12:04:49.054Z', ackMs: { p50: 38.3, p99: 103.6 }, loadAverage: [2.6, 2.5] };
    const file = await writeResult(result, 'hands', dir);
    expect(path.basename(file)).toBe('2026-12-07T12-04-49-054Z-hands.json');
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toEqual(result);
    // JSON.stringify(…, null, 2) spreads the short array over three lines, which `prettier --check .` refuses.
    const config = await resolveConfig(path.join(import.meta.dirname, '../results/x.json'));
    expect(config?.printWidth, 'the repository’s Prettier settings').toBe(120);
    expect(await check(text, { ...config, parser: 'json' })).toBe(true);
  });
});
