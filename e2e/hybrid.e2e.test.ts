import { mkdir } from 'node:fs/promises';
import path from 'node:path';
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
import { castInVotes, startMoot, waitForLive } from './support/moot.ts';
import { useBrowser } from './support/useBrowser.ts';

const browser = await useBrowser();
const SHOTS = path.join(import.meta.dirname, 'screenshots');
const QUESTION = 'Hold the next sitting in the library?';

/**
 * A hybrid sitting (issue 14 §4): two facilitators check members in at the door, one member votes
 * online, two vote on paper in the room; the paper count is entered by both facilitators (a first
 * pair that disagrees counts for nothing), and the one result — online and paper together — is
 * shown to the member and the public.
 */
describe.skipIf(!browser.ok)('a hybrid sitting: check-in at the door, a paper count by two facilitators', () => {
  let server: RunningApp;
  let seed: SeededAssembly;
  let fay: Page;
  let gus: Page;
  let ada: Page;
  let watcher: Page;
  let mod: MemberSocket;
  let sessionId: string;
  let votes: VoteView[] = [];

  beforeAll(async () => {
    ({ server, seed } = await startMoot());
    browser.closeAfter(server);
    const facilitatorInvite = async () =>
      (await inviteParticipant(server.db, seed.assemblyId, 'facilitator')).inviteSecret;
    const [fayInvite, gusInvite] = [await facilitatorInvite(), await facilitatorInvite()];
    mod = (await connectMember(server.url, await redeem(server.url, seed.moderatorInvite, 'Mo'))).socket;
    mod.on('votes:state', (update) => (votes = update.votes));
    // Ben and Cy took their seats but have no device in the room: a facilitator checks them in.
    await redeem(server.url, seed.memberInvites[1]!, 'Ben');
    await redeem(server.url, seed.memberInvites[2]!, 'Cy');
    ({ sessionId } = acked(await mod.emitWithAck('session:create', { title: 'Hybrid sitting' })));
    acked(await mod.emitWithAck('session:start', { sessionId }));
    const opened = [
      await browser.join(server.url, fayInvite, 'Fay'),
      await browser.join(server.url, gusInvite, 'Gus'),
      await browser.join(server.url, seed.memberInvites[0]!, 'Ada'),
      await browser.open(`${server.url}/watch#${seed.watchKey}`),
    ];
    await waitForLive(opened[3]!.page);
    [fay, gus, ada, watcher] = opened.map((o) => o.page) as [Page, Page, Page, Page];
  });

  afterAll(async () => {
    mod?.disconnect();
  });

  const member = (page: Page, name: string) => page.locator('[data-testid="table-member"]').filter({ hasText: name });

  it('lets a facilitator check members in at the door', async () => {
    await fay.locator('[data-testid="facilitator-screen"]').waitFor();
    for (const name of ['Ada', 'Ben', 'Cy']) {
      await member(fay, name)
        .getByRole('button', { name: `Check ${name} in` })
        .click();
      await member(fay, name).and(fay.locator('[data-status="present"]')).waitFor();
    }
    // Gus sees the same door list.
    await member(gus, 'Cy').and(gus.locator('[data-status="present"]')).waitFor();
    // A hand raised for Ben, who has no device: his hand, raised by Fay.
    await member(fay, 'Ben').getByRole('button', { name: 'Raise a hand for Ben' }).click();
    await fay.locator('[data-testid="table-hand"]', { hasText: 'raised by Fay' }).waitFor();
    await member(fay, 'Ben').getByRole('button', { name: 'Lower Ben’s hand' }).click();
    await fay.locator('[data-testid="table-hand"]').waitFor({ state: 'detached' });
  });

  it('combines a paper count entered by two facilitators with the online ballots into one result', async () => {
    acked(
      await mod.emitWithAck('vote:open', {
        subject: { kind: 'question', question: QUESTION },
        rules: { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false },
        quorumShare: 0.5,
      }),
    );
    // Ada votes online, in her Votes section.
    await castInVotes(ada, QUESTION, 'Yes');

    // Ben and Cy vote on paper: ticked against the check-in list.
    const count = (page: Page) => page.locator('[data-testid="paper-count"]').filter({ hasText: QUESTION });
    await count(fay).getByRole('button', { name: 'Ben votes on paper' }).click();
    await count(fay).getByRole('button', { name: 'Cy votes on paper' }).click();
    await count(gus).locator('[data-testid="paper-voters"][data-count="2"]').waitFor();

    const enter = async (page: Page, totals: Record<string, number>) => {
      for (const [choice, n] of Object.entries(totals))
        await count(page).locator(`input[data-choice="${choice}"]`).fill(String(n));
      await count(page).getByRole('button', { name: 'Enter these totals' }).click();
    };
    // A first pair of counts that disagrees: neither counts, and both are told.
    await enter(fay, { yes: 1, no: 1 });
    await count(gus).locator('[data-testid="paper-status"][data-status="awaiting_second"]').waitFor();
    await enter(gus, { yes: 2 });
    await gus.locator('[data-error-code="bad_request"]', { hasText: 'neither counts' }).waitFor();
    await count(gus).locator('[data-testid="paper-mismatch"]').waitFor();
    await count(fay).locator('[data-testid="paper-mismatch"]').waitFor();
    // Counted again: they agree.
    await enter(gus, { yes: 1, no: 1 });
    await count(fay).locator('[data-testid="paper-status"][data-status="awaiting_second"]').waitFor();
    await enter(fay, { yes: 1, no: 1 });
    await count(gus).locator('[data-testid="paper-status"][data-status="agreed"]').waitFor();

    const voteId = votes.find((v) => v.question === QUESTION)!.id;
    const result = acked(await mod.emitWithAck('vote:close', { voteId }));
    expect(result).toMatchObject({
      ballots: 3,
      online: 1,
      paper: 2,
      counts: { yes: 2, no: 1, abstain: 0 },
      passed: true,
    });

    // The member and the public see one result, with how many voted online and on paper.
    for (const page of [ada, watcher]) {
      const shown = page.locator('[data-testid="vote"]').filter({ hasText: QUESTION });
      const split = shown.locator('[data-testid="ballots-split"]');
      await split.waitFor();
      expect(await split.getAttribute('data-online')).toBe('1');
      expect(await split.getAttribute('data-paper')).toBe('2');
      expect(await shown.locator('[data-choice="yes"]').getAttribute('data-count')).toBe('2');
      expect(await shown.locator('[data-testid="vote-explanation"]').textContent()).toContain(
        'Counted 1 online and 2 paper ballots.',
      );
    }
  });

  it('fits the facilitator’s screen on a 360 px phone and a desktop, accessible (axe); screenshots', async () => {
    await mkdir(SHOTS, { recursive: true });
    // A new vote, so the paper count is on screen while it is shot.
    acked(
      await mod.emitWithAck('vote:open', {
        subject: { kind: 'question', question: 'Tea at four?' },
        rules: { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false },
        quorumShare: 0,
      }),
    );
    await fay.locator('[data-testid="paper-count"]').filter({ hasText: 'Tea at four?' }).waitFor();
    const screen = fay.locator('[data-testid="facilitator-screen"]');
    await fay.setViewportSize({ width: 360, height: 740 });
    expect(await fay.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screen.scrollIntoViewIfNeeded();
    await fay.screenshot({ path: path.join(SHOTS, 'facilitator-360x740.png') });
    await fay.setViewportSize({ width: 1280, height: 800 });
    await screen.scrollIntoViewIfNeeded();
    await fay.screenshot({ path: path.join(SHOTS, 'facilitator-1280x800.png') });
    expect(await axeViolations(fay)).toEqual([]);
    for (const page of [ada, watcher]) {
      await page.setViewportSize({ width: 360, height: 740 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.setViewportSize({ width: 1280, height: 800 });
      expect(await axeViolations(page)).toEqual([]);
    }
  });

  it('threw no uncaught errors in any page', () => {
    expect(browser.pageErrors()).toEqual([]);
  });
});
