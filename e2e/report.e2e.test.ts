import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acked, type RunningApp, type SeededAssembly } from '../apps/server/test/support/harness.ts';
import { decidingEvening, type DecidingEvening } from '../apps/server/test/support/reportStory.ts';
import { axeViolations } from './support/a11y.ts';
import { openSection, startMoot } from './support/moot.ts';
import { useBrowser } from './support/useBrowser.ts';
import { pdfPagesText } from './support/pdfText.ts';
import { pageOverflow, saveScreenshot, SCREENSHOTS, sidewaysOverflow } from './support/screenshots.ts';

const browser = await useBrowser();

const PARTS = [
  'Who took part',
  'Programme',
  'Evidence heard',
  'Final ballot',
  'Standards',
  'Consequence ladders',
  'Register of breach cases',
  'Members’ statements',
];
const STATEMENT = 'We listened to each other, and changed our minds.';
const ADA_SAYS = 'Ask us again next year.';

/**
 * The assembly's report (issue 15 §3) in the browser: opened from the watch page, laid out for
 * paper, printed to a PDF whose pages are read back — the contents, a chart's table of exact
 * counts, the page numbers — and looked at on a phone and a laptop.
 */
describe.skipIf(!browser.ok)('the assembly’s report: a print page that makes a checked PDF', () => {
  let server: RunningApp;
  let seed: SeededAssembly;
  let evening: DecidingEvening;
  let watcher: Page;

  beforeAll(async () => {
    ({ server, seed } = await startMoot());
    browser.closeAfter(server);
    evening = await decidingEvening(server, seed, { moderator: 'Mo Facilitator', members: ['Ada', 'Ben', 'Cy'] });
    acked(await evening.members[1]!.emitWithAck('report:writeStatement', { text: STATEMENT }));

    watcher = (await browser.open(`${server.url}/watch#${seed.watchKey}`)).page;
  }, 300_000);

  afterAll(() => evening?.close());

  it('opens from the watch page with the key kept in the fragment: contents, the charts and their tables', async () => {
    await watcher.getByRole('navigation', { name: 'The public record' }).waitFor();
    await watcher.getByRole('link', { name: 'The assembly’s report, ready to print' }).click();
    await watcher.waitForURL(`${server.url}/report#${seed.watchKey}`);
    await watcher.getByRole('heading', { level: 1, name: 'Test assembly' }).waitFor();
    const contents = watcher.getByRole('navigation', { name: 'Contents' });
    await contents.getByRole('link', { name: PARTS[7] }).waitFor();
    expect(await contents.getByRole('link').allInnerTexts()).toEqual(PARTS);
    await watcher.getByText('Commissioned by The Borough Council.').waitFor();

    // The final ballot: the diverging bars, named by every count, and the exact counts in a table.
    const ballot = watcher.locator('#report-finalBallot');
    await ballot.getByTestId('support-chart').waitFor();
    expect(await ballot.getByRole('img').first().getAttribute('aria-label')).toMatch(/Strongly agree 2, .*Disagree 1/);
    const table = ballot.getByRole('table', { name: 'Answers to each recommendation (exact counts)' });
    expect(
      await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-counts'))),
    ).toEqual(['2,0,0,1,0', '0,0,0,0,3']);
    const consensus = watcher.getByRole('table', { name: 'Marks on each paragraph of “Honesty”' });
    expect(await consensus.locator('tbody tr').first().innerText()).toMatch(/Leaders tell the truth\.\s+3\s+0\s+0/);
    await watcher.getByText(STATEMENT).waitFor();

    // A contents entry scrolls to its part and leaves the address (the observer's key) alone.
    await contents.getByRole('link', { name: 'Register of breach cases' }).click();
    await watcher.getByRole('heading', { name: /Case 1: Director of Housing/ }).waitFor();
    expect(watcher.url()).toBe(`${server.url}/report#${seed.watchKey}`);
    expect(await axeViolations(watcher)).toEqual([]);
    expect(browser.pageErrors()).toEqual([]);
  });

  it('prints to a PDF with the contents first, numbered pages, each part on a new page and the chart’s table', async () => {
    await watcher.emulateMedia({ media: 'print' });
    const pdf = await watcher.pdf({ printBackground: true, preferCSSPageSize: true });
    // What the paper looks like: the final ballot at the width of an A4 page less its margins (178 mm),
    // looked at; every table fits that width, so none is cut off at the page's edge.
    await watcher.setViewportSize({ width: 673, height: 1000 });
    const tooWide = await watcher
      .locator('.report .table-scroll')
      .evaluateAll((regions) => regions.filter((r) => r.scrollWidth > r.clientWidth + 1).length);
    expect(tooWide).toBe(0);
    await watcher.locator('#report-finalBallot').scrollIntoViewIfNeeded();
    await saveScreenshot(watcher, 'report-print-ballot');
    await watcher.emulateMedia({ media: 'screen' });
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(path.join(SCREENSHOTS, 'report.pdf'), pdf);
    const pages = await pdfPagesText(pdf);
    const total = pages.length;
    // The cover and contents, then each of the eight parts from a new page.
    expect(total).toBeGreaterThanOrEqual(1 + PARTS.length);
    for (const title of ['Contents', ...PARTS]) expect(pages[0]).toContain(title);
    pages.forEach((text, i) => expect(text, `page ${i + 1}`).toMatch(new RegExp(`(^| )${i + 1} / ${total}( |$)`)));
    // Each page's text begins with its number (the margin box comes first); after it, the page's own words.
    const body = pages.map((text) => text.replace(/^\d+ \/ \d+ /, ''));
    PARTS.forEach((title, i) => {
      const starts = body.findIndex((text, n) => n > 0 && text.startsWith(`${i + 1}. ${title}`));
      expect(starts, `“${i + 1}. ${title}” starts a page`).toBeGreaterThan(0);
    });
    const ballotPage = body.find((text) => text.startsWith('4. Final ballot'))!;
    expect(ballotPage).toContain('Answers to each recommendation (exact counts)');
    expect(ballotPage).toMatch(/Strongly agree Agree Neither Disagree Strongly disagree Support Outcome/);
    expect(ballotPage).toMatch(/1\. Honesty: Standard 2 0 0 1 0 2 of 3 \(66\.7%\) Supported/);
    expect(pages.join(' ')).toContain('Marks on each paragraph of “Honesty”');
    // Nothing of the screen's tools is printed.
    expect(pages.join(' ')).not.toMatch(/Download as Markdown|Print or save as PDF/);
  });

  it('reads well on a phone and a laptop (looked at), and words its headings in Welsh', async () => {
    for (const [width, height] of [
      [360, 740],
      [1280, 800],
    ] as const) {
      await watcher.setViewportSize({ width, height });
      await watcher.evaluate(() => window.scrollTo(0, 0));
      await saveScreenshot(watcher, `report-top-${width}x${height}`);
      await watcher.locator('#report-finalBallot').scrollIntoViewIfNeeded();
      await saveScreenshot(watcher, `report-ballot-${width}x${height}`);
      await watcher.locator('#report-standards').scrollIntoViewIfNeeded();
      await saveScreenshot(watcher, `report-standards-${width}x${height}`);
      expect(await sidewaysOverflow(watcher), `${width}px`).toBe(0);
    }
    // On a phone every table reads without scrolling sideways: each row a stacked block, each count
    // labelled with its column's heading, and still a table with its headings to a screen reader.
    const ballot = watcher
      .locator('#report-finalBallot')
      .getByRole('table', { name: 'Answers to each recommendation (exact counts)' });
    const consensus = watcher.getByRole('table', { name: 'Marks on each paragraph of “Honesty”' });
    await ballot.scrollIntoViewIfNeeded();
    await saveScreenshot(watcher, 'report-ballot-table-1280x800');
    await watcher.setViewportSize({ width: 360, height: 740 });
    await consensus.scrollIntoViewIfNeeded();
    await saveScreenshot(watcher, 'report-consensus-360x740');
    const tables = watcher.locator('.report .table-scroll');
    expect(await tables.count()).toBeGreaterThanOrEqual(3);
    expect(
      await tables.evaluateAll((regions) =>
        regions
          .filter((r) => r.querySelector('table')!.scrollWidth > r.clientWidth || r.scrollWidth > r.clientWidth)
          .map((r) => r.getAttribute('aria-label')),
      ),
    ).toEqual([]);
    expect((await pageOverflow(watcher)).sideways).toBe(0);
    expect(await ballot.getByRole('columnheader').allInnerTexts()).toHaveLength(8);
    const firstRow = ballot.getByRole('row').nth(1);
    await firstRow.getByRole('rowheader', { name: '1. Honesty: Standard' }).waitFor();
    expect(
      await firstRow.getByRole('cell').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-label'))),
    ).toEqual(['Strongly agree', 'Agree', 'Neither', 'Disagree', 'Strongly disagree', 'Support', 'Outcome']);
    await watcher.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Cymraeg' }).click();
    const contents = watcher.getByRole('navigation', { name: 'Cynnwys' });
    await contents.waitFor();
    expect(await contents.getByRole('link').first().innerText()).toBe('Pwy gymerodd ran');
    await watcher.getByRole('heading', { name: '4. Pleidlais derfynol' }).waitFor();
    await watcher.getByRole('table', { name: 'Atebion i bob argymhelliad (union gyfrifon)' }).first().waitFor();
    await watcher.getByRole('group', { name: 'Iaith' }).getByRole('button', { name: 'English' }).click();
  });

  it('lets a member write their statement in the record section and a moderator hide one, with the reason shown to its author', async () => {
    const ada = await browser.join(server.url, seed.memberInvites[0]!, 'Ada');
    await ada.page.setViewportSize({ width: 360, height: 740 });
    await openSection(ada.page, 'Record');
    const form = ada.page.getByRole('form', { name: 'Your statement for the report' });
    await form.getByLabel('Your statement').fill(ADA_SAYS);
    await form.getByText(`${ADA_SAYS.length} of 1200 characters`).waitFor();
    await form.getByRole('button', { name: 'Save my statement' }).click();
    await form.getByText('Saved: your statement is in the report.').waitFor();
    await form.scrollIntoViewIfNeeded();
    await saveScreenshot(ada.page, 'report-statement-member-360x740');
    expect(await sidewaysOverflow(ada.page)).toBe(0);

    const mo = await browser.join(server.url, seed.moderatorInvite, 'Mo Facilitator');
    await openSection(mo.page, 'Record');
    const list = mo.page.getByRole('region', { name: 'Members’ statements in the report' });
    await list.getByText(ADA_SAYS).waitFor();
    const adaAs = (await list.getByText(ADA_SAYS).locator('xpath=following-sibling::p[1]').innerText()).trim();
    await list.getByLabel(`Reason for hiding the statement by ${adaAs}`).selectOption('privacy');
    await list
      .getByRole('listitem')
      .filter({ hasText: ADA_SAYS })
      .getByRole('button', { name: 'Hide this statement' })
      .click();
    await list.getByText('Hidden: the statement is no longer in the report.').waitFor();
    await expect.poll(() => list.getByText(ADA_SAYS).count()).toBe(0);
    expect(await axeViolations(mo.page)).toEqual([]);

    await ada.page.reload();
    await ada.page.getByTestId('statement-hidden').waitFor();
    expect(await ada.page.getByTestId('statement-hidden').innerText()).toContain('reason: Privacy');
    expect(await axeViolations(ada.page)).toEqual([]);
  });
});
