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
const DAY = 86_400_000;

describe.skipIf(!browser.ok)('accountability in the browser: the body responds, the leader replies', () => {
  let server: RunningApp;
  let seed: SeededAssembly;
  let mod: MemberSocket;
  let watcher: Page;
  let respondent: Page;
  let leader: Page;
  let caseId: string;

  const tracked = (page: Page, title: string) =>
    page.locator('[data-testid="tracked-standard"]').filter({ has: page.locator('h3', { hasText: title }) });
  const shots = async (page: Page, name: string) => {
    for (const [width, height] of [
      [360, 740],
      [1280, 800],
    ] as const) {
      // From the top: a full-page shot of a scrolled page draws the sticky header mid-page.
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshotAt(page, name, width, height);
      expect(await sidewaysOverflow(page), `${name} at ${width}px scrolls sideways`).toBe(0);
    }
  };

  beforeAll(async () => {
    ({ server, seed } = await startMoot());
    browser.closeAfter(server);
    mod = (await connectMember(server.url, await redeem(server.url, seed.moderatorInvite, 'Mo Facilitator'))).socket;
    // "Honesty" adopted, with a ladder: the body answers it; a case cites it.
    acked(await mod.emitWithAck('standard:setLadder', { standardId: seed.standardId, steps: ['A warning'] }));
    acked(await mod.emitWithAck('standard:lock', { standardId: seed.standardId }));
    await server.db.transaction((tx) => setStandardStatus(tx, seed.assemblyId, seed.standardId, ['locked'], 'adopted'));
    const w = await browser.open(`${server.url}/watch#${seed.watchKey}`);
    await waitForLive(w.page);
    watcher = w.page;
  });

  afterAll(async () => {
    mod?.disconnect();
  });

  it('before any response, the public page says so and counts the days since the report', async () => {
    const { inviteSecret } = acked(await mod.emitWithAck('respondent:invite', { body: 'Housing Committee' }));
    await eventually(
      () => tracked(watcher, 'Honesty').locator('[data-testid="no-response"]').textContent(),
      (text) => expect(text).toBe('No response yet, 0 days since the report.'),
    );
    const r = await browser.join(server.url, inviteSecret, 'Housing Committee');
    respondent = r.page;
    await respondent.getByRole('heading', { name: 'Respond to the assembly' }).waitFor();
    await respondent.getByText('You are answering for Housing Committee.', { exact: false }).waitFor();
  });

  it('the respondent publishes a response and a progress update; the public tracker shows both', async () => {
    const card = tracked(respondent, 'Honesty');
    await card.getByRole('radio', { name: 'Accepted in part' }).check();
    await card.getByLabel('Reasons').fill('We will publish every briefing, but not legal advice.');
    await card.getByLabel('Timeline: what you will do, by when').fill('From March 2027');
    await card.getByRole('button', { name: 'Publish the response' }).click();
    await card.getByRole('button', { name: 'Change the response' }).waitFor();
    await card.getByLabel('Where it stands').selectOption('in_progress');
    await card.getByLabel('Date of the progress').fill('2026-12-01');
    await card.getByLabel('What happened').fill('The first briefings are online.');
    await card.getByLabel(/Evidence links/).fill('https://example.org/briefings');
    await card.getByRole('button', { name: 'Post the update' }).click();
    await card.locator('[data-testid="progress-update"]').waitFor();
    // A link that is not http(s) is refused with a clear error; nothing is posted.
    await card.getByLabel('What happened').fill('Sneaky');
    await card.getByLabel(/Evidence links/).fill('javascript:alert(1)');
    await card.getByRole('button', { name: 'Post the update' }).click();
    await eventually(
      () => card.locator('[data-error-code="bad_request"]').textContent(),
      (text) => expect(text).toContain('A link must be an http(s) address'),
    );
    expect(await card.locator('[data-testid="progress-update"]').count()).toBe(1);

    const pub = tracked(watcher, 'Honesty');
    await eventually(
      () => pub.locator('[data-testid="stance"]').textContent(),
      (text) => expect(text).toBe('Accepted in part'),
    );
    await pub.getByText('We will publish every briefing, but not legal advice.').waitFor();
    await pub.getByText('From March 2027').waitFor();
    await pub.getByText('In progress on 1 December 2026').waitFor();
    await pub.getByRole('link', { name: 'https://example.org/briefings' }).waitFor();
    expect(await axeViolations(respondent)).toEqual([]);
    expect(await axeViolations(watcher)).toEqual([]);
    await shots(respondent, 'accountability-respondent');
    await shots(watcher, 'accountability-watch-tracker');
  });

  it('the leader replies by their link before the deadline, and is refused after the moderator moves it', async () => {
    ({ caseId } = acked(
      await mod.emitWithAck('case:open', {
        respondent: { role: 'Director of Housing', name: 'Dana Reyes' },
        standardIds: [seed.standardId],
        summary: 'The housing figures were withheld from the council.',
        evidence: [{ description: 'Council minutes', link: 'https://example.org/minutes' }],
      }),
    ));
    const { inviteSecret } = acked(await mod.emitWithAck('leader:invite', { caseId, deadline: Date.now() + 3 * DAY }));
    const l = await browser.join(server.url, inviteSecret, 'Dana Reyes');
    leader = l.page;
    await leader.getByRole('heading', { name: 'Case 1: Director of Housing' }).waitFor();
    await leader.getByText('The housing figures were withheld from the council.').waitFor();
    await leader.getByLabel('Your reply').fill('The figures were late, not withheld; here is the cover letter.');
    await leader.getByLabel('What it shows').fill('Cover letter');
    await leader.getByLabel('Link (http or https, optional)').fill('https://example.org/letter');
    await leader.getByRole('button', { name: 'Send my reply' }).click();
    await eventually(
      () => leader.locator('[data-testid="recorded-reply"]').textContent(),
      (text) => expect(text).toBe('The figures were late, not withheld; here is the cover letter.'),
    );
    await leader.getByRole('link', { name: 'https://example.org/letter' }).waitFor();
    expect(await axeViolations(leader)).toEqual([]);
    await shots(leader, 'accountability-leader');

    // The moderator moves the deadline into the past: the page says so, and a new reply is refused.
    acked(await mod.emitWithAck('leader:setDeadline', { caseId, deadline: Date.now() - 60_000 }));
    await eventually(
      () => leader.locator('[data-testid="deadline"]').textContent(),
      (text) => expect(text).toContain('The deadline for your reply passed on'),
    );
    await leader.getByLabel('Your reply').fill('One more thing');
    await leader.getByRole('button', { name: 'Send my reply' }).click();
    await eventually(
      () => leader.locator('[data-error-code="deadline_passed"]').textContent(),
      (text) => expect(text).toBe('The deadline for this reply has passed. Ask the moderators if they can move it.'),
    );
    expect(await leader.locator('[data-testid="recorded-reply"]').textContent()).toBe(
      'The figures were late, not withheld; here is the cover letter.',
    );
  });

  it('the leader follows their hearing live while it is the current agenda item, and it leaves when it ends', async () => {
    const { sessionId } = acked(await mod.emitWithAck('session:create', { title: 'Evening sitting' }));
    acked(await mod.emitWithAck('session:start', { sessionId }));
    const { itemId } = acked(
      await mod.emitWithAck('agenda:add', {
        sessionId,
        title: 'Hearing: the Director of Housing',
        kind: 'deliberate',
        plannedMinutes: 20,
        caseId,
      }),
    );
    expect(await leader.locator('[data-testid="hearing-live"]').count()).toBe(0);
    acked(await mod.emitWithAck('agenda:start', { itemId }));
    await leader.getByRole('heading', { name: 'Your hearing is on now' }).waitFor();
    await leader.getByText('Nobody has the floor.').waitFor();
    // A member takes the floor: the leader sees them as the public does (a pseudonym), not their name.
    const ada = (await connectMember(server.url, await redeem(server.url, seed.memberInvites[0]!, 'Ada Lovelace')))
      .socket;
    acked(await ada.emitWithAck('attendance:checkIn', { sessionId }));
    acked(await ada.emitWithAck('queue:raise', { sessionId, kind: 'new_point' }));
    acked(await mod.emitWithAck('queue:next', { sessionId }));
    await eventually(
      () => leader.locator('[data-testid="hearing-speaker"]').textContent(),
      (text) => expect(text).toMatch(/^Speaking now: Member \d+/),
    );
    expect(await leader.locator('[data-testid="hearing-item"]').textContent()).toBe('Hearing: the Director of Housing');
    expect(await leader.content()).not.toContain('Ada Lovelace');
    expect(await axeViolations(leader)).toEqual([]);
    await shots(leader, 'accountability-leader-hearing');
    acked(await mod.emitWithAck('queue:endTurn', { sessionId }));
    acked(await mod.emitWithAck('agenda:end', { itemId }));
    await eventually(
      () => leader.locator('[data-testid="hearing-live"]').count(),
      (count) => expect(count).toBe(0),
    );
    ada.disconnect();
  });

  it('the decision is sent to the leader', async () => {
    acked(await mod.emitWithAck('case:dismiss', { caseId, reason: 'The figures were published in time.' }));
    await eventually(
      () => leader.locator('[data-testid="decision"]').textContent(),
      (text) => expect(text).toBe('Dismissed: The figures were published in time.'),
    );
    await shots(leader, 'accountability-leader-decided');
  });

  it('no page error on any page', () => {
    expect(browser.pageErrors()).toEqual([]);
  });
});
