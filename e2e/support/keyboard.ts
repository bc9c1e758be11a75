import type { Page } from 'playwright-core';

/** What has focus now: its role-ish tag, accessible name and (for fields) label. */
async function focused(page: Page): Promise<{ name: string; tag: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { name: '', tag: 'body' };
    const labelled = el.getAttribute('aria-labelledby');
    const byId = labelled
      ? labelled
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
      : '';
    const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? '';
    const name = el.getAttribute('aria-label') ?? (byId || label || el.textContent || '');
    return { name: name.trim().replace(/\s+/g, ' '), tag: el.tagName.toLowerCase() };
  });
}

/**
 * Moves focus with Tab (or Shift+Tab) only, as a keyboard user would, until the focused element's
 * accessible name matches; fails with the names it passed if it never gets there.
 */
export async function tabTo(page: Page, name: string | RegExp, { backwards = false, max = 150 } = {}): Promise<void> {
  const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
  const passed: string[] = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (matches(now.name)) return;
    passed.push(`${now.tag}:${now.name.slice(0, 40)}`);
  }
  throw new Error(`Tab never reached ${String(name)}; passed: ${passed.join(' | ')}`);
}

/** Tabs to a control and presses it with Enter (buttons, links) or Space (checkboxes). */
export async function press(page: Page, name: string | RegExp, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  await tabTo(page, name);
  await page.keyboard.press(key);
}
