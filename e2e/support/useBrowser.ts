import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll } from 'vitest';
import { launchBrowser, newContext } from './browser.ts';
import { joinAs, openPage, type PageOptions } from './moot.ts';

/** A browser file's one Chromium, and every context (person) it opens for the file's tests. */
export interface BrowserFixture {
  /** False without Chromium (see `launchBrowser`): the file's `describe.skipIf(!browser.ok)` skips. */
  ok: boolean;
  /** `openPage` in a new context, kept for closing; its page's uncaught errors are watched. */
  open(url: string, options?: PageOptions): ReturnType<typeof openPage>;
  /** `joinAs` in a new context, kept for closing; its page's uncaught errors are watched. */
  join(baseUrl: string, invite: string, displayName: string, options?: PageOptions): ReturnType<typeof joinAs>;
  /** A bare context (`newContext`), kept for closing; watch its pages with `watch` where it matters. */
  context(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** Adds a page of a bare context to those whose uncaught errors `pageErrors` reports. */
  watch(page: Page): Page;
  /** Every uncaught error so far, in all watched pages. */
  pageErrors(): string[];
  /**
   * Closes `server` once the contexts and the browser are closed: its close waits on the pages'
   * open connections (a proxied WebSocket never ends by itself), so the pages must go first.
   */
  closeAfter(server: { close(): Promise<void> }): void;
}

/**
 * Launches the file's browser, at the file's top level (`await useBrowser()`) so a missing
 * Chromium can skip the file's `describe` — or fail the run under `REQUIRE_SERVICES=1`. Registers
 * the file's `afterAll` (after the `describe`'s own, which disconnects its sockets) that closes
 * every context opened through it, then the browser, then the server given to `closeAfter`.
 */
export async function useBrowser(): Promise<BrowserFixture> {
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  const errors: string[][] = [];
  const servers: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    for (const server of servers) await server.close();
  });

  const launched = () => {
    if (!browser) throw new Error('No browser: the describe should have been skipped (!browser.ok)');
    return browser;
  };
  const keep = <T extends { context: BrowserContext; errors: string[] }>(opened: T): T => {
    contexts.push(opened.context);
    errors.push(opened.errors);
    return opened;
  };
  return {
    ok: browser !== null,
    open: async (url, options) => keep(await openPage(launched(), url, options)),
    join: async (baseUrl, invite, displayName, options) =>
      keep(await joinAs(launched(), baseUrl, invite, displayName, options)),
    context: async (options) => {
      const context = await newContext(launched(), options);
      contexts.push(context);
      return context;
    },
    watch: (page) => {
      const pageErrors: string[] = [];
      errors.push(pageErrors);
      page.on('pageerror', (error) => pageErrors.push(error.message));
      return page;
    },
    pageErrors: () => errors.flat(),
    closeAfter: (server) => void servers.push(server),
  };
}
