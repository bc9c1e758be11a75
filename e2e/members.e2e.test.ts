import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acked, connectMember, type RunningApp, type SeededAssembly } from '../apps/server/test/support/harness.ts';
import { axeViolations } from './support/a11y.ts';
import { launchBrowser } from './support/browser.ts';
import { eventually, joinAs, joinOnPage, openPage, startMoot, waitForLive } from './support/moot.ts';

const browser: Browser | null = await launchBrowser();

const REGIONS = ['North', 'South', 'East', 'West'];
const AGES = ['16-29', '30-44', '45-64', '65+'];
/** A selection tool's export of 100 people; `broken` spoils two rows (no name; a repeat of line 3). */
function lotteryCsv(broken: boolean): string {
  const rows = ['id,Name,Email,Phone,Postal address,Region,Age band,Gender'];
  for (let i = 1; i <= 100; i++) {
    const name = broken && i === 40 ? '' : `Person ${i}`;
    rows.push(
      `P${i},${name},p${i}@example.org,0770090${String(i).padStart(4, '0')},${i} High Street,` +
        `${REGIONS[i % 4]},${AGES[i % 3]},${i % 2 ? 'Female' : 'Male'}`,
    );
  }
  // The tool exported line 3 (P2) twice.
  if (broken) rows[71] = rows[2]!;
  return rows.join('\n') + '\n';
}

const SHOTS = path.join(import.meta.dirname, 'screenshots');

/**
 * An organiser imports the civic lottery's 100 members (two bad rows explained, fixed and
 * re-imported), prints their invite cards (a PDF from print CSS), a card's QR code decodes to
 * a link that seats a member in a fresh browser, and the representativeness view shows which
 * groups are missing from the sitting.
 */
describe.skipIf(!browser)('members from the civic lottery', () => {
  let server: RunningApp;
  let seed: SeededAssembly;
  const contexts: BrowserContext[] = [];
  let organiser: Page;
  const pageErrors: string[][] = [];

  beforeAll(async () => {
    ({ server, seed } = await startMoot());
    const joined = await joinAs(browser!, server.url, seed.moderatorInvite, 'Olu Organiser');
    contexts.push(joined.context);
    pageErrors.push(joined.errors);
    organiser = joined.page;
    await organiser.getByRole('button', { name: /^Menu/ }).click();
    await organiser.getByRole('link', { name: 'Members and invite cards' }).click();
    await organiser.getByRole('heading', { name: 'Members from the civic lottery', level: 1 }).waitFor();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  const choose = (csv: string, name = 'lottery.csv') =>
    organiser.setInputFiles('#members-file', { name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const preview = () => organiser.locator('[data-testid="import-preview"]');

  it('previews the file with its two bad rows explained, and imports the rest only when confirmed', async () => {
    await choose(lotteryCsv(true));
    await preview().getByText('98 new, 0 updated, 0 unchanged, 2 left out.').waitFor();
    const leftOut = preview().locator('[data-testid="left-out"]');
    await leftOut.getByText('Line 41: No name.').waitFor();
    await leftOut.getByText('Line 72: The same as line 3.').waitFor();
    await preview().getByText('Region: demographic category').waitFor();
    // Nothing is written by the preview.
    expect((await server.db.query('SELECT id FROM members')).length).toBe(0);
    await preview().getByRole('button', { name: 'Import 98 rows' }).click();
    await organiser
      .locator('[data-testid="import-result"]', { hasText: 'Imported: 98 new, 0 updated, 0 unchanged, 2 left out.' })
      .waitFor();
    expect((await server.db.query('SELECT id FROM members')).length).toBe(98);
  });

  it('re-imports the fixed file: the two people are added, nobody is duplicated', async () => {
    await choose(lotteryCsv(false), 'lottery-fixed.csv');
    await preview().getByText('2 new, 0 updated, 98 unchanged, 0 left out.').waitFor();
    await preview().getByRole('button', { name: 'Import 2 rows' }).click();
    await organiser.locator('[data-testid="import-result"]', { hasText: 'Imported: 2 new' }).waitFor();
    expect((await server.db.query('SELECT id FROM members')).length).toBe(100);
    await organiser.locator('table.member-list tbody tr').nth(99).waitFor();
  });

  it('explains a file in another encoding instead of importing it', async () => {
    const latin1 = Buffer.concat([Buffer.from('name,Region\nSi'), Buffer.from([0xe2]), Buffer.from('n,North\n')]);
    await organiser.setInputFiles('#members-file', { name: 'latin1.csv', mimeType: 'text/csv', buffer: latin1 });
    await preview()
      .locator('[data-testid="file-problems"]', { hasText: 'line 2 has characters in another encoding' })
      .waitFor();
    await preview().getByRole('button', { name: 'Cancel' }).click();
  });

  let cardLink = '';
  let secondCode = '';
  it('prints the invite cards: a PDF of A4 sheets of 8, each card with a QR code and a typed code', async () => {
    await organiser.getByRole('button', { name: 'Issue and show the cards' }).click();
    await organiser.getByText('100 cards issued.').waitFor();
    const cards = organiser.locator('article.invite-card');
    expect(await cards.count()).toBe(100);
    cardLink = (await cards.first().getAttribute('data-link'))!;
    expect(cardLink).toMatch(new RegExp(`^${server.url}/join#[A-Za-z0-9_-]{22}$`));
    secondCode = (await cards.nth(1).locator('[data-testid="card-code"]').textContent())!;
    expect(secondCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const pdf = await organiser.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    writeFileSync(path.join(SHOTS, 'invite-cards.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Everything but the cards is hidden in print; 100 cards at 8 a sheet is 13 pages.
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBe(13);
  });

  it("decodes a card's QR code to its join link, which seats the member in a fresh browser", async () => {
    const png = PNG.sync.read(await organiser.locator('article.invite-card .qr-code').first().screenshot());
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(cardLink);
    const member = await openPage(browser!, decoded!.data);
    contexts.push(member.context);
    pageErrors.push(member.errors);
    await joinOnPage(member.page, server.url, 'Pat');
    await waitForLive(member.page);
  });

  it('seats another member from the typed code alone', async () => {
    const member = await openPage(browser!, `${server.url}/join`);
    contexts.push(member.context);
    pageErrors.push(member.errors);
    await member.page.getByLabel('Code from your card').fill(secondCode.toLowerCase().replace(/-/g, ' '));
    await member.page.getByRole('button', { name: 'Check my code' }).click();
    await joinOnPage(member.page, server.url, 'Sam');
    // Both new members check in to a sitting the organiser starts.
    const cookies = async (context: BrowserContext) =>
      (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const mod = (await connectMember(server.url, await cookies(contexts[0]!))).socket;
    const { sessionId } = acked(await mod.emitWithAck('session:create', { title: 'First sitting' }));
    acked(await mod.emitWithAck('session:start', { sessionId }));
    for (const context of contexts.slice(1)) {
      const socket = (await connectMember(server.url, await cookies(context))).socket;
      acked(await socket.emitWithAck('attendance:checkIn', { sessionId }));
      socket.disconnect();
    }
    mod.disconnect();
  });

  it('shows representativeness: who is missing from the sitting, in a table and a chart', async () => {
    await organiser.reload();
    const region = organiser.locator('.representation-category[data-category="Region"]');
    await region.waitFor();
    await organiser.getByText('100 selected members; 2 present.').waitFor();
    // The first two cards (Persons 1 and 10) came: South and East. North and West, a quarter each of those drawn, are missing.
    for (const missing of ['North', 'West']) {
      await eventually(
        () => region.locator(`tr[data-value="${missing}"] [data-testid="gap"]`).textContent(),
        (text) => expect(text).toBe('under-represented by 25 points'),
      );
    }
    await region.getByRole('img', { name: 'Region: target, selected and present shares' }).waitFor();
  });

  it('publishes a category the organiser chose on the watch page, as counts only', async () => {
    const settings = organiser.locator('#members-settings').locator('..');
    await settings.getByRole('checkbox', { name: 'Region' }).check();
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await organiser.getByText('Settings saved.').waitFor();
    const watcher = await openPage(browser!, `${server.url}/watch#${seed.watchKey}`);
    contexts.push(watcher.context);
    pageErrors.push(watcher.errors);
    const published = watcher.page.locator('section.published-members');
    await published.getByRole('heading', { name: 'Who was selected' }).waitFor();
    await published.getByText('Counts under 5 are shown as “fewer than 5”', { exact: false }).waitFor();
    const north = published.getByRole('row', { name: 'North' });
    expect(await north.getByRole('cell').textContent()).toBe('25');
    // Only the published category: neither another category nor anything about a person.
    const text = (await published.textContent())!;
    expect(text).not.toContain('Age band');
    expect(text).not.toContain('Person');
    expect(await axeViolations(watcher.page)).toEqual([]);
  });

  it('fits 360 × 740 and 1280 × 800 (screenshots), and stays accessible (axe)', async () => {
    await organiser.setViewportSize({ width: 360, height: 740 });
    await organiser.locator('#members-representation').scrollIntoViewIfNeeded();
    expect(await organiser.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(360);
    await organiser.screenshot({ path: path.join(SHOTS, 'members-360.png'), fullPage: false });
    await organiser.setViewportSize({ width: 1280, height: 800 });
    await organiser.locator('#members-representation').scrollIntoViewIfNeeded();
    await organiser.screenshot({ path: path.join(SHOTS, 'members-1280.png'), fullPage: false });
    expect(await axeViolations(organiser)).toEqual([]);
  });

  it('threw no uncaught errors in any page', () => {
    expect(pageErrors.flat()).toEqual([]);
  });
});
