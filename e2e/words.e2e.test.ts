import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setStandardStatus } from '../apps/server/src/features/charter/charterStore.ts';
import {
  acked,
  connectMember,
  redeem,
  type MemberSocket,
  type RunningApp,
  type SeededAssembly,
} from '../apps/server/test/support/harness.ts';
import { axeViolations } from './support/a11y.ts';
import { eventually, startMoot, waitForLive } from './support/moot.ts';
import { screenshotAt, sidewaysOverflow } from './support/screenshots.ts';
import { useBrowser } from './support/useBrowser.ts';

const browser = await useBrowser();

/**
 * A Welsh reader of the watch page sees the server's sentences in Welsh: a case decided "No
 * breach found" by a ranked vote shows its outcome, its vote's question and its tally's
 * explanation worded from codes (`enWords`/`cyWords`), with the assembly's own words as typed;
 * the session's minutes, read from their JSON export, word the same vote the same way.
 */
describe.skipIf(!browser.ok)('the server’s sentences in Welsh on the watch page', () => {
  let server: RunningApp;
  let seed: SeededAssembly;
  let watcher: Page;
  let mod: MemberSocket;
  let sessionId: string;
  const members: MemberSocket[] = [];

  beforeAll(async () => {
    ({ server, seed } = await startMoot());
    browser.closeAfter(server);
    mod = (await connectMember(server.url, await redeem(server.url, seed.moderatorInvite, 'Mo'))).socket;
    for (const [i, name] of ['Ifan', 'Siân', 'Elin'].entries()) {
      members.push((await connectMember(server.url, await redeem(server.url, seed.memberInvites[i]!, name))).socket);
    }
    acked(await mod.emitWithAck('standard:setLadder', { standardId: seed.standardId, steps: ['Rhybudd ffurfiol'] }));
    acked(await mod.emitWithAck('standard:lock', { standardId: seed.standardId }));
    await server.db.transaction((tx) => setStandardStatus(tx, seed.assemblyId, seed.standardId, ['locked'], 'adopted'));
    ({ sessionId } = acked(await mod.emitWithAck('session:create', { title: 'Eisteddiad' })));
    acked(await mod.emitWithAck('session:start', { sessionId }));
    for (const m of members) acked(await m.emitWithAck('attendance:checkIn', { sessionId }));
    watcher = (await browser.open(`${server.url}/watch#${seed.watchKey}`)).page;
    await waitForLive(watcher);
    await watcher.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Cymraeg' }).click();
  });

  afterAll(async () => {
    for (const s of [mod, ...members]) s?.disconnect();
  });

  it('words a decided case’s outcome, its vote’s question and its tally in Welsh', async () => {
    const { caseId } = acked(
      await mod.emitWithAck('case:open', {
        respondent: { role: 'Cyfarwyddwr Tai', name: 'Dafydd' },
        standardIds: [seed.standardId],
        summary: 'Camarwain y cyngor am y gyllideb.',
      }),
    );
    acked(await mod.emitWithAck('case:advance', { caseId, to: 'hearing' }));
    acked(await mod.emitWithAck('case:advance', { caseId, to: 'deliberating' }));
    const { voteId } = acked(await mod.emitWithAck('case:openVote', { caseId, quorumShare: 0.5 }));
    for (const m of members) {
      const choice = { method: 'ranked' as const, ranking: [0, 1] };
      acked(await m.emitWithAck('vote:cast', { voteId, ballotId: randomUUID(), choice }));
    }
    acked(await mod.emitWithAck('vote:close', { voteId }));

    const card = watcher.locator('[data-testid="case"][data-case-number="1"]');
    await card.locator('[data-testid="case-decision"]').waitFor();
    expect(await card.locator('[data-testid="case-outcome"]').innerText()).toBe('Dim achos o dorri safon');
    expect(await card.locator('[data-testid="case-opened-by"]').innerText()).toBe('y cymedrolwr Mo');
    await eventually(
      () => card.locator('[data-testid="vote-explanation"]').innerText(),
      (text) => expect(text).toBe('“Dim achos o dorri safon” sy’n ennill yn rownd 1 gyda 3 o 3 pleidlais (100%).'),
    );
    const vote = watcher.locator(`[data-testid="vote"][data-vote-id="${voteId}"]`);
    if ((await vote.count()) > 0) {
      expect(await vote.locator('.vote-question').innerText()).toBe('Achos 1 (Cyfarwyddwr Tai): pa ganlyniad?');
    }
    // Nothing the server wrote in English is left on the page.
    const shown = await watcher.locator('main').innerText();
    for (const english of ['No breach found', 'wins in round', 'what consequence', 'Opened by']) {
      expect(shown).not.toContain(english);
    }
    expect(await axeViolations(watcher)).toEqual([]);
    await card.scrollIntoViewIfNeeded();
    for (const [width, height] of [
      [360, 740],
      [1280, 800],
    ] as const) {
      await screenshotAt(watcher, 'words-welsh-case', width, height);
      expect(await sidewaysOverflow(watcher), `the Welsh case at ${width}px scrolls sideways`).toBe(0);
    }
    expect(browser.pageErrors()).toEqual([]);
  });

  it('words the same vote in the session’s minutes, read from the export (its codes beside the English)', async () => {
    // The vote of the case above, opened in this session; the reader's Welsh is kept from the watch page.
    await watcher.goto(`${server.url}/record/minutes?session=${sessionId}#${seed.watchKey}`);
    const minutes = watcher.getByRole('article', { name: 'Eisteddiad' });
    await minutes.waitFor();
    await minutes
      .getByRole('listitem')
      .filter({
        hasText:
          'Achos 1 (Cyfarwyddwr Tai): pa ganlyniad?: “Dim achos o dorri safon” sy’n ennill yn rownd 1 gyda 3 o 3 pleidlais (100%).',
      })
      .waitFor();
    const shown = await minutes.innerText();
    for (const english of ['No breach found', 'wins in round', 'what consequence'])
      expect(shown).not.toContain(english);
    expect(browser.pageErrors()).toEqual([]);
  });
});
