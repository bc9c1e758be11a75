import { defineProject } from 'vitest/config';
import { BOUNDS } from '../../vitest.bounds.ts';

export default defineProject({
  test: {
    name: 'protocol',
    include: ['src/**/*.test.ts'],
    setupFiles: ['../../vitest.setup.ts'],
    testTimeout: BOUNDS.testMs,
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'] },
  },
});
