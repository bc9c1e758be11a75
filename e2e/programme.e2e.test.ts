import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp, SeededAssembly } from '../apps/server/test/support/harness.ts';
import { axeViolations } from './support/a11y.ts';
import { eventually, startMoot, waitForLive } from './support/moot.ts';
import { useBrowser } from './support/useBrowser.ts';

const browser = await useBrowser();

/** Where the screenshots go (not committed: see .gitignore). */
const SHOTS = path.resolve(import.meta.dirname, 'screenshots');

const SATURDAY = 'Weekend 1: Saturday';
const SUNDAY = 'Weekend 1: Sunday';
const LINK = 'https://meet.example.org/assembly-sunday';

describe.skipIf(!browser.ok)(
  'the programme: sittings planned ahead, on the console, the assembly and the watch page',
  () => {
    let server: RunningApp;
    let seed: SeededAssembly;
    let moderator: Page;
    let ada: Page;
    let watcher: Page;

    const plannedSitting = (title: string): Locator =>
      moderator.locator('[data-testid="planned-sitting"]', { has: moderator.getByRole('heading', { name: title }) });
    const shownSitting = (page: Page, title: string): Locator =>
      page.locator('[data-testid="sitting"]', { has: page.getByRole('heading', { name: title }) });

    beforeAll(async () => {
      ({ server, seed } = await startMoot());
      browser.closeAfter(server);
      const m = await browser.join(server.url, seed.moderatorInvite, 'Mo Facilitator');
      const a = await browser.join(server.url, seed.memberInvites[0]!, 'Ada Lovelace');
      const w = await browser.open(`${server.url}/watch#${seed.watchKey}`);
      await waitForLive(w.page);
      [moderator, ada, watcher] = [m.page, a.page, w.page];
      await mkdir(SHOTS, { recursive: true });
    });

    const plan = async (
      title: string,
      date: string,
      place: 'room' | 'online' | 'both',
      times: [string, string] = ['10:00', '16:00'],
    ) => {
      const form = moderator.getByRole('form', { name: 'Plan a sitting' });
      await form.getByLabel('Title').fill(title);
      await form.getByLabel('Date').fill(date);
      await form.getByLabel('Starts').fill(times[0]);
      await form.getByLabel('Ends').fill(times[1]);
      await form.getByLabel('Place').selectOption(place);
      if (place !== 'online') {
        await form.getByLabel('Room').fill('Council chamber');
        await form.getByLabel('Address').fill('City Hall, Cardiff');
      }
      if (place !== 'room') await form.getByLabel('Link to join online').fill(LINK);
      await form.getByRole('button', { name: 'Plan sitting' }).click();
    };

    it('plans two sittings from the console, saying so when one would end before it starts', async () => {
      await moderator.getByRole('link', { name: 'Open the moderator console' }).click();
      await moderator.waitForURL(`${server.url}/console`);
      await waitForLive(moderator);
      await moderator.locator('[data-testid="programme-console"]').waitFor();

      await plan(SATURDAY, '2030-06-01', 'room', ['16:00', '10:00']);
      await moderator
        .getByRole('form', { name: 'Plan a sitting' })
        .getByRole('alert')
        .getByText('A sitting must end after it starts, on the same day.')
        .waitFor();
      expect(await moderator.locator('[data-testid="planned-sitting"]').count()).toBe(0);

      await plan(SATURDAY, '2030-06-01', 'room');
      await plannedSitting(SATURDAY).waitFor();
      await plan(SUNDAY, '2030-06-02', 'both', ['09:30', '13:00']);
      await plannedSitting(SUNDAY).waitFor();
      // In date order, the times in the assembly's zone (London, summer time) as typed.
      await plannedSitting(SATURDAY).getByText('Saturday, 1 June 2030, 10:00 to 16:00').waitFor();
      await plannedSitting(SUNDAY).getByText('Sunday, 2 June 2030, 09:30 to 13:00').waitFor();

      // Reordering swaps dates: Sunday's sitting moves to Saturday's slot, and back.
      await plannedSitting(SUNDAY)
        .getByRole('button', { name: `Move “${SUNDAY}” earlier: swap dates with “${SATURDAY}”` })
        .click();
      await plannedSitting(SUNDAY).getByText('Saturday, 1 June 2030, 10:00 to 16:00').waitFor();
      await eventually(
        () => moderator.locator('[data-testid="planned-sitting"] h3').allTextContents(),
        (titles) => expect(titles).toEqual([SUNDAY, SATURDAY]),
      );
      await plannedSitting(SUNDAY)
        .getByRole('button', { name: `Move “${SUNDAY}” later: swap dates with “${SATURDAY}”` })
        .click();
      await plannedSitting(SUNDAY).getByText('Sunday, 2 June 2030, 09:30 to 13:00').waitFor();
    });

    it('gives Sunday an agenda and copies it into Saturday', async () => {
      const sunday = plannedSitting(SUNDAY);
      await sunday.getByRole('button', { name: `Add agenda items to “${SUNDAY}”` }).click();
      for (const [title, minutes] of [
        ['Welcome back', '15'],
        ['Evidence: local transport', '45'],
      ]) {
        await sunday.getByLabel('Item title').fill(title!);
        await sunday.getByLabel('Planned minutes').fill(minutes!);
        await sunday.getByRole('button', { name: 'Add item' }).click();
        await sunday.getByText(`${title} (${minutes} min)`).waitFor();
      }
      const saturday = plannedSitting(SATURDAY);
      await saturday.getByLabel('Copy the agenda of').selectOption({ label: SUNDAY });
      await saturday.getByRole('button', { name: `Copy that agenda into “${SATURDAY}”` }).click();
      await saturday.getByText('Evidence: local transport (45 min)').waitFor();
      await saturday.getByText('Welcome back (15 min)').waitFor();
    });

    it('shows the public the programme on the watch page, the current sitting marked, without the online link', async () => {
      const programme = watcher.locator('[data-testid="programme"]');
      await programme.waitFor();
      await shownSitting(watcher, SUNDAY).getByText('Evidence: local transport (45 min)').waitFor();
      await shownSitting(watcher, SATURDAY).getByText('Welcome back (15 min)').waitFor();
      // Before anything starts, the next sitting is the current one.
      await eventually(
        () => shownSitting(watcher, SATURDAY).getAttribute('aria-current'),
        (v) => expect(v).toBe('true'),
      );
      await shownSitting(watcher, SATURDAY).getByText('Next sitting').waitFor();
      expect(await shownSitting(watcher, SUNDAY).getAttribute('aria-current')).toBeNull();
      await shownSitting(watcher, SUNDAY).getByText('In person and online').waitFor();
      expect(await watcher.content()).not.toContain('meet.example.org');
      // Members get the link to join.
      const link = shownSitting(ada, SUNDAY).getByRole('link', { name: 'Join online' });
      expect(await link.getAttribute('href')).toBe(LINK);
    });

    it('starting a planned sitting makes it current everywhere; a second one cannot start while it runs', async () => {
      await plannedSitting(SATURDAY)
        .getByRole('button', { name: `Start the sitting “${SATURDAY}”` })
        .click();
      for (const page of [watcher, ada]) {
        await shownSitting(page, SATURDAY).getByText('Current sitting').waitFor();
        await shownSitting(page, SATURDAY).getByText('Live now').waitFor();
      }
      await plannedSitting(SUNDAY)
        .getByRole('button', { name: `Start the sitting “${SUNDAY}”` })
        .click();
      await moderator
        .locator('[data-testid="programme-console"]')
        .getByRole('alert')
        .getByText(/Another sitting is live/)
        .waitFor();
      await shownSitting(watcher, SUNDAY).getByText('Planned').waitFor();
    });

    it('dates the programme in Welsh for a Welsh reader', async () => {
      await watcher.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Cymraeg' }).click();
      await shownSitting(watcher, SUNDAY).getByText('Dydd Sul, 2 Mehefin 2030, 09:30 tan 13:00').waitFor();
      await watcher.getByRole('heading', { name: 'Rhaglen' }).waitFor();
      await watcher.getByRole('group', { name: 'Iaith' }).getByRole('button', { name: 'English' }).click();
      await watcher.getByRole('heading', { name: 'Programme' }).waitFor();
    });

    it('fits 360 px phones and 1280 px screens, accessible (axe), with screenshots', async () => {
      for (const [name, page] of [
        ['watch', watcher],
        ['member', ada],
        ['console', moderator],
      ] as const) {
        await page.setViewportSize({ width: 360, height: 740 });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
        const section = page
          .locator(name === 'console' ? '[data-testid="planned-sitting"]' : '[data-testid="programme"]')
          .first();
        await section.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.screenshot({ path: path.join(SHOTS, `programme-${name}-360x740.png`) });
        await page.setViewportSize({ width: 1280, height: 800 });
        await section.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.screenshot({ path: path.join(SHOTS, `programme-${name}-1280x800.png`) });
        expect(await axeViolations(page)).toEqual([]);
      }
    });

    it('threw no uncaught errors in any page', () => {
      expect(browser.pageErrors()).toEqual([]);
    });
  },
);
