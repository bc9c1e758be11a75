import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { panelTranscriptPath, WATCH_KEY_HEADER, type PanelsState } from '@moot/protocol';
import { setStandardStatus } from '../apps/server/src/features/charter/charterStore.ts';
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
import { SCREENSHOTS, screenshotAt, sidewaysOverflow } from './support/screenshots.ts';
import { useBrowser } from './support/useBrowser.ts';

const browser = await useBrowser();

/**
 * A breach case's panel in the browser: Ada steps aside in her page, the moderator is told why
 * four seats cannot meet the quotas, prepares a panel of two, draws it with the room's numbers;
 * the public sees the record and re-runs the draw from its public transcript; Grace (certain to
 * sit) sees her own place drawn and votes in her page, Ada (stepped aside) only follows.
 */
describe.skipIf(!browser.ok)('case panels in the browser: recusal, the draw, its check, the panel-only vote', () => {
  let server: RunningApp;
  let seed: SeededAssembly;
  let moderator: Page;
  let ada: Page;
  let grace: Page;
  let watcher: Page;
  let mod: MemberSocket;
  const sockets: MemberSocket[] = [];
  let caseId: string;
  let panels: PanelsState = { panels: [], conflicts: [] };
  const ids = new Map<string, string>();

  const panelOf = (page: Page) => page.locator('[data-testid="case"][data-case-number="1"] [data-testid="case-panel"]');

  beforeAll(async () => {
    ({ server, seed } = await startMoot());
    browser.closeAfter(server);
    const m = await browser.join(server.url, seed.moderatorInvite, 'Mo Facilitator');
    const a = await browser.join(server.url, seed.memberInvites[0]!, 'Ada Lovelace');
    const g = await browser.join(server.url, seed.memberInvites[1]!, 'Grace Hopper');
    const w = await browser.open(`${server.url}/watch#${seed.watchKey}`);
    await waitForLive(w.page);
    [moderator, ada, grace, watcher] = [m.page, a.page, g.page, w.page];
    const [cookie] = await m.context.cookies();
    mod = (await connectMember(server.url, `${cookie!.name}=${cookie!.value}`)).socket;
    mod.on('panels:state', (state) => (panels = state));
    // Three more members by socket: Alan from the seed, Mary and Linus with new seats.
    const invites = [seed.memberInvites[2]!];
    for (let i = 0; i < 2; i++)
      invites.push((await inviteParticipant(server.db, seed.assemblyId, 'member')).inviteSecret);
    for (const [i, name] of ['Alan Turing', 'Mary Somerville', 'Linus Pauling'].entries()) {
      sockets.push((await connectMember(server.url, await redeem(server.url, invites[i]!, name))).socket);
    }
    // The organisers' import, as stored: Ada and Grace from the north, the rest from the south;
    // the quota file asks for half and half, and the organisers publish the Region category.
    const seats = await server.db.query<{ id: string; display_name: string }>(
      `SELECT id, display_name FROM participants WHERE assembly_id = $1 AND role = 'member' ORDER BY seat`,
      [seed.assemblyId],
    );
    for (const s of seats) {
      ids.set(s.display_name, s.id);
      const region = s.display_name.startsWith('Ada') || s.display_name.startsWith('Grace') ? 'North' : 'South';
      await server.db.query(
        `INSERT INTO members (id, assembly_id, participant_id, name, demographics, status) VALUES ($1, $2, $3, $4, $5, 'selected')`,
        [randomUUID(), seed.assemblyId, s.id, s.display_name, JSON.stringify({ Region: region })],
      );
    }
    for (const value of ['North', 'South']) {
      await server.db.query(
        'INSERT INTO member_quotas (assembly_id, category, value, share) VALUES ($1, $2, $3, 0.5)',
        [seed.assemblyId, 'Region', value],
      );
    }
    await server.db.query(
      `INSERT INTO member_settings (assembly_id, invite_days, published_categories, gap_points) VALUES ($1, 14, $2, 10)`,
      [seed.assemblyId, ['Region']],
    );
    // A live session everyone checked in to, an adopted standard and a case being heard.
    const { sessionId } = acked(await mod.emitWithAck('session:create', { title: 'Hearing cases' }));
    acked(await mod.emitWithAck('session:start', { sessionId }));
    for (const socket of sockets) acked(await socket.emitWithAck('attendance:checkIn', { sessionId }));
    for (const page of [ada, grace]) {
      await page.getByRole('button', { name: 'Check in' }).click();
      await page.locator('[data-testid="checked-in"]').waitFor();
      await openSection(page, 'Cases');
    }
    acked(await mod.emitWithAck('standard:setLadder', { standardId: seed.standardId, steps: ['Advice', 'Apology'] }));
    await server.db.transaction((tx) =>
      setStandardStatus(tx, seed.assemblyId, seed.standardId, ['drafting'], 'adopted'),
    );
    ({ caseId } = acked(
      await mod.emitWithAck('case:open', {
        respondent: { role: 'Director of Housing', name: null },
        standardIds: [seed.standardId],
        summary: 'Told the council the budget was balanced.',
      }),
    ));
    acked(await mod.emitWithAck('case:advance', { caseId, to: 'hearing' }));
    await moderator.getByRole('link', { name: 'Open the moderator console' }).click();
    await waitForLive(moderator);
  }, 240_000);

  afterAll(async () => {
    for (const socket of [mod, ...sockets]) socket?.disconnect();
  });

  it('lets Ada step aside in her page; the public sees who, not her private reason', async () => {
    const panel = panelOf(ada);
    await panel.getByText('Declare a conflict of interest…').click();
    await panel.getByLabel('Your reason (optional)').fill('My sister works in his office');
    await panel.getByRole('button', { name: 'Step aside from case 1' }).click();
    await panel.getByText('You stepped aside from this case').waitFor();
    await panelOf(moderator).getByText('Ada Lovelace: My sister works in his office').waitFor();
    const seen = panelOf(watcher).locator('[data-testid="panel-conflicts"]');
    await seen.waitFor();
    expect(await seen.innerText()).not.toContain('sister');
    expect(await seen.innerText()).not.toContain('Ada');
  });

  it('explains, before anything is drawn, why four seats cannot meet the quotas', async () => {
    const panel = panelOf(moderator);
    await panel.getByLabel('Seats on the panel').fill('4');
    await panel.getByRole('button', { name: 'Prepare the draw' }).click();
    await panel
      .locator('[data-testid="panel-problem"]')
      .getByText(
        'The quotas cannot be met: Region “North” needs at least 2 seats, but only 1 members who may sit have it.',
      )
      .waitFor();
    expect(panels.panels).toHaveLength(0);
  });

  it('prepares a panel of two: the seed’s fingerprint and the chances are published, each member’s to the moderator', async () => {
    const panel = panelOf(moderator);
    await panel.getByLabel('Seats on the panel').fill('2');
    await panel.getByRole('button', { name: 'Prepare the draw' }).click();
    await panel.locator('[data-testid="panel-commitment"]').waitFor();
    await panel.getByText('Each member’s chance').click();
    const rows = await panel.locator('[data-testid="panel-member-chances"] tbody tr').allInnerTexts();
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      'Alan Turing 33.3%',
      'Grace Hopper 100%',
      'Linus Pauling 33.3%',
      'Mary Somerville 33.3%',
    ]);
    const seen = panelOf(watcher);
    await seen.getByText('Lowest chance 33.3%, highest 100%.').waitFor();
    await seen.getByRole('cell', { name: 'Region: North' }).waitFor();
    expect(await seen.locator('[data-testid="panel-member-chances"]').count()).toBe(0);
    expect(await seen.locator('[data-testid="panel-commitment"]').innerText()).toBe(panels.panels[0]!.seedCommitment);
  });

  it('draws the panel with the numbers said in the room; everyone sees it', async () => {
    const panel = panelOf(moderator);
    await panel.getByLabel('Numbers said in the room (dice, a lottery draw)').fill('6 2 5');
    await panel.getByRole('button', { name: 'Draw the panel' }).click();
    await panel.locator('[data-testid="panel-seats"]').getByText('Grace Hopper').waitFor();
    await eventually(
      () => panelOf(watcher).getAttribute('data-status'),
      (status) => expect(status).toBe('drawn'),
    );
    expect(await panelOf(watcher).locator('[data-testid="panel-seats"] li').count()).toBe(2);
    await panelOf(grace).getByText('You are on the panel: you vote on the consequence.').waitFor();
    await panelOf(ada).getByText('You are not on the panel').waitFor();
  });

  it('checks the draw on the public page from its public transcript; Grace sees her own place drawn', async () => {
    const panel = panelOf(watcher);
    await panel.getByText('Check this draw…').click();
    await panel.getByRole('button', { name: 'Re-run the draw from its transcript' }).click();
    await panel.getByText('The public transcript reproduces the published draw.').waitFor();
    const result = panel.locator('[data-testid="panel-check-result"]');
    expect(await result.locator('tr[data-matches="false"]').count()).toBe(0);
    expect(await result.locator('tr[data-matches="true"]').count()).toBe(4);
    // The same transcript, fetched by the watch key as the page did, names nobody and no category.
    const transcript = await fetch(`${server.url}${panelTranscriptPath(1)}`, {
      headers: { [WATCH_KEY_HEADER]: seed.watchKey },
    });
    const text = await transcript.text();
    for (const secret of ['North', 'South', 'Region', ...ids.values()]) expect(text).not.toContain(secret);
    const indices = (await result.locator('[data-testid="panel-drawn-indices"]').innerText()).match(/\d+/g);
    expect(indices).toHaveLength(2);
    // Grace (certain to sit) is told her own place, and that it was drawn; the page shows no one else's.
    const hers = panelOf(grace);
    await hers.getByText('Check this draw…').click();
    await eventually(
      async () => {
        await hers.getByRole('button', { name: 'Re-run the draw from its transcript' }).click();
        return hers.locator('[data-testid="panel-my-index"]').innerText({ timeout: 1_000 });
      },
      (said) => expect(said).toMatch(/^Your place is \d+: it was drawn\.$/),
    );
    const place = (await hers.locator('[data-testid="panel-my-index"]').innerText()).match(/\d+/)![0];
    expect(indices).toContain(place);
    await hers.getByText('Keep your place to yourself', { exact: false }).waitFor();
    // The public page has no place to tell.
    expect(await panel.locator('[data-testid="panel-my-index"]').count()).toBe(0);
  });

  it('lets only the panel vote on the consequence: Grace ranks in her page, Ada has no ballot', async () => {
    acked(await mod.emitWithAck('case:advance', { caseId, to: 'deliberating' }));
    const { voteId } = acked(await mod.emitWithAck('case:openVote', { caseId, quorumShare: 0.5 }));
    const card = grace.locator('[data-testid="case"][data-case-number="1"] [data-testid="vote"]');
    await card.getByRole('button', { name: 'Rank: Apology' }).click();
    await card.getByRole('button', { name: 'Cast my ballot' }).click();
    await card.locator('[data-testid="ballot-status"][data-state="counted"]').waitFor();
    const adaCard = ada.locator('[data-testid="case"][data-case-number="1"]');
    await adaCard.locator('[data-testid="vote"]').waitFor();
    expect(await adaCard.getByRole('button', { name: 'Cast my ballot' }).count()).toBe(0);
    // The other members by socket: the one on the panel is counted, the others refused in words.
    const seated = new Set(panels.panels[0]!.panel!.map((s) => s.participantId));
    for (const [i, name] of ['Alan Turing', 'Mary Somerville', 'Linus Pauling'].entries()) {
      const ack = await sockets[i]!.emitWithAck('vote:cast', {
        voteId,
        ballotId: randomUUID(),
        choice: { method: 'ranked', ranking: [0] },
      });
      if (seated.has(ids.get(name)!)) expect(ack.ok).toBe(true);
      else expect(ack).toMatchObject({ ok: false, error: { reason: { key: 'panel.notOnPanel' } } });
    }
    await panelOf(watcher).waitFor();
  });

  it('fits 360×740 and 1280×800 without sideways scroll (screenshots) and passes axe', async () => {
    for (const [name, page] of [
      ['case-panel-console', moderator],
      ['case-panel-member', ada],
      ['case-panel-watch', watcher],
    ] as const) {
      for (const [width, height] of [
        [360, 740],
        [1280, 800],
      ] as const) {
        await page.setViewportSize({ width, height });
        // A narrow console shows one part at a time: the cases are under "More tools".
        const more = page.getByRole('button', { name: /More tools/ });
        if (page === moderator && (await more.isVisible())) await more.click();
        await panelOf(page).scrollIntoViewIfNeeded();
        await screenshotAt(page, `${name}`, width, height);
        // The panel alone too, to look at without scrolling the whole page.
        await panelOf(page).screenshot({ path: path.join(SCREENSHOTS, `${name}-panel-${width}x${height}.png`) });
        const wider = await page.evaluate(() =>
          Array.from(document.querySelectorAll('[data-testid="case-panel"] *'))
            .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .slice(0, 5)
            .map((e) => `${e.tagName}.${e.className}`),
        );
        expect(wider).toEqual([]);
        expect(await sidewaysOverflow(page)).toBe(0);
      }
      expect(await axeViolations(page)).toEqual([]);
    }
  });

  it('threw no uncaught errors in any page', () => {
    expect(browser.pageErrors()).toEqual([]);
  });
});
