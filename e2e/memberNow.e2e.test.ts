import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acked,
  connectMember,
  redeem,
  type MemberSocket,
  type RunningApp,
  type SeededAssembly,
} from '../apps/server/test/support/harness.ts';
import { sealedBallots } from '../apps/server/test/support/ballots.ts';
import { axeViolations } from './support/a11y.ts';
import { eventually, joinOnPage, startMoot, textField, waitForLive } from './support/moot.ts';
import { pageOverflow, saveScreenshot } from './support/screenshots.ts';
import { useBrowser } from './support/useBrowser.ts';

const browser = await useBrowser();

const ADA = 'Ada Lovelace';
const GRACE = 'Grace Hopper';
const ITEM = 'Honesty: first reading';
const QUESTION = 'Shall we meet again on Thursday?';
const PHONE = { width: 360, height: 740 };

/** Where an element is on the page (not the viewport): top and bottom, in CSS pixels from the top. */
async function pageBox(locator: Locator): Promise<{ top: number; bottom: number }> {
  return locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return { top: box.top + window.scrollY, bottom: box.bottom + window.scrollY };
  });
}

describe.skipIf(!browser.ok)('the member screen: what happens now, on the first screen of a phone', () => {
  let server: RunningApp;
  let seed: SeededAssembly;
  let moderator: MemberSocket;
  let grace: MemberSocket;
  let ada: Page;
  let voteId: string;
  /** The ballot inside the now screen's line for the yes/no vote. */
  const nowBallot = () => ada.locator(`[data-testid="open-vote"][data-vote-id="${voteId}"] [data-testid="ballot"]`);

  beforeAll(async () => {
    ({ server, seed } = await startMoot());
    browser.closeAfter(server);
    moderator = (await connectMember(server.url, await redeem(server.url, seed.moderatorInvite, 'Mo'))).socket;
    grace = (await connectMember(server.url, await redeem(server.url, seed.memberInvites[1]!, GRACE))).socket;
    // A second standard that is not under discussion: the now screen must not show it.
    acked(await moderator.emitWithAck('standard:add', { title: 'Respect' }));
    const { sessionId } = acked(await moderator.emitWithAck('session:create', { title: 'Thursday evening' }));
    acked(await moderator.emitWithAck('session:start', { sessionId }));
    const { itemId } = acked(
      await moderator.emitWithAck('agenda:add', {
        sessionId,
        title: ITEM,
        kind: 'draft',
        plannedMinutes: 20,
        standardIds: [seed.standardId],
      }),
    );
    acked(await moderator.emitWithAck('agenda:add', { sessionId, title: 'Break', kind: 'break', plannedMinutes: 10 }));
    acked(await moderator.emitWithAck('agenda:start', { itemId }));
    acked(await grace.emitWithAck('attendance:checkIn', { sessionId }));
    acked(await grace.emitWithAck('queue:raise', { sessionId, kind: 'new_point' }));
    acked(await moderator.emitWithAck('queue:next', { sessionId }));
    ({ voteId } = acked(
      await moderator.emitWithAck('vote:open', {
        subject: { kind: 'question', question: QUESTION },
        rules: { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false },
        quorumShare: 0.5,
      }),
    ));

    const context = await browser.context({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    ada = browser.watch(await context.newPage());
    await ada.goto(`${server.url}/join#${seed.memberInvites[0]}`);
    await joinOnPage(ada, server.url, ADA);
  });

  afterAll(async () => {
    for (const socket of [moderator, grace]) socket?.disconnect();
  });

  it('shows the item, its countdown, the speaker, my place and hand, the open vote and the text under discussion without scrolling', async () => {
    await ada.getByRole('button', { name: 'Check in' }).tap();
    await ada.locator('[data-testid="checked-in"]').waitFor();
    await ada.getByRole('button', { name: 'Raise hand' }).tap();
    await ada.locator('[data-testid="my-hand"]').waitFor();
    await textField(ada, 'Honesty').waitFor();
    await eventually(
      () => textField(ada, 'Honesty').getAttribute('contenteditable'),
      (value) => expect(value).toBe('true'),
    );
    await textField(ada, 'Honesty').tap();
    await ada.keyboard.type('Leaders tell the truth, and say when they do not know.');
    await ada.locator('[data-testid="save-status"][data-save="saved"]').waitFor();
    await ada.evaluate(() => window.scrollTo(0, 0));
    await ada.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

    expect(await ada.locator('[data-testid="current-item-title"]').innerText()).toBe(ITEM);
    expect(await ada.locator('[data-testid="speaker"]').getAttribute('data-name')).toBe(GRACE);
    expect(await ada.locator('[data-testid="my-hand"]').innerText()).toMatch(/place 1 in the queue/);
    const mustFit: [string, Locator][] = [
      ['current item', ada.locator('[data-testid="current-item-title"]')],
      ['item countdown', ada.locator('[data-testid="item-countdown"]')],
      ['speaker', ada.locator('[data-testid="speaker"]')],
      ['turn countdown', ada.locator('[data-testid="turn-countdown"]')],
      ['my place in the queue', ada.locator('[data-testid="my-hand"]')],
      ['hand control', ada.getByRole('button', { name: 'Lower hand' })],
      ['open vote', ada.locator('[data-testid="open-vote"]', { hasText: QUESTION })],
      // A yes/no vote's ballot is on the screen itself: its choices and its button.
      ['its "Yes"', nowBallot().getByRole('radio', { name: 'Yes' })],
      ['its "No"', nowBallot().getByRole('radio', { name: 'No' })],
      ['its "Abstain"', nowBallot().getByRole('radio', { name: 'Abstain' })],
      ['its "Cast my ballot"', nowBallot().getByRole('button', { name: 'Cast my ballot' })],
    ];
    const outside: string[] = [];
    for (const [name, locator] of mustFit) {
      const box = await pageBox(locator);
      if (box.bottom > PHONE.height) outside.push(`${name} ends at ${Math.round(box.bottom)} px`);
    }
    // The editor of the standard under discussion starts on the first screen (and goes on below).
    const editor = await pageBox(textField(ada, 'Honesty'));
    if (editor.top + 24 > PHONE.height) outside.push(`the editor starts at ${Math.round(editor.top)} px`);
    await saveScreenshot(ada, 'member-now-360x740');
    expect(outside).toEqual([]);

    // The charter's other standards are not stacked below: they are one tap away.
    expect(await ada.locator('article[data-testid="standard"]').count()).toBe(1);
    expect(await ada.locator('[data-testid="discussing-now"]').count()).toBe(1);
  });

  it('keeps the header to one row of at most 64 px, the connection an icon with its words for screen readers', async () => {
    const header = await ada.locator('header.compact-banner').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(64);
    const status = ada.locator('[data-testid="connection-status"]');
    expect(await status.getAttribute('data-state')).toBe('live');
    expect((await status.textContent())?.replace(/\s+/g, ' ')).toContain('Connection: Live');
    // The title is one line, cut with an ellipsis rather than wrapped.
    const title = ada.getByRole('heading', { level: 1 });
    expect(await title.innerText()).toBe('Test assembly');
    expect(await title.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('nowrap');
    expect(await pageOverflow(ada)).toMatchObject({ sideways: 0 });
  });

  it('puts the language, the name and signing out in a menu, and switches to Welsh from it', async () => {
    const menu = ada.getByRole('button', { name: /^Menu/ });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.tap();
    await ada.getByText(`Signed in as ${ADA} (Member)`).waitFor();
    await saveScreenshot(ada, 'member-menu-360x740');
    await ada.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Cymraeg' }).tap();
    await ada.getByRole('navigation', { name: 'Adrannau' }).getByRole('link', { name: 'Nawr' }).waitFor();
    await ada.keyboard.press('Escape');
    await saveScreenshot(ada, 'member-now-welsh-360x740');
    await ada.getByRole('button', { name: /^Dewislen/ }).tap();
    await ada.getByRole('group', { name: 'Iaith' }).getByRole('button', { name: 'English' }).tap();
    await ada.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Now' }).waitFor();
    await ada.keyboard.press('Escape');
    await eventually(
      () => ada.getByRole('button', { name: /^Menu/ }).getAttribute('aria-expanded'),
      (value) => expect(value).toBe('false'),
    );
  });

  it('is accessible (axe, WCAG 2.2 A/AA) on the now screen', async () => {
    expect(await axeViolations(ada)).toEqual([]);
  });

  it('casts the yes/no ballot from the now screen, without leaving it', async () => {
    const ballot = nowBallot();
    await ballot.getByRole('radio', { name: 'Yes' }).tap();
    // The optional reason is folded away until asked for.
    expect(await ballot.getByLabel('Reason (optional)').isVisible()).toBe(false);
    await ballot.getByText('Add a reason', { exact: true }).tap();
    await ballot.getByLabel('Reason (optional)').fill('Thursdays');
    // Clearing what was typed does not fold the field away under the typing.
    await ballot.getByLabel('Reason (optional)').press('Control+A');
    await ballot.getByLabel('Reason (optional)').press('Backspace');
    expect(await ballot.getByLabel('Reason (optional)').isVisible()).toBe(true);
    await ballot.getByLabel('Reason (optional)').fill('Thursdays suit the carers among us.');
    await ballot.getByRole('button', { name: 'Cast my ballot' }).tap();
    await ballot.locator('[data-testid="ballot-status"][data-state="counted"]').waitFor();
    await ballot.getByText('Your ballot: Yes').waitFor();
    await saveScreenshot(ada, 'member-now-voted-360x740');
    expect(ada.url()).toBe(`${server.url}/assembly`);
    await eventually(
      () => sealedBallots(server.db, voteId),
      (count) => expect(count).toBe(1),
    );
    // The votes section shows the same ballot, counted, ready to change.
    await ada
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: /^Votes/ })
      .tap();
    const card = ada.locator(`[data-testid="vote"][data-vote-id="${voteId}"]`);
    await card.getByRole('button', { name: 'Change my ballot' }).waitFor();
    await card.getByText('Your ballot: Yes').waitFor();
    await ada.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Now' }).tap();
    await nowBallot().getByRole('button', { name: 'Change my ballot' }).waitFor();
  });

  it('takes "Vote now" to a ranked ballot, in focus (no room for it on the now screen)', async () => {
    const { voteId: ranked } = acked(
      await moderator.emitWithAck('vote:open', {
        subject: { kind: 'question', question: 'Where shall we meet?' },
        rules: { method: 'ranked', options: ['Library', 'Town hall', 'Online'] },
        quorumShare: 0.5,
      }),
    );
    const line = ada.locator(`[data-testid="open-vote"][data-vote-id="${ranked}"]`);
    expect(await line.getAttribute('data-ballot')).toBe('linked');
    expect(await line.locator('[data-testid="ballot"]').count()).toBe(0);
    await line.getByRole('link', { name: 'Vote now' }).tap();
    await ada.waitForURL(`${server.url}/assembly/votes#vote-${ranked}`);
    const card = ada.locator(`[data-testid="vote"][data-vote-id="${ranked}"]`);
    await card.getByRole('button', { name: 'Rank: Library' }).waitFor();
    await eventually(
      () => card.evaluate((el) => el === document.activeElement),
      (focused) => expect(focused).toBe(true),
    );
    await card.getByRole('button', { name: 'Rank: Town hall' }).tap();
    await card.getByRole('button', { name: 'Cast my ballot' }).tap();
    await card.getByRole('button', { name: 'Change my ballot' }).waitFor();
    // Back on "now", the vote says it has my ballot.
    await ada.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Now' }).tap();
    await ada.locator(`[data-testid="open-vote"][data-vote-id="${ranked}"]`, { hasText: 'You have voted.' }).waitFor();
    acked(await moderator.emitWithAck('vote:close', { voteId: ranked }));
  });

  it('reaches every section from the bar, each at its own address, and back to now', async () => {
    const nav = ada.getByRole('navigation', { name: 'Sections' });
    const sections: [string, string, Locator][] = [
      ['Charter', '/assembly/charter', ada.getByRole('heading', { name: 'Charter', level: 2, exact: true })],
      ['Votes', '/assembly/votes', ada.getByRole('heading', { name: 'Votes', level: 2, exact: true })],
      ['Cases', '/assembly/cases', ada.getByRole('heading', { name: 'Breach cases', level: 2 })],
      ['Comments', '/assembly/comments', ada.getByRole('heading', { name: 'Comments', level: 2, exact: true })],
      ['Record', '/assembly/record', ada.getByRole('heading', { name: 'Record', level: 2, exact: true })],
    ];
    for (const [name, path, heading] of sections) {
      await nav.getByRole('link', { name: new RegExp(`^${name}`) }).tap();
      await ada.waitForURL(server.url + path);
      await heading.waitFor();
      expect(await nav.getByRole('link', { name: new RegExp(`^${name}`) }).getAttribute('aria-current')).toBe('page');
    }
    // The whole charter is in its section: both standards.
    await ada.goto(`${server.url}/assembly/charter`);
    await waitForLive(ada);
    await eventually(
      () => ada.locator('article[data-testid="standard"]').count(),
      (count) => expect(count).toBe(2),
    );
    await saveScreenshot(ada, 'member-charter-360x740');
    await nav.getByRole('link', { name: 'Now' }).tap();
    await ada.waitForURL(`${server.url}/assembly`);
    await ada.locator('[data-testid="current-item-title"]').waitFor();
  });

  it('opens each section from a typed address and survives a reload there', async () => {
    for (const section of ['charter', 'votes', 'cases', 'comments', 'record']) {
      const response = await ada.goto(`${server.url}/assembly/${section}`);
      expect(response?.status()).toBe(200);
      await waitForLive(ada);
      expect(
        await ada.getByRole('navigation', { name: 'Sections' }).locator('[aria-current="page"]').getAttribute('href'),
      ).toBe(`/assembly/${section}`);
    }
    await ada.reload();
    await waitForLive(ada);
    await ada.getByRole('link', { name: 'Charter, ready to print' }).waitFor();
    expect(await axeViolations(ada)).toEqual([]);
  });

  it('lays the same screen out on a laptop', async () => {
    await ada.setViewportSize({ width: 1280, height: 800 });
    await ada.goto(`${server.url}/assembly`);
    await waitForLive(ada);
    await textField(ada, 'Honesty').waitFor();
    await ada.locator('[data-testid="item-countdown"]').waitFor();
    expect(await pageBox(textField(ada, 'Honesty'))).toMatchObject({ top: expect.any(Number) });
    expect((await pageBox(textField(ada, 'Honesty'))).top).toBeLessThan(800);
    await saveScreenshot(ada, 'member-now-1280x800');
    expect(await axeViolations(ada)).toEqual([]);
    await ada.setViewportSize(PHONE);
  });

  it('threw no uncaught errors', () => {
    expect(browser.pageErrors()).toEqual([]);
  });
});
