import type { Page, WebSocketRoute } from 'playwright-core';
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
import {
  eventually,
  fieldText,
  joinOnPage,
  openSection,
  standard,
  startMoot,
  textField,
  waitForLive,
} from './support/moot.ts';
import { useBrowser } from './support/useBrowser.ts';

const browser = await useBrowser();

const ADA = 'Ada Lovelace';
const GRACE = 'Grace Hopper';
const ALAN = 'Alan Turing';

/** The page scrolls sideways if its content is wider than the viewport. */
const scrollWidth = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth);

/** How many updates y-indexeddb has stored in a database (its `updates` store). */
const storedUpdates = (page: Page, name: string) =>
  page.evaluate(
    (db) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(db);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('updates', 'readonly').objectStore('updates').count();
          count.onsuccess = () => {
            resolve(count.result);
            open.result.close();
          };
          count.onerror = () => reject(count.error);
        };
      }),
    name,
  );

/** The IndexedDB databases this page's origin holds. */
const databases = (page: Page) =>
  page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? '').sort());

async function typeAtEnd(page: Page, title: string, text: string) {
  await textField(page, title).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

describe.skipIf(!browser.ok)('inclusion: languages, phones, poor connections, live changes in words, easy read', () => {
  let server: RunningApp;
  let seed: SeededAssembly;
  let moderator: MemberSocket;
  let grace: Page;

  beforeAll(async () => {
    ({ server, seed } = await startMoot());
    browser.closeAfter(server);
    // The moderator runs the session from a script: these tests are about the members' side.
    moderator = (await connectMember(server.url, await redeem(server.url, seed.moderatorInvite, 'Mo'))).socket;
    const { sessionId } = acked(await moderator.emitWithAck('session:create', { title: 'Morning session' }));
    acked(await moderator.emitWithAck('session:start', { sessionId }));
    const g = await browser.join(server.url, seed.memberInvites[1]!, GRACE);
    grace = g.page;
    // No agenda item runs, so nothing is under discussion: members draft in the charter section.
    await openSection(grace, 'Charter');
  });

  afterAll(async () => {
    moderator?.disconnect();
  });

  it('switches every page to Welsh, with <html lang>, and remembers the choice on this device', async () => {
    const { page } = await browser.open(`${server.url}/join#${seed.memberInvites[2]}`);
    await page.getByLabel('Your name').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Cymraeg' }).click();
    await page.getByLabel('Eich enw').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('cy');
    expect(await page.getByRole('button', { name: 'Cymraeg' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Ymuno â’r cynulliad' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Remembered: a reload, and another page of the app, open in Welsh.
    await page.reload();
    await page.getByLabel('Eich enw').waitFor();
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Croeso i Moot', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('cy');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('group', { name: 'Iaith' }).getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Welcome to Moot', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('works on a 360 px phone by touch: join, edit a standard, raise a hand; no sideways scrolling; axe clean', async () => {
    const context = await browser.context({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    const page = browser.watch(await context.newPage());

    await page.goto(`${server.url}/join#${seed.memberInvites[2]}`);
    await page.getByLabel('Your name').tap();
    await page.keyboard.type(ALAN);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
    await page.getByRole('button', { name: 'Join the assembly' }).tap();
    await page.waitForURL(`${server.url}/assembly`);
    await waitForLive(page);

    await openSection(page, 'Charter');
    await textField(page, 'Honesty').tap();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Typed on a phone.');
    await eventually(
      () => fieldText(grace, 'Honesty'),
      (text) => expect(text).toContain('Typed on a phone.'),
    );

    await openSection(page, 'Now');
    const panel = page.locator('[data-testid="session-panel"]');
    await panel.getByRole('button', { name: 'Check in' }).tap();
    await panel.locator('[data-testid="checked-in"]').waitFor();
    await panel.getByLabel('What you want to say').selectOption('direct_response');
    await panel.getByRole('button', { name: 'Raise hand' }).tap();
    await panel.locator('[data-testid="my-hand"]').waitFor();

    // The easy-read toggle is a plain button: nothing needs hover.
    await openSection(page, 'Charter');
    await standard(page, 'Honesty').getByRole('button', { name: 'Easy read version of Honesty' }).tap();
    await page.getByRole('textbox', { name: 'Easy read version of Honesty' }).waitFor();

    expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${server.url}/watch#${seed.watchKey}`);
    await waitForLive(page);
    await standard(page, 'Honesty').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("announces another member's edit in words, names who is editing, and sums up what changed since I last looked", async () => {
    const ada = await browser.join(server.url, seed.memberInvites[0]!, ADA);
    await openSection(ada.page, 'Charter');
    const live = ada.page.locator('[data-testid="live-changes"]');

    // Grace types: Ada's live region says who changed which standard, and her caret is named in text.
    await typeAtEnd(grace, 'Honesty', ' Grace was here.');
    await live.getByText(`Standard 1 edited by ${GRACE}`).waitFor({ state: 'attached' });
    expect(await live.getAttribute('aria-live')).toBe('polite');
    await standard(ada.page, 'Honesty').getByText(`Editing now: ${GRACE}`).waitFor();

    await eventually(
      () => fieldText(ada.page, 'Honesty'),
      (text) => expect(text).toMatch(/Grace was here\.$/),
    );
    // Ada leaves; Grace adds three words; when Ada comes back she is told how much changed.
    await ada.page.goto(`${server.url}/`);
    await typeAtEnd(grace, 'Honesty', ' Three more words');
    await grace.locator('[data-testid="save-status"][data-save="saved"]').waitFor();
    await ada.page.goto(`${server.url}/assembly/charter`);
    await waitForLive(ada.page);
    const summary = standard(ada.page, 'Honesty').locator('[data-testid="since-last-looked"]');
    await summary.getByText('Since you last looked: 3 words added.').waitFor();
    expect(await axeViolations(ada.page)).toEqual([]);
    await summary.getByRole('button', { name: 'Mark as seen' }).click();
    await summary.waitFor({ state: 'detached' });
    await ada.page.reload();
    await waitForLive(ada.page);
    await eventually(
      () => fieldText(ada.page, 'Honesty'),
      (text) => expect(text).toMatch(/Three more words$/),
    );
    expect(await ada.page.locator('[data-testid="since-last-looked"]').count()).toBe(0);
    await ada.context.close();
  });

  it('shows an easy-read version on request, written by a member and read live on the watch page', async () => {
    const easy = (page: Page) => page.getByRole('textbox', { name: 'Easy read version of Honesty', exact: true });
    const toggle = (page: Page) =>
      standard(page, 'Honesty').getByRole('button', { name: 'Easy read version of Honesty' });
    expect(await toggle(grace).getAttribute('aria-expanded')).toBe('false');
    await toggle(grace).click();
    expect(await toggle(grace).getAttribute('aria-expanded')).toBe('true');
    await easy(grace).click();
    await grace.keyboard.type('Leaders say what is true.');

    const watcher = await browser.open(`${server.url}/watch#${seed.watchKey}`);
    await waitForLive(watcher.page);
    await toggle(watcher.page).click();
    await easy(watcher.page).getByText('Leaders say what is true.').waitFor();
    expect(await easy(watcher.page).getAttribute('contenteditable')).toBe('false');
    expect(await axeViolations(watcher.page)).toEqual([]);
    await grace.keyboard.type(' They do not hide things.');
    await easy(watcher.page).getByText('Leaders say what is true. They do not hide things.').waitFor();
  });

  it('keeps edits made offline in the browser and merges them after a reload; observers keep nothing', async () => {
    // Ada's connection to the live server runs through a switch the test controls: "offline"
    // drops the WebSocket and refuses new ones, while the page itself can still be loaded.
    const context = await browser.context();
    let online = true;
    const sockets: WebSocketRoute[] = [];
    await context.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (!online) return void ws.close();
      sockets.push(ws);
      ws.connectToServer();
    });
    // Offline means no long-polling either (the transport Socket.IO falls back to).
    await context.route(/\/socket\.io\//, (route) => (online ? route.continue() : route.abort()));
    const page = browser.watch(await context.newPage());
    await page.goto(`${server.url}/join#${seed.memberInvites[0]}`);
    await joinOnPage(page, server.url, ADA);
    await openSection(page, 'Charter');

    await typeAtEnd(page, 'Honesty', ' Said online.');
    await eventually(
      () => fieldText(grace, 'Honesty'),
      (text) => expect(text).toMatch(/ Said online\.$/),
    );
    await page.locator('[data-testid="save-status"][data-save="saved"]').waitFor();

    online = false;
    for (const ws of sockets.splice(0)) await ws.close();
    await page.locator('[data-testid="connection-status"]:not([data-state="live"])').waitFor();
    // Every keystroke is one update in IndexedDB, written asynchronously: the test closes the page
    // only once all of them are stored, as a person would not reload within milliseconds of typing.
    const [kept] = (await databases(page)).filter((name) => name.endsWith(`:${seed.docId}`));
    const before = await storedUpdates(page, kept!);
    const offline = ' Written offline.';
    await typeAtEnd(page, 'Honesty', offline);
    await eventually(
      () => storedUpdates(page, kept!),
      (count) => expect(count).toBeGreaterThanOrEqual(before + offline.length),
    );
    await page
      .locator('[data-testid="connection-status"]', { hasText: 'Edits queued until the connection returns' })
      .waitFor();

    // Reloaded while still offline: nothing reached the server, but the browser kept it.
    await page.reload();
    await page.getByText('Connecting to the assembly…').waitFor();
    expect(await fieldText(grace, 'Honesty')).not.toContain('Written offline.');
    // Kept per assembly, participant and document, so nobody else's copy mixes in.
    const copies = (await databases(page)).filter((name) => name.endsWith(`:${seed.docId}`));
    expect(copies).toEqual([
      expect.stringMatching(new RegExp(`^moot:${seed.assemblyId}:[0-9a-f-]{36}:${seed.docId}$`)),
    ]);

    // Back online: the copy kept in IndexedDB merges, and Grace sees the offline sentence.
    online = true;
    await waitForLive(page);
    await eventually(
      () => fieldText(grace, 'Honesty'),
      (text) => expect(text).toMatch(/ Said online\. Written offline\.$/),
      20_000,
    );
    await eventually(
      async () => [await fieldText(page, 'Honesty'), await fieldText(grace, 'Honesty')],
      ([mine, theirs]) => expect(mine).toBe(theirs),
    );

    // The public's page keeps no copy of anything.
    const watcher = await browser.open(`${server.url}/watch#${seed.watchKey}`);
    await waitForLive(watcher.page);
    await standard(watcher.page, 'Honesty').waitFor();
    expect(await databases(watcher.page)).toEqual([]);
  });

  it('raised no uncaught errors in any page', () => {
    expect(browser.pageErrors()).toEqual([]);
  });
});
