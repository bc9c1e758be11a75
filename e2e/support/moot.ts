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

export interface PageOptions {
  /**
   * The page's network refuses WebSocket, as some council, library and workplace networks do:
   * every `new WebSocket()` fails, so the app can only use HTTP long-polling.
   */
  blockWebSocket?: boolean;
}

/** What a polling response carries, as text: Engine.IO packets; binary ones (`b…`) are base64. */
function pollingPackets(body: string): string[] {
  return body
    .split('\x1e')
    .map((packet) => (packet.startsWith('b') ? Buffer.from(packet.slice(1), 'base64').toString('utf8') : packet));
}

/**
 * A fresh browser context per person, so cookies (the session) are never shared between them.
 * Uncaught page errors are collected so a test can assert there were none, and everything the
 * page receives from the server's sockets (WebSocket frames and long-polling responses, as
 * UTF-8 text) is kept so a test can check what reached the wire. `webSockets` counts the
 * WebSocket connections the page opened.
 */
export async function openPage(browser: Browser, url: string, options: PageOptions = {}) {
  const context: BrowserContext = await newContext(browser);
  if (options.blockWebSocket) {
    await context.addInitScript(() => {
      // The browser's own class, refusing every connection as a blocking proxy or firewall would.
      globalThis.WebSocket = class BlockedWebSocket extends EventTarget {
        constructor() {
          super();
          throw new DOMException('WebSocket is blocked on this network', 'SecurityError');
        }
      } as unknown as typeof WebSocket;
    });
  }
  const page: Page = await context.newPage();
  const errors: string[] = [];
  const received: string[] = [];
  let webSockets = 0;
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('websocket', (ws) => {
    webSockets++;
    ws.on('framereceived', ({ payload }) =>
      received.push(typeof payload === 'string' ? payload : payload.toString('utf8')),
    );
  });
  page.on('response', (response) => {
    const request = response.request();
    if (request.method() !== 'GET' || !/\/socket\.io\/.*transport=polling/.test(request.url())) return;
    response.text().then(
      (body) => received.push(...pollingPackets(body)),
      () => {}, // the page went away before the body was read
    );
  });
  await page.goto(url);
  return { context, page, errors, received, webSockets: () => webSockets };
}

/** Joins through the invite link as a person would: read the invite, type a name, submit. */
export async function joinAs(
  browser: Browser,
  baseUrl: string,
  invite: string,
  displayName: string,
  options: PageOptions = {},
) {
  const opened = await openPage(browser, `${baseUrl}/join#${invite}`, options);
  await joinOnPage(opened.page, baseUrl, displayName);
  return opened;
}

/** On a page showing an invite (`/join#…`): joins under `displayName` and waits for the live assembly. */
export async function joinOnPage(page: Page, baseUrl: string, displayName: string): Promise<void> {
  // A seat already joined (on another device) is continued under its name, never renamed.
  const name = page.getByLabel('Your name');
  const again = page.getByRole('button', { name: `Continue as ${displayName}` });
  await name.or(again).waitFor();
  if (await again.isVisible()) await again.click();
  else {
    await name.fill(displayName);
    await page.getByRole('button', { name: 'Join the assembly' }).click();
  }
  // The app replaces /join with /assembly once the server has set the session cookie.
  await page.waitForURL(`${baseUrl}/assembly`);
  await waitForLive(page);
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

/**
 * Opens a section of the member screen from its bar, as a person would ('Now', 'Charter', 'Votes',
 * 'Cases', 'Comments', 'Record'), and waits for its address.
 */
export async function openSection(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: new RegExp(`^${name}`) })
    .click();
  await page.waitForURL(new RegExp(`/assembly${name === 'Now' ? '' : `/${name.toLowerCase()}`}(#.*)?$`));
}

/** A vote's card on a page (a member's Votes section, the watch page), found by its question. */
export function voteCard(page: Page, question: string) {
  return page
    .locator('[data-testid="vote"]')
    .filter({ has: page.getByRole('heading', { name: question, exact: true }) });
}

/**
 * A member answers a yes/no (or consent) question from their Votes section, as a person would:
 * opens the section, ticks the answer, casts, and waits until the ballot is counted. The card.
 */
export async function castInVotes(page: Page, question: string, answer: string) {
  await openSection(page, 'Votes');
  const card = voteCard(page, question);
  await card.getByRole('radio', { name: answer }).check();
  await card.getByRole('button', { name: 'Cast my ballot' }).click();
  await card.locator('[data-testid="ballot-status"][data-state="counted"]').waitFor();
  return card;
}
