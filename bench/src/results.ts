import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { BENCH_ROOT } from './procs.ts';

/**
 * Writes a run's result as `bench/results/<date>-<name>.json` (`<date>.json` without a name),
 * formatted as the repository's Prettier would (so `prettier --check .` in CI passes on a
 * committed result). The main matrix rewrites its file after every cell; the workloads write once.
 */
export async function writeResult(
  result: { date: string },
  name: string,
  dir = path.join(BENCH_ROOT, 'results'),
): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${result.date.replace(/[:.]/g, '-')}${name ? `-${name}` : ''}.json`);
  const config = await resolveConfig(file);
  writeFileSync(file, await format(JSON.stringify(result), { ...config, parser: 'json' }));
  return file;
}
