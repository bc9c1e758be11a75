import { defineProject } from 'vitest/config';
import { BOUNDS } from '../../vitest.bounds.ts';

export default defineProject({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['../../vitest.setup.ts'],
    globalSetup: ['./test/support/memoryTemplate.global.ts'],
    testTimeout: BOUNDS.testMs,
    hookTimeout: BOUNDS.hookMs,
    expect: { poll: { timeout: BOUNDS.conditionMs } },
  },
});
