import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import type { Database } from '../../src/storage/database.ts';
import { openDatabase } from '../../src/storage/open.ts';

let template: Promise<Blob | undefined> | undefined;

/**
 * A fresh, migrated in-memory database for one test: a copy of the run's template when the
 * project made one (memoryTemplate.global.ts), else built from nothing.
 */
export function memoryDatabase(): Promise<Database> {
  template ??= readTemplate();
  return template.then((t) => openDatabase({ inMemory: true, template: t }));
}

async function readTemplate(): Promise<Blob | undefined> {
  const file = inject('pgliteTemplate');
  return file ? new Blob([await readFile(file)]) : undefined;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated template's file (memoryTemplate.global.ts). */
    pgliteTemplate: string;
  }
}
