import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp, SeededAssembly } from '../apps/server/test/support/harness.ts';
import { axeViolations } from './support/a11y.ts';
import { startMoot, waitForLive } from './support/moot.ts';
import { useBrowser } from './support/useBrowser.ts';

const browser = await useBrowser();

const MODERATOR = 'Mo Facilitator';
const NEWCOMER = 'Nia Newcomer';

/**
 * The moderator's roster in the console: invite someone with a link made there, see them join,
 * give them a role, remove them — and the removed person's page is refused from then on.
 */
describe.skipIf(!browser.ok)('the roster in the console', () => {
  let server: RunningApp;
  let seed: SeededAssembly;
  let moderator: Page;
  let newcomer: Page;
  let roster: ReturnType<Page['locator']>;

  beforeAll(async () => {
    ({ server, seed } = await startMoot());
    browser.closeAfter(server);
    const m = await browser.join(server.url, seed.moderatorInvite, MODERATOR);
    moderator = m.page;
    await moderator.getByRole('link', { name: 'Open the moderator console' }).click();
    await waitForLive(moderator);
    roster = moderator.locator('[data-testid="roster"]');
  });

  const row = (name: string) => roster.locator('[data-testid="roster-entry"]', { hasText: name });

  it('lists every seat, the moderator as "you" with no controls on their own row', async () => {
    await row(MODERATOR).waitFor();
    await row(MODERATOR).getByText('(you)').waitFor();
    expect(await row(MODERATOR).getByRole('button').count()).toBe(0);
    expect(await roster.getByText('Not joined yet').count()).toBe(seed.memberInvites.length);
    expect(await axeViolations(moderator)).toEqual([]);
  });

  it('invites a member with a link shown once; they join with it and appear by name', async () => {
    await roster.getByLabel('Invite as').selectOption('member');
    await roster.getByRole('button', { name: 'Create an invite link' }).click();
    const shown = roster.locator('[data-testid="invite-link"]');
    const href = await shown.getByLabel('Link to send').inputValue();
    expect(href).toMatch(new RegExp(`^${server.url}/join#[A-Za-z0-9_-]{22,}$`));
    await shown.getByText('This link is shown only now').waitFor();

    const joined = await browser.join(server.url, href.split('#')[1]!, NEWCOMER);
    newcomer = joined.page;
    await row(NEWCOMER).waitFor();
    expect(await row(NEWCOMER).getAttribute('data-role')).toBe('member');
    await shown.getByRole('button', { name: 'Done' }).click();
    expect(await shown.count()).toBe(0);
  });

  it('makes them a moderator: their page comes back with the console link', async () => {
    await row(NEWCOMER)
      .getByRole('button', { name: `Make ${NEWCOMER} a moderator` })
      .click();
    await roster.locator(`[data-testid="roster-entry"][data-role="moderator"]`, { hasText: NEWCOMER }).waitFor();
    await waitForLive(newcomer);
    await newcomer.getByRole('link', { name: 'Open the moderator console' }).waitFor();
  });

  it('removes them only after a second word; their page is refused from then on', async () => {
    await row(NEWCOMER)
      .getByRole('button', { name: `Remove ${NEWCOMER}…` })
      .click();
    const confirm = roster.getByRole('group', { name: `Remove ${NEWCOMER}?` });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await row(NEWCOMER)
      .getByRole('button', { name: `Remove ${NEWCOMER}…` })
      .click();
    await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
    await row(NEWCOMER).waitFor({ state: 'detached' });
    await newcomer
      .getByText('You are not signed in on this device, or a facilitator has ended your seat.', { exact: false })
      .waitFor();
    expect(await newcomer.locator('[data-testid="connection-status"][data-state="live"]').count()).toBe(0);
    // Reloading gets no further: the session is gone with the seat.
    await newcomer.reload();
    await newcomer.getByText('a facilitator has ended your seat', { exact: false }).waitFor();
    expect(await newcomer.locator('[data-testid="connection-status"][data-state="live"]').count()).toBe(0);
  });
});
