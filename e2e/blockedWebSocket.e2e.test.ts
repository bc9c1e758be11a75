import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAMESPACES } from '@moot/protocol';
import {
  acked,
  connectMember,
  redeem,
  type MemberSocket,
  type RunningApp,
  type SeededAssembly,
} from '../apps/server/test/support/harness.ts';
import { sealedBallots } from '../apps/server/test/support/ballots.ts';
import { castInVotes, eventually, fieldText, openSection, standard, startMoot, textField } from './support/moot.ts';
import { useBrowser } from './support/useBrowser.ts';

const browser = await useBrowser();

const ADA = 'Ada Lovelace';
const GRACE = 'Grace Hopper';
const ADOPTION = 'Adopt “Honesty”?';

describe.skipIf(!browser.ok)('a member whose network blocks WebSocket (HTTP long-polling)', () => {
  let server: RunningApp;
  let seed: SeededAssembly;
  let ada: Page;
  let adaWebSockets: () => number;
  let grace: Page;
  let mod: MemberSocket;

  /** The transport each of someone's live sockets uses now, as the server sees it. */
  const transportsOf = (displayName: string) =>
    [...server.app.io.of(NAMESPACES.assembly).sockets.values()]
      .filter((socket) => socket.data.participant?.displayName === displayName)
      .map((socket) => socket.conn.transport.name);

  beforeAll(async () => {
    ({ server, seed } = await startMoot());
    browser.closeAfter(server);
    const a = await browser.join(server.url, seed.memberInvites[0]!, ADA, { blockWebSocket: true });
    const g = await browser.join(server.url, seed.memberInvites[1]!, GRACE);
    [ada, adaWebSockets, grace] = [a.page, a.webSockets, g.page];
    for (const page of [ada, grace]) await openSection(page, 'Charter');
    mod = (await connectMember(server.url, await redeem(server.url, seed.moderatorInvite, 'Mo'))).socket;
  });

  afterAll(async () => {
    mod?.disconnect();
  });

  it('joins on long-polling while the other member upgrades to WebSocket', async () => {
    await eventually(
      async () => [transportsOf(ADA), transportsOf(GRACE)],
      ([adas, graces]) => {
        expect(adas).toEqual(['polling']);
        expect(graces).toEqual(['websocket']);
      },
    );
    expect(adaWebSockets()).toBe(0);
  });

  it('co-edits both ways: each sees the other’s words, and hers are saved', async () => {
    await textField(ada, 'Honesty').click();
    await ada.keyboard.type('Leaders tell the truth.');
    await eventually(
      () => fieldText(grace, 'Honesty'),
      (text) => expect(text).toBe('Leaders tell the truth.'),
    );
    await ada.locator('[data-testid="save-status"][data-save="saved"]').waitFor();
    await textField(grace, 'Honesty').click();
    await grace.keyboard.press('Control+End');
    await grace.keyboard.type(' Even when it costs them.');
    await eventually(
      () => fieldText(ada, 'Honesty'),
      (text) => expect(text).toBe('Leaders tell the truth. Even when it costs them.'),
    );
  });

  it('checks in and casts a secret ballot with a receipt', async () => {
    const { sessionId } = acked(await mod.emitWithAck('session:create', { title: 'Deciding' }));
    acked(await mod.emitWithAck('session:start', { sessionId }));
    await openSection(ada, 'Now');
    await ada.getByRole('button', { name: 'Check in' }).click();
    await ada.locator('[data-testid="checked-in"]').waitFor();
    await openSection(ada, 'Charter');

    acked(await mod.emitWithAck('standard:setLadder', { standardId: seed.standardId, steps: ['Advice'] }));
    acked(await mod.emitWithAck('standard:lock', { standardId: seed.standardId }));
    await eventually(
      () => standard(ada, 'Honesty').getAttribute('data-status'),
      (status) => expect(status).toBe('locked'),
    );
    acked(
      await mod.emitWithAck('vote:open', {
        subject: { kind: 'adopt_standard', standardId: seed.standardId },
        rules: { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false },
        quorumShare: 0,
      }),
    );
    const card = await castInVotes(ada, ADOPTION, 'Yes');
    expect(await card.locator('[data-testid="ballot-receipt"]').getAttribute('data-receipt')).toMatch(/\S/);
    // Sealed while the vote is open (counted and published at close).
    expect(await sealedBallots(server.db)).toBe(1);
    // Still long-polling throughout: nothing went over a WebSocket.
    expect(transportsOf(ADA)).toEqual(['polling']);
    expect(adaWebSockets()).toBe(0);
  });

  it('raised no page errors', () => {
    expect(browser.pageErrors()).toEqual([]);
  });
});
