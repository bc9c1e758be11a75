import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { vi } from 'vitest';
import {
  seedAssembly,
  startApp,
  type RunningApp,
  type SeededAssembly,
} from '../../apps/server/test/support/harness.ts';
import { BOUNDS } from '../../vitest.bounds.ts';
import { newContext } from './browser.ts';
import { WEB_ROOT } from './buildWeb.ts';

/** The real server (in-memory PGlite) serving the app `buildWeb.ts` built, with one seeded assembly. */
export async function startMoot(): Promise<{ server: RunningApp; seed: SeededAssembly }> {
  const server = await startApp({ webRoot: path.join(WEB_ROOT, 'dist') });
  return { server, seed: await seedAssembly(server.db) };
}

/**
 * A fresh browser context per person, so cookies (the session) are never shared between them.
 * Uncaught page errors are collected so a test can assert there were none, and every WebSocket
 * frame the page receives is kept (as UTF-8 text) so a test can check what reached the wire.
 */
export async function openPage(browser: Browser, url: string) {
  const context: BrowserContext = await newContext(browser);
  const page: Page = await context.newPage();
  const errors: string[] = [];
  const received: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('websocket', (ws) =>
    ws.on('framereceived', ({ payload }) =>
      received.push(typeof payload === 'string' ? payload : payload.toString('utf8')),
    ),
  );
  await page.goto(url);
  return { context, page, errors, received };
}

/** Joins through the invite link as a person would: read the invite, type a name, submit. */
export async function joinAs(browser: Browser, baseUrl: string, invite: string, displayName: string) {
  const opened = await openPage(browser, `${baseUrl}/join#${invite}`);
  const { page } = opened;
  await page.getByLabel('Your name').fill(displayName);
  await page.getByRole('button', { name: 'Join the assembly' }).click();
  // The app replaces /join with /assembly once the server has set the session cookie.
  await page.waitForURL(`${baseUrl}/assembly`);
  await waitForLive(page);
  return opened;
}

/** The socket is connected and the first snapshot rendered. */
export async function waitForLive(page: Page): Promise<void> {
  await page.locator('[data-testid="connection-status"][data-state="live"]').waitFor();
}

/** A standard's article, found by its title. */
export function standard(page: Page, title: string) {
  return page.locator('article[data-testid="standard"]').filter({ has: page.locator('h3', { hasText: title }) });
}

/** The editable (or read-only) text field of a standard, by its accessible name. */
export function textField(page: Page, title: string) {
  return page.getByRole('textbox', { name: `Text of ${title}`, exact: true });
}

/**
 * A field's text, one paragraph per line: the same shape the test reads back from the server's
 * stored document. (innerText would add layout newlines; carets are empty spans and add nothing.)
 */
export async function fieldText(page: Page, title: string): Promise<string> {
  return (await textField(page, title).locator('p').allTextContents()).join('\n');
}

/**
 * Polls an async read until the check passes: the condition, not a fixed delay, decides.
 * Each attempt re-reads the page, so the last failure message shows what was actually there.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => void,
  timeout: number = BOUNDS.conditionMs,
): Promise<void> {
  await vi.waitFor(async () => check(await read()), { timeout: Math.max(timeout, BOUNDS.conditionMs), interval: 50 });
}

/**
 * Records every value `data-save` takes on the save status from now on (a MutationObserver in
 * the page), so a test can tell "saving" really happened before "saved", not just read the end state.
 */
export async function recordSaveStates(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __saveStates: string[] }).__saveStates = seen;
    new MutationObserver(() => {
      const state = document.querySelector('[data-testid="save-status"]')?.getAttribute('data-save') ?? 'absent';
      if (seen.at(-1) !== state) seen.push(state);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-save'] });
  });
  return () => page.evaluate(() => (window as unknown as { __saveStates: string[] }).__saveStates);
}
