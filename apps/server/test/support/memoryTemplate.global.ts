import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { inMemoryTemplate } from '../../src/storage/open.ts';
import type {} from './memoryDatabase.ts'; // the provided value's type

/**
 * Global setup (server and e2e projects): one empty, migrated PGlite database, dumped to a file
 * once per run; every test's in-memory database starts as a copy of it (`memoryDatabase`)
 * instead of running initdb and the migrations again — about 3 s of CPU each, hundreds of times.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'moot-pglite-template-'));
  const file = path.join(folder, 'template.tar');
  writeFileSync(file, Buffer.from(await (await inMemoryTemplate()).arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return () => rmSync(folder, { recursive: true, force: true });
}
