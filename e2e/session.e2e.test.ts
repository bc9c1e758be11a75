import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp, SeededAssembly } from '../apps/server/test/support/harness.ts';
import { axeViolations } from './support/a11y.ts';
import { wordsBrokenInTables } from './support/layout.ts';
import { eventually, standard, startMoot, textField, waitForLive } from './support/moot.ts';
import { useBrowser } from './support/useBrowser.ts';

const browser = await useBrowser();

const MODERATOR = 'Mo Facilitator';
const ADA = 'Ada Lovelace';
const GRACE = 'Grace Hopper';
const PSEUDONYM = /^Member \d+$/;
const ITEM = 'Opening round';

/** The seconds a page's countdown shows right now (`data-seconds`), or null when it shows none. */
async function seconds(page: Page, testId: 'item-countdown' | 'turn-countdown'): Promise<number | null> {
  const value = await page.locator(`[data-testid="${testId}"]`).getAttribute('data-seconds', { timeout: 2000 });
  return value === null ? null : Number(value);
}

describe.skipIf(!browser.ok)('running a live session in the browser: console, member, observer', () => {
  let server: RunningApp;
  let seed: SeededAssembly;
  let moderator: Page;
  let ada: Page;
  let watcher: Page;
  let grace: Page;

  beforeAll(async () => {
    ({ server, seed } = await startMoot());
    browser.closeAfter(server);
    const m = await browser.join(server.url, seed.moderatorInvite, MODERATOR);
    const a = await browser.join(server.url, seed.memberInvites[0]!, ADA);
    const g = await browser.join(server.url, seed.memberInvites[1]!, GRACE);
    const w = await browser.open(`${server.url}/watch#${seed.watchKey}`);
    await waitForLive(w.page);
    [moderator, ada, grace, watcher] = [m.page, a.page, g.page, w.page];
  });

  it('lets a moderator create a session, add an item and start it from the console', async () => {
    await moderator.getByRole('link', { name: 'Open the moderator console' }).click();
    await moderator.waitForURL(`${server.url}/console`);
    await moderator.getByRole('heading', { name: 'Moderator console', level: 1 }).waitFor();
    await waitForLive(moderator);

    await moderator.getByLabel('Session title').fill('Morning session');
    await moderator.getByRole('button', { name: 'Create session' }).click();
    await moderator.getByRole('button', { name: 'Start session' }).click();
    await moderator.locator('[data-testid="session-status"]', { hasText: 'Live' }).waitFor();

    await moderator.getByLabel('Item title').fill(ITEM);
    await moderator.getByLabel('Kind', { exact: true }).selectOption('deliberate');
    await moderator.getByLabel('Planned minutes').fill('10');
    await moderator
      .getByRole('group', { name: 'Standards it concerns' })
      .getByRole('checkbox', { name: 'Honesty' })
      .check();
    await moderator.getByRole('button', { name: 'Add item' }).click();
    // The form clears once the server accepted the item.
    await eventually(
      () => moderator.getByLabel('Item title').inputValue(),
      (v) => expect(v).toBe(''),
    );
    await moderator.getByRole('button', { name: `Start: ${ITEM}` }).click();
    await moderator.locator('[data-testid="item-countdown"][data-state="running"]').waitFor();
    expect(await seconds(moderator, 'item-countdown')).toBeGreaterThan(590);
  });

  it('lets a member check in and raise a hand, and the moderator call them', async () => {
    const panel = ada.locator('[data-testid="session-panel"]');
    await panel.getByRole('button', { name: 'Check in' }).click();
    await panel.locator('[data-testid="checked-in"]').waitFor();
    await panel.getByLabel('What you want to say').selectOption('new_point');
    await panel.getByRole('button', { name: 'Raise hand' }).click();
    await panel.locator('[data-testid="my-hand"]').waitFor();

    // The moderator sees the hand (with Ada's name) and calls the next speaker.
    await moderator.locator('[data-testid="hand"]', { hasText: ADA }).waitFor();
    await moderator.getByRole('button', { name: 'Call next' }).click();
    await moderator.locator('[data-testid="speaker"]', { hasText: ADA }).waitFor();
  });

  it('shows the member and the observer the current item, the same countdown and the speaker', async () => {
    for (const page of [ada, watcher]) {
      await page.locator('[data-testid="current-item-title"]', { hasText: ITEM }).waitFor();
      await page.locator('[data-testid="item-countdown"][data-state="running"]').waitFor();
      await page.locator('[data-testid="speaker"]').waitFor();
      await page.locator('[data-testid="turn-countdown"]').waitFor();
    }
    // Each page counts down by itself against its own measured clock offset: read together,
    // they agree within a second (the seconds change at the same server instant).
    for (const id of ['item-countdown', 'turn-countdown'] as const) {
      const [mine, theirs] = await Promise.all([seconds(ada, id), seconds(watcher, id)]);
      expect(mine).not.toBeNull();
      expect(Math.abs(mine! - theirs!)).toBeLessThanOrEqual(1);
    }
    const [item, turn] = await Promise.all([seconds(ada, 'item-countdown'), seconds(ada, 'turn-countdown')]);
    expect(item).toBeGreaterThan(560);
    expect(turn).toBeGreaterThan(150);
    expect(turn).toBeLessThanOrEqual(180);

    // The member is the speaker and is told so, with a way to yield.
    const speaker = ada.locator('[data-testid="speaker"]');
    expect(await speaker.getAttribute('data-name')).toBe(ADA);
    await speaker.getByText('You have the floor').waitFor();
    await speaker.getByRole('button', { name: 'Yield the floor' }).waitFor();

    // The observer sees the same speaker under a pseudonym, never the name.
    const seen = await watcher.locator('[data-testid="speaker"]').getAttribute('data-name');
    expect(seen).toMatch(PSEUDONYM);
    await watcher.locator('[data-testid="speaker"]').getByText(`${seen!} has the floor`).waitFor();
    expect(await watcher.content()).not.toContain(ADA);
    // Nothing that acts on the assembly: only controls of this page's own view (language, easy read).
    expect(
      await watcher.locator('input, textarea, select, button:not([data-view-only]), [contenteditable="true"]').count(),
    ).toBe(0);
    expect(await watcher.locator('button[data-view-only]').count()).toBeGreaterThan(0);

    // The standard the item concerns is marked in the charter, in words.
    for (const page of [ada, watcher])
      await standard(page, 'Honesty')
        .locator('[data-testid="discussing-now"]', { hasText: 'Discussing now' })
        .waitFor();
  });

  it('survives a reload with the right time left', async () => {
    await ada.reload();
    await waitForLive(ada);
    await ada.locator('[data-testid="item-countdown"]').waitFor();
    const [mine, theirs] = await Promise.all([seconds(ada, 'item-countdown'), seconds(watcher, 'item-countdown')]);
    expect(Math.abs(mine! - theirs!)).toBeLessThanOrEqual(1);
  });

  describe('accessibility (axe-core, WCAG 2.2 A/AA)', () => {
    it('moderator console with a running item, a speaker and the equity table', async () => {
      await moderator.locator('[data-testid="equity"]').waitFor();
      expect(await axeViolations(moderator)).toEqual([]);
    });

    it('member session panel while speaking', async () => {
      await ada.locator('[data-testid="speaker"]').waitFor();
      expect(await axeViolations(ada)).toEqual([]);
    });

    it('watch page with the session', async () => {
      await watcher.locator('[data-testid="speaker"]').waitFor();
      expect(await axeViolations(watcher)).toEqual([]);
    });
  });

  it('runs small groups: each member edits their own pad, the moderator reads it, the plenary gets the notes', async () => {
    await grace.getByRole('button', { name: 'Check in' }).click();
    await grace.locator('[data-testid="checked-in"]').waitFor();
    await moderator.locator('[data-testid="attendee"][data-presence="present"]', { hasText: GRACE }).waitFor();
    await moderator.getByLabel('Number of groups').fill('2');
    await moderator.getByRole('button', { name: 'Form groups' }).click();

    const adaGroup = ada.locator('[data-testid="my-group"]');
    const heading = await adaGroup.getByRole('heading', { name: /^Your group: group \d$/ }).innerText();
    const number = heading.slice(-1);
    const pad = (page: Page) => page.getByRole('textbox', { name: `Notes of group ${number}`, exact: true });
    await eventually(
      () => pad(ada).getAttribute('contenteditable'),
      (value) => expect(value).toBe('true'),
    );
    await pad(ada).click();
    await ada.keyboard.type('Ada’s group notes');
    // Grace is in the other group: she sees her own pad, never Ada's.
    await grace
      .locator('[data-testid="my-group"]')
      .getByRole('heading', { name: /^Your group/ })
      .waitFor();
    expect(await pad(grace).count()).toBe(0);

    await moderator.getByRole('button', { name: `Open notes of group ${number}` }).click();
    await pad(moderator).getByText('Ada’s group notes').waitFor();
    await moderator.getByRole('button', { name: 'End groups' }).click();

    for (const page of [watcher, ada, grace]) {
      const notes = page.getByRole('region', { name: 'Notes from the small groups' });
      await notes
        .getByRole('textbox', { name: `Notes of group ${number}` })
        .getByText('Ada’s group notes')
        .waitFor();
      expect(
        await notes.getByRole('textbox', { name: `Notes of group ${number}` }).getAttribute('contenteditable'),
      ).toBe('false');
      // Reading a locked pad is not an edit: no refusal may be shown.
      expect(await notes.getByRole('alert').count()).toBe(0);
    }
    expect(await ada.locator('[data-testid="save-status"]').getAttribute('data-save')).not.toBe('error');
  });

  it('tells a member who opens the console that it is for moderators', async () => {
    const page = await ada.context().newPage();
    await page.goto(`${server.url}/assembly`);
    await waitForLive(page);
    // Client-side navigation: the server serves the app's index.html only for its known paths,
    // and /console is not (yet) one of them, so a direct load would be the server's 404.
    await page.evaluate(() => {
      window.history.pushState({}, '', '/console');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await page.getByRole('alert').getByText('Only moderators can open the console').waitFor();
    expect(await page.locator('[data-testid="console"]').count()).toBe(0);
    await page.close();
  });

  it('shows an announcement to members and observers', async () => {
    await moderator.getByLabel('Announcement text').fill('Break at eleven');
    await moderator.getByRole('button', { name: 'Post announcement' }).click();
    for (const page of [ada, watcher])
      await page.locator('[data-testid="announcement"]', { hasText: 'Break at eleven' }).waitFor();
  });

  it('tells a muted member why and disables their hand; observers see the log without the note', async () => {
    const note = 'Please let others finish';
    await moderator.getByLabel('Member', { exact: true }).selectOption({ label: ADA });
    await moderator.getByLabel('Reason').selectOption('disruption');
    await moderator.getByLabel(/^Note \(optional/).fill(note);
    await moderator.getByLabel('Mute for (minutes)').fill('5');
    await moderator.getByRole('button', { name: 'Mute', exact: true }).click();

    const status = ada.locator('[data-testid="member-status"]');
    await status.getByText(/A moderator muted you until .+\. Reason: Disruption\./).waitFor();
    await status.getByText(note).waitFor();
    await eventually(
      () => ada.getByRole('button', { name: 'Raise hand' }).isDisabled(),
      (disabled) => expect(disabled).toBe(true),
    );
    // Nor can they type into the charter while muted.
    await eventually(
      () => textField(ada, 'Honesty').getAttribute('contenteditable'),
      (value) => expect(value).toBe('false'),
    );

    const entry = watcher.locator('[data-testid="moderation-entry"]').first();
    await entry.waitFor();
    expect(await entry.innerText()).toMatch(/Muted: Member \d+ · Reason: Disruption$/);
    expect(await watcher.content()).not.toContain(note);
  });

  it('fits a 360 px wide screen without sideways scrolling', async () => {
    for (const page of [moderator, ada, watcher]) {
      await page.setViewportSize({ width: 360, height: 800 });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
      expect(await wordsBrokenInTables(page)).toEqual([]);
    }
  });

  it('stays accessible with announcements, group notes and a mute on screen (axe)', async () => {
    for (const page of [moderator, ada, watcher]) {
      await page.setViewportSize({ width: 1280, height: 800 });
      expect(await axeViolations(page)).toEqual([]);
    }
  });

  it('threw no uncaught errors in any page', () => {
    expect(browser.pageErrors()).toEqual([]);
  });
});
