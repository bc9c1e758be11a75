/**
 * The outer bounds of every test, in one place. Tests wait for conditions, never for wall-clock
 * windows, so a bound only decides how long a FAILING test takes to say so; a passing test
 * returns as soon as its condition holds. They are generous so the suite stays green on a
 * two-core machine busy with other work (SECURITY.md and CONTRIBUTING.md: "under load").
 * Speed goals live in `npm run bench`, never here.
 */
export const BOUNDS = {
  /** One condition (`vi.waitFor`, `vi.waitUntil`, `expect.poll`, the e2e `eventually`). */
  conditionMs: 30_000,
  /** A server or unit test. */
  testMs: 120_000,
  /** A browser test: several pages, each waiting for several conditions. */
  browserTestMs: 300_000,
  /** Setting up: starting servers, nodes, Redis, PostgreSQL databases, Chromium. */
  hookMs: 300_000,
  /** One Playwright action or navigation. */
  browserActionMs: 60_000,
} as const;
