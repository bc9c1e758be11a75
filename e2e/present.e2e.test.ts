import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acked,
  connectMember,
  redeem,
  type MemberSocket,
  type RunningApp,
  type SeededAssembly,
} from '../apps/server/test/support/harness.ts';
import { axeViolations } from './support/a11y.ts';
import { eventually, startMoot, textField, waitForLive } from './support/moot.ts';
import { pageOverflow, saveScreenshot, screenshotAt } from './support/screenshots.ts';
import { useBrowser } from './support/useBrowser.ts';

const browser = await useBrowser();

const MODERATOR = 'Mo Facilitator';
const ADA = 'Ada Lovelace';
const GRACE = 'Grace Hopper';
const ITEM = 'Honesty: first reading';
const QUESTION = 'Shall we meet again on Thursday?';
const PSEUDONYM = /^Member \d+$/;
const PROJECTOR = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };

/**
 * Boxes of present mode whose content overflows them, or holds a line wider than itself (present
 * mode must never need a scroll, nor cut a word). The live text shows its end when it is too long.
 */
function overflowingBoxes(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.present-box'))
      .filter((box) => !box.classList.contains('present-draft'))
      .flatMap((box) => [box, ...Array.from(box.querySelectorAll<HTMLElement>('*'))])
      .filter(
        (el) =>
          el.scrollHeight > el.clientHeight + 1 ||
          (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) ||
          el.getBoundingClientRect().right > el.closest('.present-box')!.getBoundingClientRect().right + 1,
      )
      .map(
        (el) =>
          `${el.className || el.tagName}: ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`,
      ),
  );
}

/** The type size (px) the box's auto-fit chose for its text. */
const fontSize = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

describe.skipIf(!browser.ok)('present mode: the room’s screen', () => {
  let server: RunningApp;
  let seed: SeededAssembly;
  let moderatorSocket: MemberSocket;
  let grace: MemberSocket;
  let sessionId: string;
  let ada: Page;
  let room: Page;

  beforeAll(async () => {
    ({ server, seed } = await startMoot());
    browser.closeAfter(server);
    moderatorSocket = (await connectMember(server.url, await redeem(server.url, seed.moderatorInvite, MODERATOR)))
      .socket;
    grace = (await connectMember(server.url, await redeem(server.url, seed.memberInvites[1]!, GRACE))).socket;
    ({ sessionId } = acked(await moderatorSocket.emitWithAck('session:create', { title: 'Thursday evening' })));
    acked(await moderatorSocket.emitWithAck('session:start', { sessionId }));
    const { itemId } = acked(
      await moderatorSocket.emitWithAck('agenda:add', {
        sessionId,
        title: 'Welcome',
        kind: 'learn',
        plannedMinutes: 5,
      }),
    );
    const { itemId: drafting } = acked(
      await moderatorSocket.emitWithAck('agenda:add', {
        sessionId,
        title: ITEM,
        kind: 'draft',
        plannedMinutes: 20,
        standardIds: [seed.standardId],
      }),
    );
    acked(
      await moderatorSocket.emitWithAck('agenda:add', { sessionId, title: 'Break', kind: 'break', plannedMinutes: 10 }),
    );
    acked(await moderatorSocket.emitWithAck('agenda:start', { itemId }));
    acked(await moderatorSocket.emitWithAck('agenda:end', { itemId }));
    acked(await moderatorSocket.emitWithAck('agenda:start', { itemId: drafting }));
    acked(await grace.emitWithAck('attendance:checkIn', { sessionId }));
    acked(await grace.emitWithAck('queue:raise', { sessionId, kind: 'new_point' }));
    acked(await moderatorSocket.emitWithAck('queue:next', { sessionId }));

    const a = await browser.join(server.url, seed.memberInvites[0]!, ADA);
    ada = a.page;

    const context = await browser.context({ viewport: PROJECTOR });
    room = browser.watch(await context.newPage());
    await room.goto(`${server.url}/present#${seed.watchKey}`);
    await waitForLive(room);
  });

  afterAll(async () => {
    for (const socket of [moderatorSocket, grace]) socket?.disconnect();
  });

  it('shows the agenda with the current item, the speaker (a pseudonym, by the watch key) and the countdowns', async () => {
    await room.locator('[data-testid="current-item-title"]', { hasText: ITEM }).waitFor();
    await room.locator('[data-testid="item-countdown"][data-state="running"]').waitFor();
    await room.locator('[data-testid="turn-countdown"][data-state="running"]').waitFor();
    expect(Number(await room.locator('[data-testid="item-countdown"]').getAttribute('data-seconds'))).toBeGreaterThan(
      1100,
    );
    const speaker = room.locator('[data-testid="speaker"]');
    expect(await speaker.getAttribute('data-name')).toMatch(PSEUDONYM);
    expect(await room.content()).not.toContain(GRACE);
    const items = room.locator('[data-testid="present-agenda-item"]');
    expect(await items.allInnerTexts()).toEqual([
      expect.stringContaining('Welcome'),
      expect.stringContaining(ITEM),
      expect.stringContaining('Break'),
    ]);
    expect(await items.nth(1).getAttribute('aria-current')).toBe('step');
    expect(await items.nth(1).textContent()).toMatch(/^Now/);
    expect(await items.nth(0).getAttribute('data-status')).toBe('done');
  });

  it('shows the text being drafted, live, as a member types', async () => {
    const draft = room.locator('[data-testid="present-standard"]');
    await draft.getByRole('heading', { name: 'Standard 1: Honesty' }).waitFor();
    await textField(ada, 'Honesty').click();
    await ada.keyboard.type('Leaders tell the truth');
    await draft.getByText('Leaders tell the truth').waitFor();
    await ada.keyboard.type(', and say when they do not know.');
    await draft.getByText('Leaders tell the truth, and say when they do not know.').waitFor();
    // Read-only: nothing on the room's screen can change the text.
    expect(await draft.getByRole('textbox').getAttribute('contenteditable')).toBe('false');
  });

  it('shows the last closed vote as a labelled bar chart, and an open vote only by its turnout', async () => {
    const { voteId } = acked(
      await moderatorSocket.emitWithAck('vote:open', {
        subject: { kind: 'question', question: QUESTION },
        rules: { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false },
        quorumShare: 0.5,
      }),
    );
    await room.locator('[data-testid="present-vote-open"]', { hasText: QUESTION }).waitFor();
    acked(
      await grace.emitWithAck('vote:cast', {
        voteId,
        ballotId: randomUUID(),
        choice: { method: 'yes_no', choice: 'yes' },
        reason: '',
      }),
    );
    await room.locator('[data-testid="present-vote-open"]', { hasText: '1 of' }).waitFor();
    acked(await moderatorSocket.emitWithAck('vote:close', { voteId }));
    const chart = room.locator(`[data-testid="present-result"][data-vote-id="${voteId}"]`);
    await chart.waitFor();
    expect(await room.locator('[data-testid="present-vote-open"]').count()).toBe(0);
    await chart.locator('[data-choice="yes"][data-count="1"]').getByText('Yes: 1 (100%)').waitFor();
    await chart.locator('[data-choice="no"][data-count="0"]').waitFor();
    const fill = await chart
      .locator('[data-choice="yes"] .present-bar-fill')
      .evaluate((el) => el.getBoundingClientRect().width / el.parentElement!.getBoundingClientRect().width);
    expect(fill).toBeGreaterThan(0.95);
  });

  it('fits the screen with nothing scrolling, at 1280 × 800 and at 1920 × 1080 (larger type)', async () => {
    await eventually(
      () => overflowingBoxes(room),
      (boxes) => expect(boxes).toEqual([]),
    );
    expect(await pageOverflow(room)).toEqual({ down: 0, sideways: 0 });
    const small = await fontSize(room, '.present-floor');
    await saveScreenshot(room, 'present-1280x800');

    await room.setViewportSize({ width: 1920, height: 1080 });
    await eventually(
      () => fontSize(room, '.present-floor'),
      (size) => expect(size).toBeGreaterThan(small),
    );
    await eventually(
      () => overflowingBoxes(room),
      (boxes) => expect(boxes).toEqual([]),
    );
    expect(await pageOverflow(room)).toEqual({ down: 0, sideways: 0 });
    await saveScreenshot(room, 'present-1920x1080');
    await room.setViewportSize(PROJECTOR);
  });

  it('reads on a phone held up in the room, at 360 × 740: nothing cut, nothing scrolls', async () => {
    await room.setViewportSize(PHONE);
    await eventually(
      () => overflowingBoxes(room),
      (boxes) => expect(boxes).toEqual([]),
    );
    expect(await pageOverflow(room)).toEqual({ down: 0, sideways: 0 });
    // Every box is on the screen, whole, and none sits on another.
    const boxes = await room.locator('.present-box').evaluateAll((els) =>
      els.map((el) => {
        const { left, top, right, bottom } = el.getBoundingClientRect();
        return { left, top, right, bottom };
      }),
    );
    expect(boxes).toHaveLength(4);
    for (const box of boxes) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(PHONE.width);
      expect(box.bottom).toBeLessThanOrEqual(PHONE.height);
      expect(box.bottom - box.top).toBeGreaterThan(60);
    }
    // The assembly's and the sitting's names wrap, whole, rather than end in "…".
    const header = await room
      .locator('.present-title, .present-session')
      .evaluateAll((els) => els.map((el) => ({ text: el.textContent, cut: el.scrollWidth > el.clientWidth + 1 })));
    expect(header).toEqual([
      { text: 'Test assembly', cut: false },
      { text: 'Thursday evening', cut: false },
    ]);
    // A co-editor's name label, drawn outside the text, would be cut by the box's edge: the bar stays.
    const caret = room.locator('.present-draft .collab-caret').first();
    await caret.waitFor();
    expect(await caret.evaluate((el) => getComputedStyle(el, '::after').display)).toBe('none');
    // The current item and the speaker stay large enough to read at arm's length.
    expect(await fontSize(room, '.present-item-title')).toBeGreaterThanOrEqual(18);
    expect(await fontSize(room, '.present-speaker-name')).toBeGreaterThanOrEqual(16);
    await screenshotAt(room, 'present', PHONE.width, PHONE.height);
    expect(await pageOverflow(room)).toEqual({ down: 0, sideways: 0 });
    await room.setViewportSize(PROJECTOR);
  });

  it('is accessible (axe, WCAG 2.2 A/AA)', async () => {
    expect(await axeViolations(room)).toEqual([]);
  });

  it('opens for the moderator from the console, with members’ names', async () => {
    const m = await browser.join(server.url, seed.moderatorInvite, MODERATOR);
    const page = m.page;
    await page.goto(`${server.url}/console`);
    await waitForLive(page);
    await page.getByRole('link', { name: 'Present mode (for the room’s screen)' }).click();
    await page.waitForURL(`${server.url}/present`);
    await waitForLive(page);
    await page.setViewportSize(PROJECTOR);
    await page.locator('[data-testid="current-item-title"]', { hasText: ITEM }).waitFor();
    await page.locator('[data-testid="speaker"]', { hasText: GRACE }).waitFor();
    await page.locator('[data-testid="present-standard"]').getByText('Leaders tell the truth').waitFor();
    expect(await pageOverflow(page)).toEqual({ down: 0, sideways: 0 });
  });

  it('tells a member it is not for them, and a reload of /present keeps working', async () => {
    const page = await ada.context().newPage();
    const response = await page.goto(`${server.url}/present`);
    expect(response?.status()).toBe(200);
    await page
      .getByRole('alert')
      .getByText(/Present mode is for the moderator/)
      .waitFor();
    expect(await page.locator('[data-testid="present"]').count()).toBe(0);
    await page.close();
  });

  it('speaks Welsh too', async () => {
    const context = await browser.context({ viewport: PROJECTOR, locale: 'cy-GB' });
    const page = await context.newPage();
    await page.goto(`${server.url}/present#${seed.watchKey}`);
    await waitForLive(page);
    await page.getByRole('heading', { name: 'Y testun sy’n cael ei ddrafftio' }).waitFor();
    await page.getByRole('heading', { name: 'Y bleidlais ddiwethaf' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('cy');
  });

  it('shows the end of a text too long for the screen, where the typing is, still without scrolling', async () => {
    const sentence = 'Leaders explain each decision in plain words and publish the reasons. ';
    await textField(ada, 'Honesty').click();
    await ada.keyboard.press('Control+End');
    await ada.keyboard.insertText(sentence.repeat(30));
    await ada.keyboard.type('The last words.');
    const draft = room.locator('.present-draft');
    await draft.getByText(/The last words\.$/).waitFor();
    await eventually(
      () =>
        draft.evaluate((box) => {
          // The last words' own box (a range over them), against the box's frame.
          const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
          let last: Text | null = null;
          for (let node = walker.nextNode(); node; node = walker.nextNode())
            if (node.textContent?.trim()) last = node as Text;
          const range = document.createRange();
          range.setStart(last!, Math.max(0, last!.length - 6));
          range.setEnd(last!, last!.length);
          const words = range.getBoundingClientRect();
          const frame = box.getBoundingClientRect();
          return { end: words.bottom <= frame.bottom + 1, top: words.top >= frame.top };
        }),
      (seen) => expect(seen).toEqual({ end: true, top: true }),
    );
    // Still large enough to read from the back of the room, under the standard's title.
    expect(await fontSize(room, '.present-draft .editor-surface')).toBeGreaterThanOrEqual(22);
    const title = await room.locator('.present-standard-title').evaluate((el) => {
      const box = el.getBoundingClientRect();
      const frame = el.closest('.present-draft-text')!.getBoundingClientRect();
      return box.top >= frame.top - 1 && box.bottom <= frame.bottom;
    });
    expect(title).toBe(true);
    expect(await pageOverflow(room)).toEqual({ down: 0, sideways: 0 });
    expect(await overflowingBoxes(room)).toEqual([]);
    await saveScreenshot(room, 'present-long-text-1280x800');
  });

  it('threw no uncaught errors in any page', () => {
    expect(browser.pageErrors()).toEqual([]);
  });
});
