import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** Where the browser tests keep their screenshots (not committed: see .gitignore). */
export const SCREENSHOTS = path.resolve(import.meta.dirname, '../screenshots');

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
