import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { compactDocument } from '../apps/server/src/collab/documentStore.ts';
import {
  acked,
  connectMember,
  redeem,
  type RunningApp,
  type SeededAssembly,
} from '../apps/server/test/support/harness.ts';
import { axeViolations } from './support/a11y.ts';
import { eventually, openSection, standard, startMoot, textField } from './support/moot.ts';
import { screenshotAt, sidewaysOverflow } from './support/screenshots.ts';
import { useBrowser } from './support/useBrowser.ts';

const browser = await useBrowser();

const ADA = 'Ada Lovelace';
const GRACE = 'Grace Hopper';

describe.skipIf(!browser.ok)("a standard's history in the browser: who wrote what, between two points", () => {
  let server: RunningApp;
  let seed: SeededAssembly;
  let ada: Page;
  let grace: Page;

  beforeAll(async () => {
    ({ server, seed } = await startMoot());
    browser.closeAfter(server);
    const a = await browser.join(server.url, seed.memberInvites[0]!, ADA);
    const g = await browser.join(server.url, seed.memberInvites[1]!, GRACE);
    [ada, grace] = [a.page, g.page];
    for (const page of [ada, grace]) await openSection(page, 'Charter');
  });

  async function typeAtEnd(page: Page, text: string) {
    await textField(page, 'Honesty').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(text);
  }
  const saved = (page: Page) =>
    eventually(
      () => page.locator('[data-testid="save-status"]').getAttribute('data-save'),
      (state) => expect(state).toBe('saved'),
    );

  it('two members write, the moderator locks, and the history shows what changed and who wrote it', async () => {
    await typeAtEnd(ada, 'Leaders answer questions.');
    await saved(ada);
    await eventually(
      () => textField(grace, 'Honesty').innerText(),
      (text) => expect(text).toContain('Leaders answer questions.'),
    );
    // The edit log folded into a snapshot (as every 500 updates or when everyone leaves): a point in time.
    await server.app.context.documents.flushWrites();
    expect((await compactDocument(server.db, seed.docId)).folded).toBeGreaterThan(0);

    await typeAtEnd(grace, ' They publish diaries.');
    await saved(grace);
    const { socket: moderator } = await connectMember(
      server.url,
      await redeem(server.url, seed.moderatorInvite, 'Aled Jones'),
    );
    acked(await moderator.emitWithAck('standard:lock', { standardId: seed.standardId }));
    moderator.disconnect();

    // Reached from the standard itself.
    await standard(ada, 'Honesty').getByRole('link', { name: 'History and authors' }).click();
    await ada.waitForURL(/\/assembly\/history\//);
    const text = ada.getByTestId('history-text');
    await text.waitFor();
    // Saved (after Ada wrote) to locked (after Grace wrote): Grace's words inserted, Ada's kept.
    await expect.poll(() => text.locator('ins').allTextContents()).toEqual([' They publish diaries.']);
    expect(await text.locator('ins').getAttribute('data-author')).toBe(GRACE);
    expect(await text.locator('.history-kept').allTextContents()).toEqual(['Leaders answer questions.']);
    expect(await text.locator('.history-kept').getAttribute('data-author')).toBe(ADA);
    expect(await ada.getByTestId('history-summary').innerText()).toBe(
      `Paragraph 1: written by ${ADA} and ${GRACE}; inserted by ${GRACE}`,
    );
    expect(await ada.getByLabel('To', { exact: true }).locator('option:checked').innerText()).toMatch(/^Locked, /);

    expect(await axeViolations(ada)).toEqual([]);
    for (const [width, height] of [
      [360, 740],
      [1280, 800],
    ] as const) {
      await screenshotAt(ada, 'history', width, height);
      expect(await sidewaysOverflow(ada)).toBe(0);
    }

    // The address survives a reload (the server serves the app at it).
    await ada.reload();
    await text.waitFor();
    // Any two points: now against the first point kept.
    await ada.getByLabel('To', { exact: true }).selectOption('now');
    await expect.poll(() => text.locator('ins').allTextContents()).toEqual([' They publish diaries.']);
  });
});
