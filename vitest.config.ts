import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/protocol', 'apps/server', 'apps/web', 'e2e', 'bench', 'scripts'],
    // Vitest's default on two cores is one file at a time; most files mostly wait (on sockets,
    // PostgreSQL, a browser), so three at once use the machine instead of the clock. Every file
    // has its own server, scratch database and Redis prefix, so they cannot see each other.
    maxWorkers: 3,
  },
});
