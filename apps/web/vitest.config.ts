import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BOUNDS } from '../../vitest.bounds.ts';

// Unit tests exercise plain modules (the Yjs provider, reducers, the wire parser) in Node;
// anything needing a real browser belongs to the end-to-end suite.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    name: 'web',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['../../vitest.setup.ts'],
    testTimeout: BOUNDS.testMs,
    expect: { poll: { timeout: BOUNDS.conditionMs } },
  },
});
