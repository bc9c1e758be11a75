import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { GroupView, SessionState, VoteView } from '@moot/protocol';
import { inviteParticipant } from '../apps/server/src/features/identity/participantStore.ts';
import {
  acked,
  connectMember,
  redeem,
  type MemberSocket,
  type RunningApp,
  type SeededAssembly,
} from '../apps/server/test/support/harness.ts';
import { followSession } from '../apps/server/test/support/sessionWatch.ts';
import { BOUNDS } from '../vitest.bounds.ts';
import { axeViolations } from './support/a11y.ts';
import { openSection, startMoot, waitForLive } from './support/moot.ts';
import { screenshotAt, sidewaysOverflow } from './support/screenshots.ts';
import { useBrowser } from './support/useBrowser.ts';

const browser = await useBrowser();
/** Waits for a condition on what the moderator's socket holds. */
const until = (check: () => void) => vi.waitFor(check, { timeout: BOUNDS.conditionMs, interval: 50 });
const QUESTION = 'How should people reach the town centre?';

/**
 * Small groups at a hybrid sitting (issue 14 §4): a facilitator runs their own group's queue —
 * a member raises a hand on their phone, another's hand is raised for them at the table, the
 * facilitator calls each — while the other group's facilitator sees none of it and the public
 * sees no table's queue; then a ranked vote is counted on paper, ballot by ballot, by two
 * facilitators, and combined with an online ballot into one instant-runoff result.
 */
describe.skipIf(!browser.ok)('a facilitator runs their group’s queue; a ranked paper count is combined', () => {
  let server: RunningApp;
  let seed: SeededAssembly;
  let fay: Page;
  let gus: Page;
  let ada: Page;
  let watcher: Page;
  let mod: MemberSocket;
  let dee: MemberSocket;
  let sessionId: string;
  let view: { readonly state: SessionState | null };
  let votes: VoteView[] = [];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ({ server, seed } = await startMoot());
    browser.closeAfter(server);
    const invite = async (role: 'facilitator' | 'member') => {
      const { participant, inviteSecret } = await inviteParticipant(server.db, seed.assemblyId, role);
      return { id: participant.id, inviteSecret };
    };
    const [fayInvite, gusInvite, deeInvite] = [
      await invite('facilitator'),
      await invite('facilitator'),
      await invite('member'),
    ];
    mod = (await connectMember(server.url, await redeem(server.url, seed.moderatorInvite, 'Mo'))).socket;
    mod.on('votes:state', (update) => (votes = update.votes));
    view = followSession(mod);
    // Ben and Cy have no device in the room; Dee votes online from home.
    await redeem(server.url, seed.memberInvites[1]!, 'Ben');
    await redeem(server.url, seed.memberInvites[2]!, 'Cy');
    dee = (await connectMember(server.url, await redeem(server.url, deeInvite.inviteSecret, 'Dee'))).socket;
    ({ sessionId } = acked(await mod.emitWithAck('session:create', { title: 'Tables' })));
    acked(await mod.emitWithAck('session:start', { sessionId }));
    const opened = [
      await browser.join(server.url, fayInvite.inviteSecret, 'Fay'),
      await browser.join(server.url, gusInvite.inviteSecret, 'Gus'),
      await browser.join(server.url, seed.memberInvites[0]!, 'Ada'),
      await browser.open(`${server.url}/watch#${seed.watchKey}`),
    ];
    await waitForLive(opened[3]!.page);
    [fay, gus, ada, watcher] = opened.map((o) => o.page) as [Page, Page, Page, Page];
    ids.fay = fayInvite.id;
    ids.gus = gusInvite.id;
    acked(await dee.emitWithAck('attendance:checkIn', { sessionId }));
  });

  afterAll(async () => {
    mod?.disconnect();
    dee?.disconnect();
  });

  const member = (page: Page, name: string) => page.locator('[data-testid="table-member"]').filter({ hasText: name });
  const floor = (page: Page) => page.locator('[data-testid="group-floor"]');

  it('lets Fay steer her own group’s queue, and Gus not at all', async () => {
    await fay.locator('[data-testid="facilitator-screen"]').waitFor();
    for (const name of ['Ada', 'Ben', 'Cy']) {
      await member(fay, name)
        .getByRole('button', { name: `Check ${name} in` })
        .click();
      await member(fay, name).and(fay.locator('[data-status="present"]')).waitFor();
    }
    await until(() => expect(view.state?.attendees.filter((a) => a.role === 'member' && a.checkedIn)).toHaveLength(4));
    const byName = (name: string) => view.state!.attendees.find((a) => a.name === name)!.participantId;
    // Two groups: Fay hosts group 1 with Ada and Ben; Gus group 2 with Cy and Dee.
    acked(await mod.emitWithAck('groups:form', { sessionId, count: 2 }));
    await until(() => expect(view.state?.groups.filter((g) => !g.ended)).toHaveLength(2));
    const [one, two] = view.state!.groups.filter((g) => !g.ended) as [GroupView, GroupView];
    const place = async (participantId: string, groupId: string) =>
      acked(await mod.emitWithAck('groups:move', { sessionId, participantId, groupId }));
    await place(ids.fay!, one.id);
    await place(ids.gus!, two.id);
    for (const name of ['Ada', 'Ben']) await place(byName(name), one.id);
    for (const name of ['Cy', 'Dee']) await place(byName(name), two.id);
    await fay.getByRole('heading', { name: 'Group 1' }).waitFor();
    await gus.getByRole('heading', { name: 'Group 2' }).waitFor();

    // Ada raises her hand on her phone: it goes in her group's queue, which her Now shows.
    await openSection(ada, 'Now');
    await ada.locator('[data-testid="now-queue-heading"]', { hasText: 'Group 1’s queue' }).waitFor();
    await ada.getByRole('button', { name: 'Raise hand' }).click();
    await ada.locator('[data-testid="my-hand"]').waitFor();
    // Fay raises one for Ben, who has no device.
    await member(fay, 'Ben').getByRole('button', { name: 'Raise a hand for Ben' }).click();
    await fay.locator('[data-testid="table-hand"]').nth(1).waitFor();
    // Gus's table sees none of group 1's hands.
    expect(await gus.locator('[data-testid="table-hand"]').count()).toBe(0);
    expect(await floor(gus).getByRole('button', { name: 'Call the next speaker' }).count()).toBe(0);

    // Fay calls Ben by name: Ben has the group's floor; Ada still waits, first in line.
    await fay
      .locator('[data-testid="table-hand"]', { hasText: 'Ben' })
      .getByRole('button', { name: 'Call Ben' })
      .click();
    await floor(fay).locator('[data-testid="speaker"][data-name="Ben"]').waitFor();
    await ada.locator('[data-testid="speaker"][data-name="Ben"]').waitFor();
    // The plenary floor stays empty: the console's queue is the moderator's own.
    expect(view.state!.turn).toBeNull();
    await floor(fay).getByRole('button', { name: 'Call the next speaker' }).click();
    await ada.locator('[data-testid="speaker"][data-name="Ada"]', { hasText: 'You have the floor' }).waitFor();
    await floor(fay).locator('[data-testid="speaker"][data-name="Ada"]').waitFor();
    // Gus's floor shows nobody speaking: group 2 is quiet.
    expect(await floor(gus).locator('[data-testid="speaker"]').count()).toBe(0);
    // The public sees no table's queue or speaker.
    expect(await watcher.locator('[data-testid="speaker"][data-name]').count()).toBe(0);
  });

  it('fits the facilitator’s group floor on a 360 px phone and a desktop, accessible (axe); screenshots', async () => {
    // A hand waiting while Ada speaks, so the queue and its "Call" button are on screen.
    await member(fay, 'Ben').getByRole('button', { name: 'Raise a hand for Ben' }).click();
    await fay
      .locator('[data-testid="table-hand"]', { hasText: 'Ben' })
      .getByRole('button', { name: 'Call Ben' })
      .waitFor();
    for (const [width, height] of [
      [360, 740],
      [1280, 800],
    ] as const) {
      await screenshotAt(fay, 'facilitator-group-floor', width, height);
      expect(await sidewaysOverflow(fay)).toBe(0);
    }
    expect(await axeViolations(fay)).toEqual([]);
    await floor(fay).getByRole('button', { name: 'End this turn' }).click();
    await floor(fay).locator('[data-testid="speaker"]').waitFor({ state: 'detached' });
    acked(await mod.emitWithAck('groups:end', { sessionId }));
    await fay.getByRole('heading', { name: 'The room' }).waitFor();
  });

  it('combines a ranked paper count, entered ballot by ballot by two facilitators, with an online ballot', async () => {
    acked(
      await mod.emitWithAck('vote:open', {
        subject: { kind: 'question', question: QUESTION },
        rules: { method: 'ranked', options: ['Trams', 'Buses', 'Bikes'] },
        quorumShare: 0.5,
      }),
    );
    await until(() => expect(votes.find((v) => v.question === QUESTION)).toBeDefined());
    const voteId = votes.find((v) => v.question === QUESTION)!.id;
    // Dee votes online: Bikes, then Trams.
    acked(
      await dee.emitWithAck('vote:cast', {
        voteId,
        ballotId: crypto.randomUUID(),
        choice: { method: 'ranked', ranking: [2, 0] },
        reason: '',
      }),
    );
    // Ben and Cy vote on paper.
    const count = (page: Page) => page.locator('[data-testid="paper-count"]').filter({ hasText: QUESTION });
    await count(fay).getByRole('button', { name: 'Ben votes on paper' }).click();
    await count(fay).getByRole('button', { name: 'Cy votes on paper' }).click();
    await count(gus).locator('[data-testid="paper-voters"][data-count="2"]').waitFor();

    // Each facilitator enters the two paper ballots as counted: Buses→Trams, and Trams alone.
    const enter = async (page: Page, ballots: { ranking: string[]; count: number }[]) => {
      const form = count(page).locator('[data-testid="paper-ballots"]');
      for (const [i, ballot] of ballots.entries()) {
        if (i > 0) await form.getByRole('button', { name: 'Add a different ballot' }).click();
        const line = form.locator('[data-testid="paper-ballot-line"]').nth(i);
        for (const [rank, option] of ballot.ranking.entries())
          await line.getByLabel(`Preference ${rank + 1}`).selectOption({ label: option });
        await line.getByLabel('How many read so').fill(String(ballot.count));
      }
      await form.getByRole('button', { name: 'Enter these ballots' }).click();
    };
    await enter(fay, [
      { ranking: ['Buses', 'Trams'], count: 1 },
      { ranking: ['Trams'], count: 1 },
    ]);
    await count(gus).locator('[data-testid="paper-status"][data-status="awaiting_second"]').waitFor();
    await count(gus).locator('[data-testid="paper-ballots"]').waitFor();
    for (const [width, height] of [
      [360, 740],
      [1280, 800],
    ] as const) {
      await screenshotAt(gus, 'facilitator-ranked-paper', width, height);
      expect(await sidewaysOverflow(gus)).toBe(0);
    }
    expect(await axeViolations(gus)).toEqual([]);
    // Gus counted the same two ballots, in the other order.
    await enter(gus, [
      { ranking: ['Trams'], count: 1 },
      { ranking: ['Buses', 'Trams'], count: 1 },
    ]);
    await count(fay).locator('[data-testid="paper-status"][data-status="agreed"]').waitFor();

    // Round 1: Trams 1, Buses 1, Bikes 1 of 3. Bikes (listed last) goes; Dee's ballot moves to
    // Trams: 2 of 3 in round 2. First-preference totals alone could not have moved it.
    const result = acked(await mod.emitWithAck('vote:close', { voteId }));
    expect(result).toMatchObject({ ballots: 3, online: 1, paper: 2, winner: 0 });
    expect(result.rounds!.map((r) => r.eliminated)).toEqual([2, null]);
    const shown = watcher.locator('[data-testid="vote"]').filter({ hasText: QUESTION });
    const split = shown.locator('[data-testid="ballots-split"]');
    await split.waitFor();
    expect(await split.getAttribute('data-online')).toBe('1');
    expect(await split.getAttribute('data-paper')).toBe('2');
  });

  it('threw no uncaught errors in any page', () => {
    expect(browser.pageErrors()).toEqual([]);
  });
});
