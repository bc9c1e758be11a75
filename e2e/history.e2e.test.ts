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

  async function typeAtEnd(page: Page, text: string, title = 'Honesty') {
    await textField(page, title).click();
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

  it('picks any edit as a point, and names who deleted whose words', async () => {
    const { socket: cai } = await connectMember(server.url, await redeem(server.url, seed.memberInvites[2]!, 'Cai'));
    acked(await cai.emitWithAck('standard:add', { title: 'Openness' }));
    cai.disconnect();
    await openSection(ada, 'Charter');
    await textField(ada, 'Openness').waitFor();
    // In two goes, so that her first edit is a point before her sentence was whole.
    await typeAtEnd(ada, 'Meetings are', 'Openness');
    await saved(ada);
    await typeAtEnd(ada, ' open to all.', 'Openness');
    await saved(ada);
    await eventually(
      () => textField(grace, 'Openness').innerText(),
      (text) => expect(text).toContain('Meetings are open to all.'),
    );
    // Grace deletes Ada's last words, key by key ("to all." then the space).
    await textField(grace, 'Openness').click();
    await grace.keyboard.press('Control+End');
    for (let i = 0; i < ' to all.'.length; i++) await grace.keyboard.press('Backspace');
    await saved(grace);

    await standard(ada, 'Openness').getByRole('link', { name: 'History and authors' }).click();
    await ada.waitForURL(/\/assembly\/history\//);
    const text = ada.getByTestId('history-text');
    await text.waitFor();
    // Every edit is a point; From: the moment of Ada's last keystroke, before Grace's first.
    const from = ada.getByLabel('From', { exact: true });
    const options = await from
      .locator('option')
      .evaluateAll((all) => all.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? '' })));
    const lastOfAda = options.findLast((o) => o.label.startsWith(`Edit by ${ADA}, `))!;
    expect(options.at(-2)!.label).toMatch(new RegExp(`^Edit by ${GRACE}, `));
    await from.selectOption(lastOfAda.value);
    await ada.getByLabel('To', { exact: true }).selectOption('now');

    await expect.poll(() => text.locator('del').allTextContents()).toEqual([' to all.']);
    expect(await text.locator('del').getAttribute('data-author')).toBe(ADA);
    expect(await text.locator('del').getAttribute('data-deleter')).toBe(GRACE);
    expect(await text.locator('del').getAttribute('title')).toBe(`deleted by ${GRACE}, written by ${ADA}`);
    expect(await ada.getByTestId('history-summary').innerText()).toBe(
      `Paragraph 1: written by ${ADA}; deleted text written by ${ADA}; deleted by ${GRACE}`,
    );
    // The deleter is in the legend, coloured as in the text.
    expect(await ada.getByRole('list', { name: 'Authors' }).innerText()).toContain(GRACE);

    // Ada's first edit: the text as it stood then (the start of her sentence), to now.
    const firstOfAda = options.find((o) => o.label.startsWith(`Edit by ${ADA}, `))!;
    await from.selectOption(firstOfAda.value);
    await expect.poll(() => text.locator('del').count()).toBe(0);
    const kept = (await text.locator('.history-kept').allTextContents()).join('');
    const inserted = (await text.locator('ins').allTextContents()).join('');
    expect(kept + inserted).toBe('Meetings are open');
    expect(inserted).toMatch(/ open$/);
    expect(await axeViolations(ada)).toEqual([]);
  });
});
