import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pseudonym } from '@moot/protocol';
import { compactDocument } from '../apps/server/src/collab/documentStore.ts';
import type { RunningApp, SeededAssembly } from '../apps/server/test/support/harness.ts';
import { writeStandardByThree, type PassportStory } from '../apps/server/test/support/passportStory.ts';
import { axeViolations } from './support/a11y.ts';
import { standard, startMoot, waitForLive } from './support/moot.ts';
import { screenshotAt, sidewaysOverflow } from './support/screenshots.ts';
import { useBrowser } from './support/useBrowser.ts';

const browser = await useBrowser();

describe.skipIf(!browser.ok)("an adopted standard's provenance passport in the browser", () => {
  let server: RunningApp;
  let seed: SeededAssembly;
  let story: PassportStory;
  let page: Page;

  beforeAll(async () => {
    ({ server, seed } = await startMoot());
    browser.closeAfter(server);
    // Three members write it by real clients; it is adopted, amended and folded into a snapshot.
    story = await writeStandardByThree(server, seed);
    await server.app.context.documents.flushWrites();
    expect((await compactDocument(server.db, seed.docId)).folded).toBeGreaterThan(0);
    const opened = await browser.open(`${server.url}/watch#${seed.watchKey}`);
    page = opened.page;
  });

  afterAll(async () => {
    story?.close();
  });

  it('an observer follows the adopted standard to its passport and traces a sentence to its writers and decisions', async () => {
    const ada = pseudonym(story.seats.get('Ada')!);
    const cai = pseudonym(story.seats.get('Cai')!);
    await standard(page, 'Honesty')
      .getByRole('link', { name: /Provenance passport/ })
      .click();
    await page.waitForURL(new RegExp(`/passport/${seed.standardId}#${seed.watchKey}$`));
    const text = page.getByTestId('passport-text');
    await text.waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Provenance passport: Honesty');

    // Before a choice, the panel says what to do; the paragraph list already says who wrote what.
    expect(await page.getByTestId('passport-paragraphs').innerText()).toBe(
      [`Paragraph 1: written by ${ada} and ${cai}`, 'Paragraph 2: written by Ben; changed by amendment 1'].join('\n'),
    );

    // Ada's first sentence, with Cai's word in it.
    const first = page.getByRole('button', { name: 'Leaders answer every questions.', exact: true });
    await first.click();
    expect(await first.getAttribute('aria-pressed')).toBe('true');
    const details = page.getByTestId('passport-details');
    await expect
      .poll(() => details.getByTestId('passport-words').innerText())
      .toBe([`${ada}: “Leaders answer”`, `${cai}: “every”`, `${ada}: “questions.”`].join('\n'));
    expect(await details.getByTestId('passport-decisions').innerText()).toMatch(
      /^No amendment changed it: its words were written while the standard was drafted\.\nAdopted with the standard: Passed/,
    );

    // By keyboard too: Ada's second sentence.
    await page.getByRole('button', { name: 'They do so in public.' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => details.getByTestId('passport-words').innerText()).toBe(`${ada}: “They do so in public.”`);

    // Ben's sentence, two of whose words his adopted amendment wrote.
    await page.getByRole('button', { name: 'They publish a weekly diary.' }).click();
    expect(await first.getAttribute('aria-pressed')).toBe('false');
    await expect
      .poll(() => details.getByTestId('passport-words').innerText())
      .toBe(['Ben: “They publish”', 'Ben, by amendment 1: “a weekly diary”', 'Ben: “.”'].join('\n'));
    expect(await details.getByTestId('passport-decisions').innerText()).toMatch(
      /^Amendment 1 \(adopted\)\. Proposed by Ben\. Vote: Passed/,
    );
    expect(await page.getByTestId('passport-amendments').innerText()).toContain(
      'Replace “their diaries” with “a weekly diary”.',
    );
    expect(await page.getByTestId('passport-evidence').innerText()).toBe('Evidence 1: Open diaries abroad');
    expect(await page.getByText('Diaries should be daily.').count()).toBe(1);
    expect(await page.getByTestId('passport-hash').innerText()).toMatch(/^[0-9a-f]{64}$/);
    // The public never reads a pseudonymous member's name.
    expect(await page.locator('body').innerText()).not.toMatch(/\bAda\b|\bCai\b/);

    expect(await axeViolations(page)).toEqual([]);
    for (const [width, height] of [
      [360, 740],
      [1280, 800],
    ] as const) {
      await screenshotAt(page, 'passport', width, height);
      expect(await sidewaysOverflow(page)).toBe(0);
    }

    // The address survives a reload (the server serves the app at it), the key still in the fragment.
    await page.reload();
    await text.waitFor();
  });

  it('a member reaches the same passport from the charter', async () => {
    const member = await browser.open(`${server.url}/assembly/charter`);
    const [name, value] = story.cookies[0]!.split('=') as [string, string];
    await member.context.addCookies([{ name, value, url: server.url }]);
    await member.page.goto(`${server.url}/assembly/charter`);
    await waitForLive(member.page);
    // Followed from the keyboard: the room's state arriving can still move the charter down a line
    // (a notice above it), and a pointer click aimed before the move lands beside the link (CI saw it).
    await standard(member.page, 'Honesty')
      .getByRole('link', { name: /Provenance passport/ })
      .focus();
    await member.page.keyboard.press('Enter');
    await member.page.waitForURL(new RegExp(`/passport/${seed.standardId}$`));
    await member.page.getByTestId('passport-text').waitFor();
    expect(await member.page.getByTestId('passport-hash').innerText()).toBe(
      await page.getByTestId('passport-hash').innerText(),
    );
  });
});
