import { defineProject } from 'vitest/config';
import { BOUNDS } from '../vitest.bounds.ts';

export default defineProject({
  test: {
    name: 'e2e',
    include: ['**/*.e2e.test.ts'],
    globalSetup: ['./support/buildWeb.ts', '../apps/server/test/support/memoryTemplate.global.ts'],
    setupFiles: ['../vitest.setup.ts'],
    testTimeout: BOUNDS.browserTestMs,
    hookTimeout: BOUNDS.hookMs,
    expect: { poll: { timeout: BOUNDS.conditionMs } },
  },
});
