import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acked,
  connectMember,
  redeem,
  type MemberSocket,
  type RunningApp,
  type SeededAssembly,
} from '../apps/server/test/support/harness.ts';
import { eventually, fieldText, openSection, startMoot, standard, textField, waitForLive } from './support/moot.ts';
import { useBrowser } from './support/useBrowser.ts';

const browser = await useBrowser();

const ADA = 'Ada Lovelace';
const SAVED = 'Leaders tell the truth.';
const REFUSED = ' Always.';

/**
 * An edit the server refuses (here: typed offline while a moderator locked the standard) leaves
 * the member's copy ahead of the saved text. The page says so, and "show the saved text" forgets
 * the refused edit on this device — also in the copy kept for offline use, so a reload does not
 * bring it back.
 */
describe.skipIf(!browser.ok)('an edit the server refused', () => {
  let server: RunningApp;
  let seed: SeededAssembly;
  let context: BrowserContext;
  let ada: Page;
  let mod: MemberSocket;

  beforeAll(async () => {
    ({ server, seed } = await startMoot());
    browser.closeAfter(server);
    ({ context, page: ada } = await browser.join(server.url, seed.memberInvites[0]!, ADA));
    await openSection(ada, 'Charter');
    mod = (await connectMember(server.url, await redeem(server.url, seed.moderatorInvite, 'Mo'))).socket;
  });
  afterAll(async () => {
    mod?.disconnect();
  });

  it('is explained, and "show the saved text" brings back the saved version for good', async () => {
    await textField(ada, 'Honesty').click();
    await ada.keyboard.type(SAVED);
    await ada.locator('[data-testid="save-status"][data-save="saved"]').waitFor();

    // Offline, Ada keeps typing; meanwhile the moderator locks the standard.
    await context.setOffline(true);
    for (const socket of await server.app.io.fetchSockets())
      if (socket.data.participant?.displayName === ADA) socket.disconnect(true);
    await ada.locator('[data-testid="connection-status"]:not([data-state="live"])').waitFor();
    await ada.keyboard.type(REFUSED);
    expect(await fieldText(ada, 'Honesty')).toBe(SAVED + REFUSED);
    acked(await mod.emitWithAck('standard:lock', { standardId: seed.standardId }));

    await context.setOffline(false);
    await waitForLive(ada);
    const showSaved = standard(ada, 'Honesty').getByRole('button', {
      name: 'Discard my unsaved edits and show the saved text',
    });
    await showSaved.waitFor();
    await standard(ada, 'Honesty').getByRole('alert').waitFor();
    await showSaved.click();
    await eventually(
      () => fieldText(ada, 'Honesty'),
      (text) => expect(text).toBe(SAVED),
    );
    expect(await showSaved.count()).toBe(0);

    await ada.reload();
    await waitForLive(ada);
    await eventually(
      () => fieldText(ada, 'Honesty'),
      (text) => expect(text).toBe(SAVED),
    );
  });
});
