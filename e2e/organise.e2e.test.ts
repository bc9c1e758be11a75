import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { firstOrganiserLink } from '../apps/server/src/features/organise/operatorLink.ts';
import { startApp, type RunningApp } from '../apps/server/test/support/harness.ts';
import { axeViolations } from './support/a11y.ts';
import { WEB_ROOT } from './support/buildWeb.ts';
import { eventually, openSection } from './support/moot.ts';
import { screenshotAt, sidewaysOverflow } from './support/screenshots.ts';
import { useBrowser } from './support/useBrowser.ts';

const browser = await useBrowser();

const TITLE = 'Assembly on Local Transport';
const CHARGE = 'How should our town get around by 2035?';

/**
 * An organiser's first hour: open the organiser link the first start printed, create an
 * assembly, appoint a moderator, and the moderator reaches the assembly through the invite
 * link in a browser of their own. Every page is checked with axe, and at 360 px wide.
 */
describe.skipIf(!browser.ok)('organising an assembly in the browser', () => {
  let server: RunningApp;
  let organiser: Page;
  let errors: string[];
  let inviteHref: string;

  beforeAll(async () => {
    server = await startApp({ webRoot: path.join(WEB_ROOT, 'dist') });
    browser.closeAfter(server);
  });

  it('opens the organiser link once: it lands on /organise, and the link is used up', async () => {
    const link = (await firstOrganiserLink(server.db, server.url))!;
    const opened = await browser.open(link);
    organiser = opened.page;
    errors = opened.errors;
    await organiser.waitForURL(`${server.url}/organise`);
    await organiser.getByText('Signed in as Organiser 1').waitFor();
    await organiser.getByText('You do not run any assemblies yet.').waitFor();
    expect(await axeViolations(organiser)).toEqual([]);

    const again = await browser.open(link);
    await again.page.getByText('This organiser link is not valid', { exact: false }).waitFor();
    expect(again.page.url()).toBe(link);
  });

  it('creates an assembly; a wrong input is explained and keeps what was typed', async () => {
    await organiser.getByLabel('Title').fill(TITLE);
    // No charge yet: refused before sending, with the protocol's own words.
    await organiser.getByRole('button', { name: 'Create the assembly' }).click();
    await organiser.getByRole('alert').getByText('An assembly needs a charge', { exact: false }).waitFor();
    expect(await organiser.getByLabel('Title').inputValue()).toBe(TITLE);
    await organiser.getByLabel('Charge: the question the assembly answers').fill(CHARGE);
    await organiser.getByLabel('Description').fill('Thirty residents, chosen by lot.');
    await organiser.getByLabel('Cymraeg').check();
    await organiser.getByLabel('Starts on').fill('2027-01-10');
    await organiser.getByLabel('Ends on').fill('2027-03-20');
    await organiser.getByLabel('Commissioned by').fill('The Town Council');
    await organiser.getByRole('button', { name: 'Create the assembly' }).click();
    const watch = organiser.locator('[data-testid="fresh-link"]');
    expect(await watch.getByLabel('Link to send').inputValue()).toMatch(
      new RegExp(`^${server.url}/watch#[A-Za-z0-9_-]{22}$`),
    );
    await organiser.getByRole('link', { name: `Manage “${TITLE}”` }).waitFor();
    expect(await axeViolations(organiser)).toEqual([]);
  });

  it('appoints a moderator on the assembly’s page, with an invite link shown once', async () => {
    await organiser.getByRole('link', { name: `Manage “${TITLE}”` }).click();
    await organiser.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const people = organiser.locator('[data-testid="people"]');
    await people.getByText('Nobody appointed yet.').waitFor();
    await people.getByLabel('Role').selectOption('moderator');
    await people.getByRole('button', { name: 'Appoint and make an invite link' }).click();
    const shown = people.locator('[data-testid="fresh-link"]');
    inviteHref = await shown.getByLabel('Link to send').inputValue();
    expect(inviteHref).toMatch(new RegExp(`^${server.url}/join#[A-Za-z0-9_-]{22}$`));
    await shown.getByText('Copy it now: it is not shown again.', { exact: false }).waitFor();
    await people.locator('[data-testid="seat"][data-role="moderator"]').waitFor();
    expect(await axeViolations(organiser)).toEqual([]);
  });

  it('fits 360 px and 1280 px screens (screenshots of both)', async () => {
    for (const [width, height] of [
      [360, 740],
      [1280, 800],
    ] as const) {
      const file = await screenshotAt(organiser, 'organise-assembly', width, height);
      expect((await stat(file)).size).toBeGreaterThan(0);
      expect(await sidewaysOverflow(organiser), `${width} px`).toBeLessThanOrEqual(0);
    }
    await organiser.setViewportSize({ width: 360, height: 740 });
    await organiser.getByRole('link', { name: 'All your assemblies' }).click();
    await organiser.getByRole('link', { name: `Manage “${TITLE}”` }).waitFor();
    await screenshotAt(organiser, 'organise-list', 360, 740);
    expect(await sidewaysOverflow(organiser)).toBeLessThanOrEqual(0);
    await screenshotAt(organiser, 'organise-list', 1280, 800);
    expect(await axeViolations(organiser)).toEqual([]);
  });

  it('the moderator opens the invite in a browser of their own and reaches the assembly', async () => {
    const moderator = await browser.join(server.url, inviteHref.split('#')[1]!, 'Mo Appointed');
    await moderator.page.getByRole('link', { name: 'Open the moderator console' }).waitFor();
    // The charge heads the charter, a tap away from the Now screen.
    await openSection(moderator.page, 'Charter');
    await moderator.page.getByText(CHARGE).first().waitFor();
    // The organiser's roster shows them by name once they joined.
    await organiser.getByRole('link', { name: `Manage “${TITLE}”` }).click();
    await eventually(
      async () => {
        await organiser.reload();
        return organiser.locator('[data-testid="seat"][data-role="moderator"]').innerText();
      },
      (text) => expect(text).toContain('Mo Appointed'),
    );
    expect(errors).toEqual([]);
  });

  it('listing it puts it on the home page, under "Watching", linking to its watch page', async () => {
    await organiser.getByLabel('List it on the home page').check();
    await organiser.getByRole('button', { name: 'Save the details' }).click();
    await organiser.getByText('Saved.').waitFor();
    const watchLink = organiser.locator('[data-testid="watch-link"]');
    const href = await watchLink.getAttribute('href');
    expect(href).toMatch(new RegExp(`^${server.url}/watch#[A-Za-z0-9_-]{22}$`));
    await organiser.goto(`${server.url}/`);
    await organiser.getByRole('link', { name: TITLE }).click();
    await organiser.waitForURL(href!);
    await organiser.getByText(CHARGE).first().waitFor();
    expect(errors).toEqual([]);
  });
});
