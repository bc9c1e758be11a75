import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp, SeededAssembly } from '../apps/server/test/support/harness.ts';
import { axeViolations } from './support/a11y.ts';
import { startMoot } from './support/moot.ts';
import { pageOverflow, screenshotAt } from './support/screenshots.ts';
import { useBrowser } from './support/useBrowser.ts';

const browser = await useBrowser();

const MEMBER = 'Ada Member';

/**
 * One member, two browsers (a laptop and a phone): the laptop's menu lists both, this one
 * marked, and signs the phone out; the phone's page is refused from then on.
 */
describe.skipIf(!browser.ok)('your devices', () => {
  let server: RunningApp;
  let seed: SeededAssembly;
  let laptop: Page;
  let phone: Page;

  beforeAll(async () => {
    ({ server, seed } = await startMoot());
    browser.closeAfter(server);
    const first = await browser.join(server.url, seed.memberInvites[0]!, MEMBER);
    const second = await browser.join(server.url, seed.memberInvites[0]!, MEMBER);
    laptop = first.page;
    phone = second.page;
  });

  const devices = () => laptop.locator('.your-devices');

  it('lists both devices in the menu, this one marked', async () => {
    await laptop.getByRole('button', { name: 'Menu: your name, language, sign out' }).click();
    await devices().locator('summary').click();
    const rows = devices().getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(2);
    await devices().locator('[data-this-device]').getByText('This device').waitFor();
    expect(
      await devices()
        .getByRole('button', { name: /^Sign out that device \(signed in/ })
        .count(),
    ).toBe(1);
    expect(await axeViolations(laptop)).toEqual([]);
    for (const [width, height] of [
      [360, 740],
      [1280, 800],
    ] as const) {
      await screenshotAt(laptop, `devices-menu`, width, height);
      expect((await pageOverflow(laptop)).sideways).toBe(0);
    }
  });

  it('signs the other device out: the list shows this one only, and the phone is refused', async () => {
    await devices()
      .getByRole('button', { name: /^Sign out that device \(signed in/ })
      .click();
    await devices().getByText('That device is signed out.').waitFor();
    await devices().getByText('You are signed in on this device only.').waitFor();
    await phone
      .getByText('You are not signed in on this device, or a facilitator has ended your seat.', { exact: false })
      .waitFor();
    await phone.reload();
    await phone.getByText('You are not signed in on this device', { exact: false }).waitFor();
    expect(await phone.locator('[data-testid="connection-status"][data-state="live"]').count()).toBe(0);
    expect(await laptop.locator('[data-testid="connection-status"][data-state="live"]').count()).toBe(1);
  });
});
