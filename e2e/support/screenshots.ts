import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** Where the e2e run leaves its screenshots (gitignored; named in the README), to look at after a run. */
export const SCREENSHOTS = path.resolve(import.meta.dirname, '../screenshots');

/** Saves what the page shows now (the viewport only: what a person sees without scrolling). */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  return file;
}

/** How far the page itself can scroll, down and sideways (0 and 0: nothing scrolls). */
export function pageOverflow(page: Page): Promise<{ down: number; sideways: number }> {
  return page.evaluate(() => {
    const root = document.scrollingElement!;
    return { down: root.scrollHeight - root.clientHeight, sideways: root.scrollWidth - root.clientWidth };
  });
}

/** The page as it looks now at `width`×`height`, saved as `<name>-<width>x<height>.png`; the path is returned. */
export async function screenshotAt(page: Page, name: string, width: number, height: number): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.setViewportSize({ width, height });
  const file = path.join(SCREENSHOTS, `${name}-${width}x${height}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** How far the page is wider than its viewport (0 when nothing scrolls sideways). */
export const sidewaysOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
