import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VoteView } from '@moot/protocol';
import {
  acked,
  connectMember,
  redeem,
  seedAssembly,
  startApp,
  type MemberSocket,
  type RunningApp,
  type SeededAssembly,
} from '../apps/server/test/support/harness.ts';
import { axeViolations } from './support/a11y.ts';
import { WEB_ROOT } from './support/buildWeb.ts';
import { openSection, waitForLive } from './support/moot.ts';
import { saveScreenshot, sidewaysOverflow } from './support/screenshots.ts';
import { useBrowser } from './support/useBrowser.ts';

const browser = await useBrowser();
const QUESTION = 'Meet again in the town hall?';

/**
 * Quorum while a vote is open (issue 17 §5), in the browser: three members check in, a vote
 * opens needing two of them (with a deadline, so everyone sees the countdown); two close their
 * pages and everyone — the member left, the moderator's console, the public watch page — sees
 * "Paused: quorum lost (1 of 2 present)"; the member left casts and is refused with the reason; a
 * member comes back and the vote resumes; then the moderator continues a second pause with the
 * one present, and everyone sees that said.
 */
describe.skipIf(!browser.ok)('a vote paused by lost quorum, resumed, and continued by the moderator', () => {
  let server: RunningApp;
  let seed: SeededAssembly;
  let mod: MemberSocket;
  const members = new Map<string, { context: BrowserContext; page: Page }>();
  let console_: Page;
  let watcher: Page;
  let votes: VoteView[] = [];

  beforeAll(async () => {
    // A one-second grace: a member gone longer than that no longer counts (LIMITS says ten in production).
    server = await startApp({ webRoot: path.join(WEB_ROOT, 'dist'), quorum: { graceMs: 1000, sweepMs: 500 } });
    browser.closeAfter(server);
    seed = await seedAssembly(server.db);
    mod = (await connectMember(server.url, await redeem(server.url, seed.moderatorInvite, 'Mo'))).socket;
    mod.on('votes:state', (update) => (votes = update.votes));
    const { sessionId } = acked(await mod.emitWithAck('session:create', { title: 'Sitting on the venue' }));
    acked(await mod.emitWithAck('session:start', { sessionId }));
    for (const [i, name] of ['Ada', 'Ben', 'Cy'].entries()) {
      const opened = await browser.join(server.url, seed.memberInvites[i]!, name);
      members.set(name, opened);
      await opened.page.getByRole('button', { name: 'Check in' }).click();
      await opened.page.locator('[data-testid="checked-in"]').waitFor();
      await openSection(opened.page, 'Votes');
    }
    const moderator = await browser.join(server.url, seed.moderatorInvite, 'Mo');
    console_ = moderator.page;
    await console_.getByRole('link', { name: 'Open the moderator console' }).click();
    await console_.getByRole('heading', { name: 'Moderator console', level: 1 }).waitFor();
    const watch = await browser.open(`${server.url}/watch#${seed.watchKey}`);
    watcher = watch.page;
    await waitForLive(watcher);
  });

  afterAll(async () => {
    mod?.disconnect();
  });

  const card = (page: Page) => page.locator('[data-testid="vote"]').filter({ hasText: QUESTION });
  const page = (name: string) => members.get(name)!.page;
  /** A member closes their page: gone from the room's count once the grace has passed. */
  const leave = (name: string) => page(name).close();
  /** The member opens the assembly again in the same browser (their session cookie kept). */
  const comeBack = async (name: string) => {
    const { context } = members.get(name)!;
    const again = browser.watch(await context.newPage());
    await again.goto(`${server.url}/assembly/votes`);
    await waitForLive(again);
    members.set(name, { context, page: again });
  };
  const everyone = () => [page('Ada'), console_, watcher];

  it('opens a vote with a quorum and a deadline: everyone sees the countdown', async () => {
    acked(
      await mod.emitWithAck('vote:open', {
        subject: { kind: 'question', question: QUESTION },
        rules: { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false },
        quorumShare: 0.5,
        closesInSeconds: 30 * 60,
      }),
    );
    expect(votes.find((v) => v.question === QUESTION)).toMatchObject({ eligible: 3, quorumNeeded: 2 });
    for (const p of [...everyone(), page('Ben')]) {
      await card(p)
        .locator('[data-testid="vote-deadline"]', { hasText: /Closes by itself in (29|30):\d\d/ })
        .waitFor();
    }
  });

  it('pauses when two of three leave: everyone sees it, and a ballot is refused with the reason', async () => {
    await leave('Ben');
    await leave('Cy');
    for (const p of everyone()) {
      await card(p)
        .locator('[data-testid="vote-paused"]', { hasText: 'Paused: quorum lost (1 of 2 present)' })
        .waitFor();
    }
    const ada = card(page('Ada'));
    await ada.getByRole('radio', { name: 'Yes' }).check();
    await ada.getByRole('button', { name: 'Cast my ballot' }).click();
    await ada
      .locator('[data-error-code="vote_paused"]', { hasText: 'This vote is paused: quorum lost (1 of 2 present)' })
      .waitFor();
    expect(votes.find((v) => v.question === QUESTION)?.turnout).toBe(0);
  });

  it('fits a 360 px phone and a desktop while paused, accessible (axe); screenshots', async () => {
    const shots: [Page, string][] = [
      [page('Ada'), 'quorum-paused-member'],
      [console_, 'quorum-paused-console'],
      [watcher, 'quorum-paused-watch'],
    ];
    for (const [p, name] of shots) {
      for (const [width, height] of [
        [360, 740],
        [1280, 800],
      ] as const) {
        await p.setViewportSize({ width, height });
        // The console on a phone shows one pane at a time: its votes pane (on a desktop all show).
        const votesPane = p.locator('.desk-switcher button[aria-controls="desk-pane-votes"]');
        if (await votesPane.isVisible()) await votesPane.click();
        expect(await sidewaysOverflow(p)).toBe(0);
        await card(p).locator('[data-testid="vote-paused"]').scrollIntoViewIfNeeded();
        await saveScreenshot(p, `${name}-${width}x${height}`);
      }
      expect(await axeViolations(p)).toEqual([]);
    }
  });

  it('resumes when a member comes back, and the ballot is taken', async () => {
    await comeBack('Ben');
    for (const p of everyone()) await card(p).locator('[data-testid="vote-paused"]').waitFor({ state: 'detached' });
    const ada = card(page('Ada'));
    await ada.getByRole('button', { name: 'Cast my ballot' }).click();
    await ada.locator('[data-testid="ballot-status"][data-state="counted"]').waitFor();
  });

  it('lets the moderator continue a second pause with the one present: said to everyone', async () => {
    await leave('Ben');
    await card(console_).locator('[data-testid="vote-paused"]', { hasText: '(1 of 2 present)' }).waitFor();
    await card(console_)
      .getByRole('button', { name: `Continue “${QUESTION}” with the 1 member present` })
      .click();
    for (const p of everyone()) {
      await card(p)
        .locator('[data-testid="vote-continued"]', { hasText: 'continued this vote with 1 member present' })
        .waitFor();
      await card(p).locator('[data-testid="vote-paused"]').waitFor({ state: 'detached' });
    }
    await saveScreenshot(watcher, 'quorum-continued-watch-1280x800');
  });

  it('threw no uncaught errors in any page', () => {
    expect(browser.pageErrors()).toEqual([]);
  });
});
