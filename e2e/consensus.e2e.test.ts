import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp, SeededAssembly } from '../apps/server/test/support/harness.ts';
import { axeViolations } from './support/a11y.ts';
import { eventually, openSection, standard, startMoot, textField, waitForLive } from './support/moot.ts';
import { screenshotAt, sidewaysOverflow } from './support/screenshots.ts';
import { useBrowser } from './support/useBrowser.ts';

const browser = await useBrowser();

const FIRST = 'Leaders tell the truth about what they knew.';
const SECOND = 'Leaders publish every meeting with lobbyists.';

/** The consensus panel under the seeded standard "Honesty". */
const panel = (page: Page) => standard(page, 'Honesty').locator('[data-testid="consensus"]');
const row = (page: Page, opening: string) => panel(page).locator('[data-testid="consensus-row"]', { hasText: opening });
/** A member's own mark on a paragraph: its buttons, and what it says of an earlier wording. */
const ownMark = (page: Page, opening: string) =>
  panel(page).locator('[data-testid="consensus-mark"]', { hasText: opening });

describe.skipIf(!browser.ok)('the consensus map: members mark paragraphs, everyone sees the heat strip', () => {
  let server: RunningApp;
  let seed: SeededAssembly;
  let members: Page[];
  let moderator: Page;
  let watcher: Page;

  beforeAll(async () => {
    ({ server, seed } = await startMoot());
    browser.closeAfter(server);
    const opened = [
      await browser.join(server.url, seed.memberInvites[0]!, 'Ada'),
      await browser.join(server.url, seed.memberInvites[1]!, 'Ben'),
      await browser.join(server.url, seed.memberInvites[2]!, 'Cy'),
      await browser.join(server.url, seed.moderatorInvite, 'Mo'),
      await browser.open(`${server.url}/watch#${seed.watchKey}`),
    ];
    const pages = opened.map((o) => o.page);
    members = pages.slice(0, 3);
    [moderator, watcher] = [pages[3]!, pages[4]!];
    await waitForLive(watcher);
    for (const page of [...members, moderator]) await openSection(page, 'Charter');
  });

  it('lists the paragraphs a member writes, ready to mark', async () => {
    const ada = members[0]!;
    const field = textField(ada, 'Honesty');
    await field.click();
    await ada.keyboard.type(FIRST);
    await ada.keyboard.press('Enter');
    await ada.keyboard.type(SECOND);
    for (const page of members) {
      await ownMark(page, 'Leaders tell the truth').waitFor();
      await ownMark(page, 'Leaders publish every meeting').waitFor();
    }
  });

  it('counts the marks for everyone, observers too, and shows a division in words and colour', async () => {
    const marks: [Page, string, string][] = [
      [members[0]!, 'Leaders tell the truth', 'Agree'],
      [members[1]!, 'Leaders tell the truth', 'Agree'],
      [members[2]!, 'Leaders tell the truth', 'Agree'],
      [members[0]!, 'Leaders publish every meeting', 'Agree'],
      [members[1]!, 'Leaders publish every meeting', 'Disagree'],
      [members[2]!, 'Leaders publish every meeting', 'Pass'],
    ];
    for (const [page, opening, mark] of marks) {
      const button = ownMark(page, opening).getByRole('button', { name: mark, exact: true });
      await button.click();
      await eventually(
        () => button.getAttribute('aria-pressed'),
        (pressed) => expect(pressed).toBe('true'),
      );
    }
    for (const page of [watcher, moderator, members[0]!]) {
      await eventually(
        () => row(page, 'Leaders tell the truth').getAttribute('data-reading'),
        (reading) => expect(reading).toBe('agreement'),
      );
      await eventually(
        () => row(page, 'Leaders publish every meeting').getAttribute('data-reading'),
        (reading) => expect(reading).toBe('mixed'),
      );
    }
    // The heat strip beside the table: one named stripe per paragraph.
    const stripes = panel(watcher).locator('[data-testid="heat-strip"] li');
    expect(await stripes.count()).toBe(2);
    expect(await stripes.first().getAttribute('class')).toContain('heat-agreement');
    // Observers read totals only: no marking buttons, no names.
    expect(await panel(watcher).getByRole('button').count()).toBe(0);
    for (const name of ['Ada', 'Ben', 'Cy']) expect(await panel(watcher).getByText(name).count()).toBe(0);
  });

  it('tells a member their mark was given to an earlier wording after the text changes', async () => {
    const ben = members[1]!;
    const field = textField(ben, 'Honesty');
    await field.click();
    await ben.keyboard.press('Control+Home');
    await ben.keyboard.type('Always: ');
    await ownMark(ben, 'Always: Leaders tell the truth')
      .getByText('You marked an earlier wording: mark it again as it reads now.')
      .waitFor();
    await row(watcher, 'Always: Leaders tell the truth').getByText('3 marks on an earlier wording').waitFor();
  });

  it('lets the moderator list the most divisive paragraphs first; the panel is accessible and fits a phone', async () => {
    await panel(moderator).getByLabel('Most divisive first').check();
    await eventually(
      () => panel(moderator).locator('[data-testid="consensus-row"] th').first().textContent(),
      (first) => expect(first).toContain('Leaders publish every meeting'),
    );
    for (const [page, name] of [
      [members[0]!, 'consensus-member'],
      [watcher, 'consensus-watch'],
    ] as const) {
      await panel(page).scrollIntoViewIfNeeded();
      for (const [width, height] of [
        [360, 740],
        [1280, 800],
      ] as const)
        await screenshotAt(page, name, width, height);
      await page.setViewportSize({ width: 360, height: 740 });
      expect(await sidewaysOverflow(page), `${name} scrolls sideways at 360 px`).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
    }
    expect(browser.pageErrors()).toEqual([]);
  });
});
