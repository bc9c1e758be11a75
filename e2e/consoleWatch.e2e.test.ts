import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp, SeededAssembly } from '../apps/server/test/support/harness.ts';
import { axeViolations } from './support/a11y.ts';
import { castInVotes, eventually, openSection, startMoot, textField, waitForLive } from './support/moot.ts';
import { useBrowser } from './support/useBrowser.ts';

const browser = await useBrowser();

const MODERATOR = 'Mo Facilitator';
const ADA = 'Ada Lovelace';
const FIRST = 'Opening round';
const SECOND = 'Drafting the text';
const QUESTION = 'Meet again next week?';
const YOUTUBE = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
/** Screenshots of the console and the watch page, for people to look at (another engineer's go here too). */
const SHOTS = path.resolve(import.meta.dirname, 'screenshots');

/** The seconds a countdown shows now (`data-seconds`). */
async function seconds(page: Page): Promise<number> {
  return Number(await page.locator('[data-testid="item-countdown"]').getAttribute('data-seconds'));
}

/**
 * A sitting run from the console with its single-key shortcuts, never leaving `/console`, while
 * the public watch page follows: the programme with the current item, the queue, the speaker,
 * the text with recent additions highlighted, the result as a chart, and the livestream.
 */
describe.skipIf(!browser.ok)('the moderator desk and the watch page', () => {
  let server: RunningApp;
  let seed: SeededAssembly;
  let moderator: Page;
  let ada: Page;
  let watcher: Page;

  /** Presses a shortcut with the focus on the page itself (not in a field). */
  async function key(keyName: string) {
    await moderator.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await moderator.keyboard.press(keyName);
  }

  beforeAll(async () => {
    ({ server, seed } = await startMoot());
    browser.closeAfter(server);
    const m = await browser.join(server.url, seed.moderatorInvite, MODERATOR);
    const a = await browser.join(server.url, seed.memberInvites[0]!, ADA);
    const w = await browser.open(`${server.url}/watch#${seed.watchKey}`);
    // The embedded player, served here instead of from the Internet (the CSP still decides).
    await w.context.route('https://www.youtube-nocookie.com/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html lang="en"><head><title>Player</title></head><body><p>Player</p></body></html>',
      }),
    );
    await waitForLive(w.page);
    [moderator, ada, watcher] = [m.page, a.page, w.page];
  });

  it('prepares the sitting in the console', async () => {
    await moderator.getByRole('link', { name: 'Open the moderator console' }).click();
    await moderator.waitForURL(`${server.url}/console`);
    await waitForLive(moderator);
    await moderator.getByLabel('Session title').fill('Evening sitting');
    await moderator.getByRole('button', { name: 'Create session' }).click();
    await moderator.getByRole('button', { name: 'Start session' }).click();
    await moderator.locator('[data-testid="session-status"]', { hasText: 'Live' }).waitFor();
    for (const title of [FIRST, SECOND]) {
      await moderator.getByLabel('Item title').fill(title);
      await moderator.getByLabel('Kind', { exact: true }).selectOption('deliberate');
      await moderator.getByLabel('Planned minutes').fill('10');
      const honesty = moderator
        .getByRole('group', { name: 'Standards it concerns' })
        .getByRole('checkbox', { name: 'Honesty' });
      await honesty.check();
      await moderator.getByRole('button', { name: 'Add item' }).click();
      await moderator.locator('[data-testid="agenda-item"]', { hasText: title }).waitFor();
    }
    await ada.getByRole('button', { name: 'Check in' }).click();
    await ada.getByLabel('What you want to say').selectOption('new_point');
    await ada.getByRole('button', { name: 'Raise hand' }).click();
    await moderator.locator('[data-testid="hand"]', { hasText: ADA }).waitFor();
  });

  it('lists its shortcuts (? toggles the panel) and marks each button with its key', async () => {
    await key('?');
    const panel = moderator.locator('[data-testid="shortcuts-panel"]');
    await panel.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
    await panel.getByRole('cell', { name: 'Call the next speaker' }).waitFor();
    expect(await moderator.getByRole('button', { name: 'Call next' }).getAttribute('aria-keyshortcuts')).toBe('N');
    expect(await moderator.getByRole('button', { name: 'Start timer' }).getAttribute('aria-keyshortcuts')).toBe('T');
    expect(await moderator.getByRole('button', { name: 'Next item' }).getAttribute('aria-keyshortcuts')).toBe('A');
    await key('?');
    await panel.waitFor({ state: 'detached' });
    await key('?');
    await panel.waitFor();
    await moderator.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
  });

  it('never fires a shortcut while typing in a field', async () => {
    await moderator.getByLabel('Item title').fill('');
    await moderator.getByLabel('Item title').press('n');
    await moderator.getByLabel('Item title').press('t');
    expect(await moderator.getByLabel('Item title').inputValue()).toBe('nt');
    // No item started, nobody called: the keys were typing.
    expect(await moderator.locator('[data-testid="item-countdown"]').count()).toBe(0);
    expect(await moderator.locator('[data-testid="speaker"]').count()).toBe(0);
    await moderator.getByLabel('Item title').fill('');
  });

  it('runs the first item and the floor by keys; the watch page follows', async () => {
    await key('t'); // no current item: starts the first
    await moderator.locator('[data-testid="item-countdown"][data-state="running"]').waitFor();
    const programme = watcher.locator('[data-testid="watch-agenda"]');
    await programme.locator('[data-testid="agenda-item"][data-current]', { hasText: FIRST }).waitFor();
    await programme.locator('[data-testid="agenda-item"]', { hasText: SECOND }).waitFor();
    expect(await programme.locator('[aria-current="step"]').innerText()).toContain('Now');
    // The queue, under pseudonyms.
    await watcher.locator('[data-testid="hand"]', { hasText: /Member \d+/ }).waitFor();

    await key('n');
    await moderator.locator('[data-testid="speaker"]', { hasText: ADA }).waitFor();
    await watcher.locator('[data-testid="speaker"]').waitFor();
    expect(await watcher.locator('[data-testid="speaker"]').getAttribute('data-name')).toMatch(/^Member \d+$/);
    await watcher.locator('[data-testid="queue"], .queue .empty').first().waitFor();

    const before = await seconds(moderator);
    await key('+');
    await eventually(
      () => seconds(moderator),
      (after) => expect(after).toBeGreaterThan(before + 240),
    );
    await key('t');
    await moderator.locator('[data-testid="item-countdown"][data-state="paused"]').waitFor();
    await watcher.locator('[data-testid="item-countdown"][data-state="paused"]').waitFor();
    await key('t');
    await moderator.locator('[data-testid="item-countdown"][data-state="running"]').waitFor();
  });

  it('shows the text under discussion in the console and highlights what was just added on the watch page', async () => {
    // The console's text pane holds the standard the item concerns, editable while drafting.
    await moderator.locator('[data-testid="discussed-text"]').getByRole('heading', { name: 'Honesty' }).waitFor();
    await textField(ada, 'Honesty').click();
    await ada.keyboard.type('Leaders tell the truth.');
    await ada.locator('[data-testid="save-status"][data-save="saved"]').waitFor();
    const live = watcher.locator('[data-testid="live-text"]');
    await live.locator('mark[data-testid="recent-change"]', { hasText: 'truth' }).waitFor();
    // Said in words too, for screen readers.
    expect(await live.innerText()).toContain('changed recently');
    await textField(moderator, 'Honesty').getByText('Leaders tell the truth.').waitFor();
  });

  it('ends the turn, opens and closes a vote by keys; the result is a chart with its table', async () => {
    await key('e');
    await moderator.locator('[data-testid="speaker"]').waitFor({ state: 'detached' });
    await key('v');
    await eventually(
      () => moderator.evaluate(() => !!document.activeElement?.closest('#desk-pane-votes form')),
      (inForm) => expect(inForm).toBe(true),
    );
    await moderator.getByRole('radio', { name: 'A free question' }).check();
    await moderator.getByLabel('Question', { exact: true }).fill(QUESTION);
    await moderator.getByRole('button', { name: 'Open vote' }).click();
    // Ballots are in the member's Votes section.
    await castInVotes(ada, QUESTION, 'Yes');
    await openSection(ada, 'Now');
    await key('c');
    const chart = watcher.locator('[data-testid="vote-chart"]');
    await chart.waitFor();
    expect(await chart.getByRole('img').getAttribute('aria-label')).toMatch(/Yes 1 · 100%/);
    await watcher.locator('[data-testid="vote-counts"]').waitFor();
    expect(await moderator.locator('[data-testid="shortcut-status"]').innerText()).toBe('');
    await key('c');
    await moderator
      .locator('[data-testid="shortcut-status"]', { hasText: 'There is no open vote to close.' })
      .waitFor();
  });

  it('embeds a livestream the server allows, and explains a refused address', async () => {
    const form = moderator.locator('[data-testid="livestream-form"]');
    await form.getByLabel('Livestream address').fill('https://evil.example/watch?v=dQw4w9WgXcQ');
    await form.getByRole('button', { name: 'Set livestream' }).click();
    await form
      .getByRole('alert')
      .getByText(/YouTube or Vimeo/)
      .waitFor();
    expect(await form.getByLabel('Livestream address').inputValue()).toContain('evil.example');
    await form.getByLabel('Livestream address').fill(YOUTUBE);
    await form.getByRole('button', { name: 'Set livestream' }).click();
    await form.locator('[data-testid="livestream-current"]', { hasText: YOUTUBE }).waitFor();
    const frame = watcher.locator('[data-testid="livestream"] iframe');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(await frame.getAttribute('title')).toBe('Livestream of the sitting on YouTube');
  });

  it('moves to the next item by key without ever leaving the console', async () => {
    await key('a');
    await watcher
      .locator('[data-testid="watch-agenda"] [data-testid="agenda-item"][data-current]', { hasText: SECOND })
      .waitFor();
    await watcher
      .locator('[data-testid="watch-agenda"] [data-testid="agenda-item"][data-status="done"]', { hasText: FIRST })
      .waitFor();
    expect(moderator.url()).toBe(`${server.url}/console`);
  });

  it('is accessible on both pages (axe-core, WCAG 2.2 A/AA)', async () => {
    await key('e'); // nothing to end: said in words, nothing sent
    await moderator.locator('[data-testid="shortcut-status"]', { hasText: 'Nobody has the floor.' }).waitFor();
    await moderator.locator('[data-testid="equity-chart"]').waitFor();
    expect(await axeViolations(moderator)).toEqual([]);
    expect(await axeViolations(watcher)).toEqual([]);
  });

  it('fits 360 px and 1280 px, with screenshots of both pages at each', async () => {
    for (const [width, height] of [
      [1280, 800],
      [360, 740],
    ] as const) {
      for (const [name, page] of [
        ['console', moderator],
        ['watch', watcher],
      ] as const) {
        await page.setViewportSize({ width, height });
        await page.evaluate(() => {
          window.scrollTo(0, 0);
          document.querySelectorAll('.desk-pane').forEach((pane) => (pane.scrollTop = 0));
        });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.screenshot({ path: path.join(SHOTS, `${name}-${width}x${height}.png`) });
        if (name === 'watch')
          await page.screenshot({ path: path.join(SHOTS, `${name}-${width}x${height}-full.png`), fullPage: true });
      }
    }
    // On a phone the console shows one pane at a time, chosen with the section buttons or 1–6.
    await key('4');
    await moderator.locator('#desk-pane-floor').getByRole('heading', { name: /Floor/ }).waitFor();
    expect(await moderator.locator('#desk-pane-sitting').isVisible()).toBe(false);
    await moderator.screenshot({ path: path.join(SHOTS, 'console-360x740-floor.png') });
    expect(await axeViolations(moderator)).toEqual([]);
    await moderator.getByRole('button', { name: /Sitting/ }).click();
    await moderator.locator('#desk-pane-sitting').waitFor({ state: 'visible' });
  });

  it('threw no uncaught errors in any page', () => {
    expect(browser.pageErrors()).toEqual([]);
  });
});
