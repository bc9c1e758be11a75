import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp, SeededAssembly } from '../apps/server/test/support/harness.ts';
import { axeViolations } from './support/a11y.ts';
import { eventually, openSection, startMoot, waitForLive } from './support/moot.ts';
import { useBrowser } from './support/useBrowser.ts';

const browser = await useBrowser();

const MODERATOR = 'Mo Facilitator';
const ADA = 'Ada Lovelace';
const PSEUDONYM = /^Member \d+$/;
const TEXT = 'Honesty should cover what we leave out, too.';
const NOTE = 'Keep it about the standard';

/**
 * The comments of the seeded standard "Honesty": under the standard in the charter (the moderator,
 * the watch page) or in the member's comments section (Ada), which has each standard's comments.
 */
function comments(page: Page) {
  return page
    .locator('article', { has: page.getByRole('heading', { name: /Honesty$/, level: 3 }) })
    .locator('[data-testid="comments"]');
}

describe.skipIf(!browser.ok)('comments on a standard: post, read on the watch page, hide', () => {
  let server: RunningApp;
  let seed: SeededAssembly;
  let moderator: Page;
  let ada: Page;
  let watcher: Page;

  beforeAll(async () => {
    ({ server, seed } = await startMoot());
    browser.closeAfter(server);
    const m = await browser.join(server.url, seed.moderatorInvite, MODERATOR);
    const a = await browser.join(server.url, seed.memberInvites[0]!, ADA);
    const w = await browser.open(`${server.url}/watch#${seed.watchKey}`);
    await waitForLive(w.page);
    [moderator, ada, watcher] = [m.page, a.page, w.page];
    await openSection(moderator, 'Charter');
    await openSection(ada, 'Comments');
  });

  it('starts with no comments, and refuses an empty one inline', async () => {
    for (const page of [moderator, ada, watcher])
      await comments(page).getByRole('heading', { name: 'Comments (0)' }).waitFor();
    await comments(ada).getByRole('button', { name: 'Post comment' }).click();
    await comments(ada).getByRole('alert').getByText('Write a comment first.').waitFor();
  });

  it('shows a member’s comment to everyone, under a pseudonym on the watch page', async () => {
    const field = comments(ada).getByLabel('Add a comment');
    await field.fill(TEXT);
    await comments(ada).getByRole('button', { name: 'Post comment' }).click();
    // The field clears once the server accepted the comment, and the inline error is gone.
    await eventually(
      () => field.inputValue(),
      (value) => expect(value).toBe(''),
    );
    expect(await comments(ada).getByRole('alert').count()).toBe(0);

    for (const page of [moderator, ada, watcher]) {
      await comments(page).getByRole('heading', { name: 'Comments (1)' }).waitFor();
      await comments(page).locator('[data-testid="comment"]', { hasText: TEXT }).waitFor();
    }
    expect(await comments(ada).locator('[data-testid="comment"]').getAttribute('data-author')).toBe(ADA);
    const seen = comments(watcher).locator('[data-testid="comment"]');
    expect(await seen.getAttribute('data-author')).toMatch(PSEUDONYM);
    expect(await watcher.content()).not.toContain(ADA);
    // The watch page is read-only: no form, no moderation.
    expect(await comments(watcher).getByLabel('Add a comment').count()).toBe(0);
    expect(await comments(watcher).getByRole('button').count()).toBe(0);
    // Only moderators may hide.
    expect(await comments(ada).getByRole('button', { name: 'Hide', exact: true }).count()).toBe(0);
  });

  it('lets a moderator hide it with a reason: observers lose the text, the author is told', async () => {
    const comment = comments(moderator).locator('[data-testid="comment"]', { hasText: TEXT });
    await comment.getByRole('button', { name: 'Hide', exact: true }).click();
    await comment.getByLabel('Reason').selectOption('off_topic');
    await comment.getByLabel(/^Note \(optional/).fill(NOTE);
    await comment.getByRole('button', { name: 'Hide comment' }).click();

    // Observer: it was hidden and why, without the text or the note.
    const seen = comments(watcher).locator('[data-testid="comment"]');
    await comments(watcher).locator('[data-testid="comment"][data-hidden="true"]').waitFor();
    expect(await seen.getByTestId('comment-hidden').innerText()).toBe('Hidden by a moderator: Off topic');
    const page = await watcher.content();
    expect(page).not.toContain(TEXT);
    expect(page).not.toContain(NOTE);

    // Author and moderator still read it, struck through and labelled, and no longer get "Hide".
    for (const reader of [ada, moderator]) {
      const hidden = comments(reader).locator('[data-testid="comment"][data-hidden="true"]');
      await hidden.waitFor();
      await hidden.getByText('Hidden by a moderator: Off topic').waitFor();
      expect(await hidden.locator('del').innerText()).toBe(TEXT);
      expect(await hidden.getByRole('button', { name: 'Hide', exact: true }).count()).toBe(0);
    }
    const status = ada.locator('[data-testid="member-status"]');
    await status.getByText('A moderator hid one of your comments. Reason: Off topic.').waitFor();
    await status.getByText(NOTE).waitFor();
  });

  it('stays accessible with comments, a hidden one and the forms on screen (axe)', async () => {
    await comments(moderator).getByLabel('Add a comment').fill('A second thought');
    for (const page of [moderator, ada, watcher]) expect(await axeViolations(page)).toEqual([]);
  });

  it('threw no uncaught errors in any page', () => {
    expect(browser.pageErrors()).toEqual([]);
  });
});
