import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { BOUNDS } from '../../vitest.bounds.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's Chromium, headless. Without it the browser tests skip with a reason — unless
 * `REQUIRE_SERVICES=1` (CI), where its absence fails the run.
 */
export async function launchBrowser(): Promise<Browser | null> {
  if (!existsSync(CHROMIUM)) {
    if (process.env.REQUIRE_SERVICES === '1') throw new Error(`Chromium is required but missing at ${CHROMIUM}`);
    console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
    return null;
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/**
 * A fresh context (one person: own cookies, storage, viewport). Its actions and navigations wait
 * up to `BOUNDS.browserActionMs` for their element or page, not Playwright's 30 s: on a busy
 * machine a first render can take longer, and the wait still ends as soon as the element is there.
 */
export async function newContext(browser: Browser, options?: BrowserContextOptions): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(BOUNDS.browserActionMs);
  return context;
}
