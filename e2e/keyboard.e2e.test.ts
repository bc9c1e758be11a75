import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp, SeededAssembly } from '../apps/server/test/support/harness.ts';
import { press, tabTo } from './support/keyboard.ts';
import { eventually, fieldText, startMoot, waitForLive } from './support/moot.ts';
import { useBrowser } from './support/useBrowser.ts';

const browser = await useBrowser();

const MODERATOR = 'Mo Facilitator';
const ADA = 'Ada Lovelace';
const ITEM = 'Opening round';

/**
 * The member and moderator flows with the keyboard alone: Tab and Shift+Tab to move, Enter and
 * Space to press, arrows to choose, typing to write. No mouse click anywhere in this file.
 */
describe.skipIf(!browser.ok)('keyboard-only walkthroughs', () => {
  let server: RunningApp;
  let seed: SeededAssembly;
  let moderator: Page;
  let ada: Page;

  /** Opens an invite link and joins by keyboard: Tab to the name, type it, Enter submits. */
  async function joinByKeyboard(invite: string, name: string): Promise<Page> {
    const { page } = await browser.open(`${server.url}/join#${invite}`);
    await page.getByLabel('Your name').waitFor();
    await tabTo(page, 'Your name');
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/assembly`);
    await waitForLive(page);
    return page;
  }

  beforeAll(async () => {
    ({ server, seed } = await startMoot());
    browser.closeAfter(server);
  });

  it('moderator: opens the console, creates and starts a session, adds and runs an agenda item', async () => {
    moderator = await joinByKeyboard(seed.moderatorInvite, MODERATOR);
    await press(moderator, 'Open the moderator console');
    await moderator.waitForURL(`${server.url}/console`);
    await waitForLive(moderator);

    await tabTo(moderator, 'Session title');
    await moderator.keyboard.type('Morning session');
    await press(moderator, 'Create session');
    await moderator.getByRole('button', { name: 'Start session' }).waitFor();
    await press(moderator, 'Start session');
    await moderator.locator('[data-testid="session-status"]', { hasText: 'Live' }).waitFor();

    await tabTo(moderator, 'Item title');
    await moderator.keyboard.type(ITEM);
    await tabTo(moderator, 'Kind');
    // Arrows choose in a closed select: from the first kind to the second ("Deliberate").
    await moderator.keyboard.press('ArrowDown');
    await tabTo(moderator, 'Planned minutes');
    await moderator.keyboard.press('Control+A');
    await moderator.keyboard.type('10');
    await tabTo(moderator, 'Honesty');
    await moderator.keyboard.press('Space');
    await press(moderator, 'Add item');
    await eventually(
      () => moderator.getByLabel('Item title').inputValue(),
      (value) => expect(value).toBe(''),
    );
    await press(moderator, `Start: ${ITEM}`);
    await moderator.locator('[data-testid="item-countdown"][data-state="running"]').waitFor();
    await moderator.locator('[data-testid="current-item-title"]', { hasText: ITEM }).waitFor();
  });

  it('member: joins, edits a standard, checks in and raises a hand', async () => {
    ada = await joinByKeyboard(seed.memberInvites[0]!, ADA);
    await tabTo(ada, 'Text of Honesty');
    await ada.keyboard.type('Leaders tell the truth.');
    await eventually(
      () => fieldText(ada, 'Honesty'),
      (text) => expect(text).toBe('Leaders tell the truth.'),
    );
    // Stored, not only typed: "saved" means the server acknowledged every edit.
    await ada.locator('[data-testid="save-status"][data-save="saved"]').waitFor();

    await press(ada, 'Check in');
    await ada.locator('[data-testid="checked-in"]').waitFor();
    await tabTo(ada, 'What you want to say');
    await ada.keyboard.press('ArrowUp');
    expect(await ada.getByLabel('What you want to say').inputValue()).toBe('direct_response');
    await press(ada, 'Raise hand', 'Space');
    await ada.locator('[data-testid="my-hand"]').waitFor();
  });

  it('moderator: calls the next speaker; the member is told they have the floor', async () => {
    await moderator.locator('[data-testid="hand"]', { hasText: ADA }).waitFor();
    await press(moderator, 'Call next');
    await moderator.locator('[data-testid="speaker"]', { hasText: ADA }).waitFor();
    await ada.locator('[data-testid="speaker"]').getByText('You have the floor').waitFor();
    await press(ada, 'Yield the floor');
    await ada.locator('.speaker').getByText('Nobody has the floor.').waitFor();
    expect(await ada.locator('[data-testid="speaker"]').count()).toBe(0);
  });

  it('moderator opens a vote, the member casts a ballot, the moderator closes it: all by keyboard', async () => {
    const question = 'Meet again next week?';
    // A free question: arrows move the choice within the radio group.
    await tabTo(moderator, 'Adopting a locked standard');
    await moderator.keyboard.press('ArrowDown');
    await tabTo(moderator, 'Question');
    await moderator.keyboard.type(question);
    await press(moderator, 'Open vote');

    // The member's "now" screen carries a yes/no vote's ballot: cast there, by keyboard.
    const line = ada.locator('[data-testid="open-vote"]', { hasText: question });
    await line.locator('[data-testid="ballot"]').waitFor();
    await tabTo(ada, 'Yes');
    await ada.keyboard.press('Space');
    await press(ada, 'Cast my ballot');
    await line.locator('[data-testid="ballot-status"][data-state="counted"]').waitFor();
    // "See the vote" leads to the vote's card, with focus on it.
    await tabTo(ada, 'See the vote', { backwards: true });
    await ada.keyboard.press('Enter');
    await ada.waitForURL(/\/assembly\/votes#vote-/);
    const card = ada.locator('[data-testid="vote"]').filter({ has: ada.getByRole('heading', { name: question }) });
    await card.locator('[data-testid="ballot-status"][data-state="counted"]').waitFor();

    await press(moderator, `Close the vote: ${question}`);
    await card.locator('[data-testid="vote-result"]').waitFor();
  });

  it('raised no uncaught errors in any page', () => {
    expect(browser.pageErrors()).toEqual([]);
  });
});
