import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { inviteParticipant } from '../apps/server/src/features/identity/participantStore.ts';
import type { RunningApp, SeededAssembly } from '../apps/server/test/support/harness.ts';
import { axeViolations } from './support/a11y.ts';
import { eventually, openSection, startMoot, waitForLive } from './support/moot.ts';
import { screenshotAt, sidewaysOverflow } from './support/screenshots.ts';
import { useBrowser } from './support/useBrowser.ts';

const browser = await useBrowser();

const MO = 'Mo Facilitator';
const NIA = 'Nia Second';
const ADA = 'Ada Lovelace';
const TEXT = 'Diaries of meetings with lobbyists should be published.';
const APPEAL = 'The clause under discussion is about openness, so diaries are on topic.';
const DECISION = 'Diaries are what the openness clause is about: the comment stays.';

/** The comments of the seeded standard "Honesty" (under the standard, or in the member's comments section). */
function comments(page: Page) {
  return page
    .locator('article', { has: page.getByRole('heading', { name: /Honesty$/, level: 3 }) })
    .locator('[data-testid="comments"]');
}

/**
 * Contested moderation, with two moderators: Mo hides Ada's comment; Ada appeals under the
 * notice; Mo cannot decide his own action (no buttons, and why); Nia overturns it with a reason;
 * the comment is back on everyone's screen, and the watch page's moderation log shows the hide,
 * the appeal and the outcome under Ada's pseudonym.
 */
describe.skipIf(!browser.ok)('an appeal against a hidden comment, overturned by another moderator', () => {
  let server: RunningApp;
  let seed: SeededAssembly;
  let mo: Page;
  let nia: Page;
  let ada: Page;
  let watcher: Page;

  beforeAll(async () => {
    ({ server, seed } = await startMoot());
    browser.closeAfter(server);
    const niaInvite = (await inviteParticipant(server.db, seed.assemblyId, 'moderator')).inviteSecret;
    const opened = [
      await browser.join(server.url, seed.moderatorInvite, MO),
      await browser.join(server.url, niaInvite, NIA),
      await browser.join(server.url, seed.memberInvites[0]!, ADA),
      await browser.open(`${server.url}/watch#${seed.watchKey}`),
    ];
    await waitForLive(opened[3]!.page);
    [mo, nia, ada, watcher] = opened.map((o) => o.page) as [Page, Page, Page, Page];
  });

  it('runs a sitting (Nia, from the console) and Mo hides Ada’s comment', async () => {
    await nia.getByRole('link', { name: 'Open the moderator console' }).click();
    await nia.waitForURL(`${server.url}/console`);
    await waitForLive(nia);
    await nia.getByLabel('Session title').fill('Evening sitting');
    await nia.getByRole('button', { name: 'Create session' }).click();
    await nia.getByRole('button', { name: 'Start session' }).click();
    await nia.locator('[data-testid="session-status"]', { hasText: 'Live' }).waitFor();

    await openSection(ada, 'Comments');
    await comments(ada).getByLabel('Add a comment').fill(TEXT);
    await comments(ada).getByRole('button', { name: 'Post comment' }).click();
    await openSection(mo, 'Charter');
    const comment = comments(mo).locator('[data-testid="comment"]', { hasText: TEXT });
    await comment.getByRole('button', { name: 'Hide', exact: true }).click();
    await comment.getByLabel('Reason').selectOption('off_topic');
    await comment.getByRole('button', { name: 'Hide comment' }).click();
    await comments(watcher).locator('[data-testid="comment"][data-hidden="true"]').waitFor();
    expect(await watcher.content()).not.toContain(TEXT);
  });

  it('lets Ada appeal from the notice, telling her the reason is public', async () => {
    const mine = ada.locator('[data-testid="member-appeals"]');
    const hidden = mine.locator('[data-testid="appeal-case"]', { hasText: 'A comment of yours was hidden' });
    await hidden.getByText(`Your comment: “${TEXT}”`).waitFor();
    await hidden.getByRole('button', { name: 'Appeal: A comment of yours was hidden' }).click();
    await hidden.getByText(/Your reason is public/).waitFor();
    await hidden.getByLabel('Why should this be undone?').fill(APPEAL);
    for (const [w, h] of [
      [360, 740],
      [1280, 800],
    ] as const) {
      await screenshotAt(ada, 'appeals-member-form', w, h);
      expect(await sidewaysOverflow(ada), `sideways scroll at ${w}`).toBe(0);
    }
    expect(await axeViolations(ada)).toEqual([]);
    await hidden.getByRole('button', { name: 'Send appeal' }).click();
    await hidden
      .locator('[data-testid="appeal-status"][data-status="pending"]')
      .getByText('Appeal sent: a moderator other than the one who acted will decide.')
      .waitFor();
    // Once: no second "Appeal" for the same action.
    expect(await hidden.getByRole('button', { name: /^Appeal/ }).count()).toBe(0);
  });

  it('shows Mo the appeal without the buttons to decide it, saying why', async () => {
    await mo.goto(`${server.url}/console`);
    await waitForLive(mo);
    // Nothing for Mo to decide: no "waiting for your decision" at the top.
    await mo.locator('[data-testid="appeals-console"]').waitFor({ state: 'attached' });
    expect(await mo.locator('[data-testid="appeals-waiting"]').count()).toBe(0);
    const pending = mo.locator('[data-testid="pending-appeal"]');
    await pending.getByText(`Appeal: “${APPEAL}”`).waitFor();
    await pending
      .getByTestId('own-action')
      .getByText('You took this action, so another moderator decides this appeal.')
      .waitFor();
    expect(await pending.getByRole('button', { name: /Overturn|Uphold/ }).count()).toBe(0);
  });

  it('lets Nia overturn it with a reason: the comment is back on every screen, the watch log says so', async () => {
    // At the top of Nia's console: an appeal waits for her, and a button takes her to it.
    await nia.locator('[data-testid="appeals-waiting"]').getByText('1 appeal waits for your decision.').waitFor();
    await nia.getByRole('button', { name: 'Show appeals' }).click();
    const pending = nia.locator('[data-testid="pending-appeal"]');
    await pending.getByText(`${ADA}: comment hidden`, { exact: false }).waitFor();
    await pending.getByText(`The comment: “${TEXT}”`).waitFor();
    await pending.getByLabel('Reason for your decision (public)').fill(DECISION);
    for (const [w, h] of [
      [360, 740],
      [1280, 800],
    ] as const) {
      await screenshotAt(nia, 'appeals-console', w, h);
      expect(await sidewaysOverflow(nia), `sideways scroll at ${w}`).toBe(0);
    }
    expect(await axeViolations(nia)).toEqual([]);
    await pending.getByRole('button', { name: 'Overturn (undo it)' }).click();
    await nia.locator('[data-testid="decided-appeal"]').getByText(`Overturned by ${NIA}: “${DECISION}”`).waitFor();

    // Back for everyone, live: no reload.
    for (const page of [watcher, ada]) {
      const shown = comments(page).locator('[data-testid="comment"]', { hasText: TEXT });
      await shown.waitFor();
      expect(await shown.getAttribute('data-hidden')).not.toBe('true');
    }
    // The console shows no comments: Mo reads them in the charter.
    await mo.goto(`${server.url}/assembly/charter`);
    await waitForLive(mo);
    const back = comments(mo).locator('[data-testid="comment"]', { hasText: TEXT });
    await back.waitFor();
    expect(await back.getAttribute('data-hidden')).not.toBe('true');

    await ada
      .locator('[data-testid="appeal-status"][data-status="overturned"]')
      .getByText(`Your appeal was accepted (overturned by ${NIA}): “${DECISION}”`)
      .waitFor();
    await ada.getByText('Your comment shows again.').waitFor();
    // The notice of the hide no longer stands once it is overturned.
    expect(await ada.locator('[data-testid="member-status"]').count()).toBe(0);

    // The public log: the hide, the appeal and the outcome, both reasons, under a pseudonym.
    const entry = watcher.locator('[data-testid="moderation-entry"]', { hasText: 'Comment hidden' });
    await entry.locator('[data-testid="log-appeal"][data-status="overturned"]').waitFor();
    await eventually(
      () => entry.innerText(),
      (text) => {
        expect(text).toMatch(/Comment hidden: Member \d+/);
        expect(text).toContain(`Appealed: “${APPEAL}”`);
        expect(text).toContain(`Overturned: “${DECISION}”`);
      },
    );
    expect(await watcher.content()).not.toContain(ADA);
    await entry.scrollIntoViewIfNeeded();
    for (const [w, h] of [
      [360, 740],
      [1280, 800],
    ] as const) {
      await screenshotAt(watcher, 'appeals-watch-log', w, h);
      await screenshotAt(ada, 'appeals-member-outcome', w, h);
      expect(await sidewaysOverflow(watcher), `watch page sideways at ${w}`).toBe(0);
      expect(await sidewaysOverflow(ada), `member page sideways at ${w}`).toBe(0);
    }
    for (const page of [watcher, ada]) expect(await axeViolations(page)).toEqual([]);
  });

  it('threw no uncaught errors in any page', () => {
    expect(browser.pageErrors()).toEqual([]);
  });
});
