import { defineProject } from 'vitest/config';
import { BOUNDS } from '../vitest.bounds.ts';

export default defineProject({
  test: {
    name: 'bench',
    include: ['src/**/*.test.ts'],
    setupFiles: ['../vitest.setup.ts'],
    testTimeout: BOUNDS.hookMs,
    hookTimeout: BOUNDS.hookMs,
  },
});
