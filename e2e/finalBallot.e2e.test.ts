import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VoteView } from '@moot/protocol';
import { inviteParticipant } from '../apps/server/src/features/identity/participantStore.ts';
import {
  acked,
  connectMember,
  redeem,
  type MemberSocket,
  type RunningApp,
  type SeededAssembly,
} from '../apps/server/test/support/harness.ts';
import { axeViolations } from './support/a11y.ts';
import { eventually, openSection, startMoot, waitForLive } from './support/moot.ts';
import { screenshotAt, sidewaysOverflow } from './support/screenshots.ts';
import { useBrowser } from './support/useBrowser.ts';

const browser = await useBrowser();

/** Six standards, each with its consequence ladder: twelve recommendations. */
const TITLES = ['Honesty', 'Openness', 'Accountability', 'Selflessness', 'Objectivity', 'Leadership by example'];
const ITEMS = TITLES.length * 2;
/** What each voter answers on recommendation i (index into the support scale, null for blank). */
const ADA = (i: number) => i % 5;
const BEN = () => 1;
const CY = (i: number) => (i === ITEMS - 1 ? null : 3);
/** Two paper ballots: both strongly agree on even recommendations, both disagree on odd ones. */
const PAPER = Array.from({ length: ITEMS }, (_, i) => (i % 2 === 0 ? [2, 0, 0, 0, 0] : [0, 0, 0, 2, 0]));

function expectedCounts(i: number): number[] {
  const counts = [...PAPER[i]!];
  for (const answer of [ADA(i), BEN(), CY(i)]) if (answer !== null) counts[answer]! += 1;
  return counts;
}

describe.skipIf(!browser.ok)('the final ballot: twelve recommendations, online and on paper, charted', () => {
  let server: RunningApp;
  let seed: SeededAssembly;
  let moderator: Page;
  let ada: Page;
  let fay: Page;
  let watcher: Page;
  let mod: MemberSocket;
  let gus: MemberSocket;
  const sockets: MemberSocket[] = [];
  let votes: VoteView[] = [];
  let voteId: string;

  beforeAll(async () => {
    ({ server, seed } = await startMoot());
    browser.closeAfter(server);
    const modCookie = await redeem(server.url, seed.moderatorInvite, 'Mo');
    mod = (await connectMember(server.url, modCookie)).socket;
    mod.on('votes:state', (update) => (votes = update.votes));
    const honesty = seed.standardId;
    const ids = [honesty];
    for (const title of TITLES.slice(1)) ids.push(acked(await mod.emitWithAck('standard:add', { title })).id);
    for (const [i, standardId] of ids.entries())
      acked(await mod.emitWithAck('standard:setLadder', { standardId, steps: [`Warning ${i}`, `Removal ${i}`] }));
    const { sessionId } = acked(await mod.emitWithAck('session:create', { title: 'Decision day' }));
    acked(await mod.emitWithAck('session:start', { sessionId }));
    // Ben and Cy vote online from their own devices; Dee and Eve on paper; Gus is the second counter.
    for (const [i, name] of ['Ben', 'Cy'].entries()) {
      const socket = (await connectMember(server.url, await redeem(server.url, seed.memberInvites[i + 1]!, name)))
        .socket;
      acked(await socket.emitWithAck('attendance:checkIn', { sessionId }));
      sockets.push(socket);
    }
    for (const name of ['Dee', 'Eve']) {
      const { inviteSecret } = await inviteParticipant(server.db, seed.assemblyId, 'member');
      const socket = (await connectMember(server.url, await redeem(server.url, inviteSecret, name))).socket;
      acked(await socket.emitWithAck('attendance:checkIn', { sessionId }));
      sockets.push(socket);
    }
    const gusInvite = (await inviteParticipant(server.db, seed.assemblyId, 'facilitator')).inviteSecret;
    gus = (await connectMember(server.url, await redeem(server.url, gusInvite, 'Gus'))).socket;
    const fayInvite = (await inviteParticipant(server.db, seed.assemblyId, 'facilitator')).inviteSecret;

    // The moderator's console runs on the same seat as the socket above.
    const modContext = await browser.context();
    const [name, value] = modCookie.split('=') as [string, string];
    await modContext.addCookies([{ name, value, url: server.url }]);
    moderator = browser.watch(await modContext.newPage());
    await moderator.goto(`${server.url}/console`);
    await waitForLive(moderator);
    const opened = [
      await browser.join(server.url, seed.memberInvites[0]!, 'Ada'),
      await browser.join(server.url, fayInvite, 'Fay'),
      await browser.open(`${server.url}/watch#${seed.watchKey}`),
    ];
    await waitForLive(opened[2]!.page);
    [ada, fay, watcher] = opened.map((o) => o.page) as [Page, Page, Page];
    await ada.getByRole('button', { name: 'Check in' }).click();
  });

  afterAll(async () => {
    for (const socket of [mod, gus, ...sockets]) socket?.disconnect();
  });

  const adaBallot = () => ada.locator('[data-testid="vote"][data-subject="final_ballot"]');
  const item = (i: number) => adaBallot().locator(`[data-testid="support-item"][data-index="${i}"]`);

  it('opens from the console with every standard and ladder, the threshold fixed and shown on the ballot', async () => {
    await moderator.setViewportSize({ width: 1280, height: 800 });
    const form = moderator.locator('[data-testid="open-final-ballot"]');
    await form.getByText(`Recommendations on the ballot (${ITEMS} chosen)`).waitFor();
    await form.getByLabel('Supported at (% strongly agree + agree)').fill('60');
    await form.getByRole('button', { name: 'Open the final ballot' }).click();
    await eventually(
      async () => votes.find((v) => v.subject === 'final_ballot'),
      (v) => expect(v?.status).toBe('open'),
    );
    voteId = votes.find((v) => v.subject === 'final_ballot')!.id;
    expect(votes.find((v) => v.id === voteId)!.rules).toMatchObject({
      method: 'support',
      threshold: { share: 0.6, base: 'answering' },
    });

    await openSection(ada, 'Votes');
    await adaBallot()
      .getByRole('heading', { name: `Final ballot: ${ITEMS} recommendations` })
      .waitFor();
    await adaBallot()
      .getByText(
        /supported when “strongly agree” and “agree” together reach at least 60% of the ballots that answer it/,
      )
      .waitFor();
    expect(await adaBallot().locator('[data-testid="support-item"]').count()).toBe(ITEMS);
    await adaBallot().getByRole('group', { name: '2. Consequence ladder: Honesty' }).waitFor();
  });

  it('keeps a half-finished ballot on the device (never sent) and clears it once cast', async () => {
    for (let i = 0; i < 5; i++) await item(i).locator(`input[data-answer]`).nth(ADA(i)).check();
    await adaBallot().locator('[data-testid="support-progress"][data-answered="5"]').waitFor();
    const key = await ada.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('moot.finalBallot.')));
    expect(key).toHaveLength(1);
    expect(key[0]).toContain(voteId);
    // Nothing reached the server: the turnout is still 0.
    expect(votes.find((v) => v.id === voteId)!.turnout).toBe(0);

    await ada.reload();
    await waitForLive(ada);
    await adaBallot().locator('[data-testid="draft-restored"]').waitFor();
    await adaBallot().locator('[data-testid="support-progress"][data-answered="5"]').waitFor();
    for (let i = 0; i < 5; i++) expect(await item(i).locator('input[data-answer]').nth(ADA(i)).isChecked()).toBe(true);

    for (let i = 5; i < ITEMS; i++) await item(i).locator('input[data-answer]').nth(ADA(i)).check();
    await adaBallot().locator(`[data-testid="support-progress"][data-answered="${ITEMS}"]`).waitFor();
    for (const [width, height] of [
      [360, 740],
      [1280, 800],
    ] as const) {
      await screenshotAt(ada, 'final-ballot-member', width, height);
      expect(await sidewaysOverflow(ada)).toBe(0);
      expect(await axeViolations(ada)).toEqual([]);
    }
    await adaBallot().getByRole('button', { name: 'Cast ballot' }).click();
    await adaBallot().locator('[data-testid="ballot-status"][data-state="counted"]').waitFor();
    expect(
      await ada.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('moot.finalBallot.'))),
    ).toEqual([]);
    await eventually(
      async () => votes.find((v) => v.id === voteId)!.turnout,
      (turnout) => expect(turnout).toBe(1),
    );
  });

  it('counts online ballots and the paper totals two facilitators entered, then charts every recommendation with its table', async () => {
    const [ben, cy, dee, eve] = sockets as [MemberSocket, MemberSocket, MemberSocket, MemberSocket];
    const cast = (socket: MemberSocket, answer: (i: number) => number | null) =>
      socket.emitWithAck('vote:cast', {
        voteId,
        ballotId: randomUUID(),
        choice: { method: 'support', answers: Array.from({ length: ITEMS }, (_, i) => answer(i)) },
      });
    acked(await cast(ben, BEN));
    acked(await cast(cy, CY));
    // Dee and Eve have no ballot online: they vote on paper.
    expect([dee.connected, eve.connected]).toEqual([true, true]);

    // Fay ticks Dee and Eve as voting on paper and enters the totals; Gus's count matches.
    const count = fay.locator(`[data-testid="support-paper-count"][data-vote-id="${voteId}"]`);
    for (const name of ['Dee', 'Eve']) {
      await count.getByRole('button', { name: `${name} votes on paper` }).click();
      await count.locator('[data-testid="paper-ticked"]', { hasText: `${name}: on paper` }).waitFor();
    }
    for (const [i, row] of PAPER.entries())
      for (const [a, n] of row.entries())
        if (n > 0) await count.locator(`input[data-item="${i}"]`).nth(a).fill(String(n));
    await count.getByRole('button', { name: 'Enter paper totals' }).click();
    await count.locator('[data-testid="paper-status"][data-status="awaiting_second"]').waitFor();
    expect(acked(await gus.emitWithAck('vote:enterSupportPaperTotals', { voteId, counts: PAPER }))).toEqual({
      status: 'agreed',
    });

    acked(await mod.emitWithAck('vote:close', { voteId }));
    const result = ada.locator('[data-testid="support-result"]');
    await result.locator('[data-testid="support-summary"][data-supported="6"]').waitFor();
    await result.getByText('6 of 12 recommendations supported', { exact: true }).waitFor();
    const rows = result.locator('[data-testid="support-counts"] tbody tr');
    expect(await rows.count()).toBe(ITEMS);
    for (let i = 0; i < ITEMS; i++) {
      expect(await rows.nth(i).getAttribute('data-counts')).toBe(expectedCounts(i).join(','));
      expect(await rows.nth(i).getAttribute('data-supported')).toBe(String(i % 2 === 0));
    }
    // Recommendation 3 (Openness): Ada neither, Ben agree, Cy disagree, two paper strongly agree: 3 of 5.
    await rows.nth(2).getByRole('cell', { name: '3 of 5 (60%)' }).waitFor();
    expect(await result.getByText('Counted 3 online and 2 paper ballots.', { exact: false }).count()).toBe(1);

    // The chart: one diverging bar per recommendation, disagreement left of the centre line.
    const chart = result.locator('[data-testid="support-chart"]');
    await chart.locator('svg').first().waitFor();
    expect(await chart.locator('.diverging-row').count()).toBe(ITEMS);
    const label = await chart.getByRole('img').getAttribute('aria-label');
    expect(label).toContain('Strongly agree 2, Agree 1, Neither 1, Disagree 1, Strongly disagree 0');
    const sides = await chart
      .locator('.diverging-row')
      .nth(1)
      .locator('svg')
      .evaluate((svg) => {
        const centre = Number(svg.querySelector('line')!.getAttribute('x1'));
        const rects = Array.from(svg.querySelectorAll('rect')).filter((r) => Number(r.getAttribute('width')) > 0);
        return rects.map((r) => ({
          segment: r.getAttribute('data-segment'),
          left: Number(r.getAttribute('x')) + Number(r.getAttribute('width')) <= centre + 0.001,
        }));
      });
    // Recommendation 2: Ada agree, Ben agree, Cy disagree, paper 2 disagree.
    expect(sides).toEqual(
      expect.arrayContaining([
        { segment: 'disagree', left: true },
        { segment: 'agree', left: false },
      ]),
    );

    for (const [width, height] of [
      [360, 740],
      [1280, 800],
    ] as const) {
      await result.scrollIntoViewIfNeeded();
      await screenshotAt(ada, 'final-ballot-results', width, height);
      expect(await sidewaysOverflow(ada)).toBe(0);
      expect(await axeViolations(ada)).toEqual([]);
    }
  });

  it('shows the same result on the console and the watch page', async () => {
    const consoleResult = moderator.locator('[data-testid="support-result"]');
    await consoleResult.locator('[data-testid="support-summary"][data-supported="6"]').waitFor();
    await consoleResult.locator('[data-testid="support-chart"] svg').first().waitFor();
    expect(await axeViolations(moderator)).toEqual([]);

    const watched = watcher.locator('[data-testid="support-result"]');
    await watched.locator('[data-testid="support-summary"][data-supported="6"]').waitFor();
    await watched.locator('[data-testid="support-chart"] svg').first().waitFor();
    expect(await watched.locator('[data-testid="support-counts"] tbody tr').count()).toBe(ITEMS);
    for (const [width, height] of [
      [360, 740],
      [1280, 800],
    ] as const) {
      await screenshotAt(watcher, 'final-ballot-watch', width, height);
      expect(await sidewaysOverflow(watcher)).toBe(0);
    }
    expect(await axeViolations(watcher)).toEqual([]);
  });

  it('shows the result in present mode, the diverging bars large', async () => {
    const room = await browser.context();
    const present = await room.newPage();
    await present.setViewportSize({ width: 1280, height: 800 });
    await present.goto(`${server.url}/present#${seed.watchKey}`);
    const shown = present.locator(`[data-testid="present-result"][data-vote-id="${voteId}"]`);
    await shown.getByText('6 of 12 recommendations supported', { exact: true }).waitFor();
    await shown.locator('[data-testid="support-chart"] svg').first().waitFor();
    await screenshotAt(present, 'final-ballot-present', 1280, 800);
    expect(await axeViolations(present)).toEqual([]);

    expect(browser.pageErrors()).toEqual([]);
  });
});
