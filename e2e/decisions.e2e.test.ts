import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BallotChoice, CharterExport, SessionState, VoteView } from '@moot/protocol';
import {
  acked,
  connectMember,
  redeem,
  type MemberSocket,
  type RunningApp,
  type SeededAssembly,
} from '../apps/server/test/support/harness.ts';
import { axeViolations } from './support/a11y.ts';
import { wordsBrokenInTables } from './support/layout.ts';
import {
  eventually,
  fieldText,
  openSection,
  standard,
  startMoot,
  textField,
  voteCard,
  waitForLive,
} from './support/moot.ts';
import { useBrowser } from './support/useBrowser.ts';

const browser = await useBrowser();

const MODERATOR = 'Mo Facilitator';
const ADA = 'Ada Lovelace';
const ADOPTION = 'Adopt “Honesty”?';
const TEXT = 'Leaders tell the truth.';

describe.skipIf(!browser.ok)('deciding in the browser: lock, vote, close, the public record', () => {
  let server: RunningApp;
  let seed: SeededAssembly;
  let moderator: Page;
  let ada: Page;
  let watcher: Page;
  let watcherWire: string[];
  // Two more members vote through their sockets, which keeps the test fast; Ada votes in the page.
  let others: MemberSocket[];
  let votes: VoteView[] = [];

  beforeAll(async () => {
    ({ server, seed } = await startMoot());
    browser.closeAfter(server);
    const m = await browser.join(server.url, seed.moderatorInvite, MODERATOR);
    const a = await browser.join(server.url, seed.memberInvites[0]!, ADA);
    const w = await browser.open(`${server.url}/watch#${seed.watchKey}`);
    await waitForLive(w.page);
    [moderator, ada, watcher, watcherWire] = [m.page, a.page, w.page, w.received];
    others = [];
    for (const [i, name] of ['Grace Hopper', 'Alan Turing'].entries()) {
      const cookie = await redeem(server.url, seed.memberInvites[i + 1]!, name);
      others.push((await connectMember(server.url, cookie)).socket);
    }
    others[0]!.on('votes:state', (update) => (votes = update.votes));
  });

  afterAll(async () => {
    for (const socket of others ?? []) socket.disconnect();
  });

  const castBySocket = async (socket: MemberSocket, question: string, choice: BallotChoice) => {
    const { id: voteId } = votes.find((v) => v.question === question && v.status === 'open')!;
    acked(await socket.emitWithAck('vote:cast', { voteId, ballotId: randomUUID(), choice }));
  };

  it('starts a live session that everyone checks in to', async () => {
    const sessionId = new Promise<string>((resolve) =>
      others[0]!.on('session:state', (state: SessionState | null) => state && resolve(state.id)),
    );
    await moderator.getByRole('link', { name: 'Open the moderator console' }).click();
    await moderator.getByRole('heading', { name: 'Moderator console', level: 1 }).waitFor();
    await waitForLive(moderator);
    await moderator.getByLabel('Session title').fill('Deciding session');
    await moderator.getByRole('button', { name: 'Create session' }).click();
    await moderator.getByRole('button', { name: 'Start session' }).click();
    await moderator.locator('[data-testid="session-status"]', { hasText: 'Live' }).waitFor();

    await ada.getByRole('button', { name: 'Check in' }).click();
    await ada.locator('[data-testid="checked-in"]').waitFor();
    // Nothing is under discussion: the member drafts and decides in the charter and votes sections.
    await openSection(ada, 'Charter');
    for (const socket of others) acked(await socket.emitWithAck('attendance:checkIn', { sessionId: await sessionId }));
  });

  it('locks a standard from the console: the editor turns read-only for the member and the status shows', async () => {
    await textField(ada, 'Honesty').click();
    await ada.keyboard.type(TEXT);
    await ada.locator('[data-testid="save-status"][data-save="saved"]').waitFor();

    await moderator.getByRole('button', { name: 'Lock: Honesty' }).click();
    await moderator.getByRole('button', { name: 'Unlock: Honesty' }).waitFor();
    for (const page of [ada, watcher]) {
      await eventually(
        () => standard(page, 'Honesty').getAttribute('data-status'),
        (status) => expect(status).toBe('locked'),
      );
    }
    await eventually(
      () => textField(ada, 'Honesty').getAttribute('contenteditable'),
      (value) => expect(value).toBe('false'),
    );
    await standard(ada, 'Honesty').getByText('Locked: this text can no longer be edited here.').waitFor();
    // The title is as fixed as the text: no renaming it under the vote's feet.
    await eventually(
      () => ada.getByRole('button', { name: 'Rename: Honesty' }).isDisabled(),
      (disabled) => expect(disabled).toBe(true),
    );
  });

  it('edits the consequence ladder with buttons only: add, reorder, remove, save', async () => {
    const ladder = moderator.getByRole('group', { name: 'Consequence ladder of “Honesty”' });
    for (const step of ['Advice', 'Formal warning', 'Public apology', 'Mistake']) {
      await ladder.getByLabel('New consequence for “Honesty”').fill(step);
      await ladder.getByRole('button', { name: 'Add', exact: true }).click();
    }
    await ladder.getByRole('button', { name: 'Move up: Public apology' }).click();
    await ladder.getByRole('button', { name: 'Remove: Mistake' }).click();
    await ladder.getByText('Unsaved changes.').waitFor();
    await ladder.getByRole('button', { name: 'Save the ladder of “Honesty”' }).click();
    await ladder.getByText('Ladder saved.').waitFor();
    for (const page of [ada, watcher]) {
      await eventually(
        () => standard(page, 'Honesty').locator('[data-testid="ladder"] li').allTextContents(),
        (steps) => expect(steps).toEqual(['Advice', 'Public apology', 'Formal warning']),
      );
    }
  });

  it('opens an adoption vote; everyone sees turnout only, and a member votes in the page', async () => {
    await openSection(ada, 'Votes');
    const form = moderator.locator('[data-testid="open-vote"]');
    await form.getByLabel('Standard to adopt').selectOption({ label: 'Honesty' });
    await form.getByLabel('Method', { exact: true }).selectOption('yes_no');
    await form.getByLabel('Threshold', { exact: true }).selectOption('two_thirds');
    await form.getByLabel('Quorum (% of members checked in)').fill('50');
    await form.getByRole('button', { name: 'Open vote' }).click();

    const card = voteCard(ada, ADOPTION);
    await card.waitFor();
    await eventually(
      () => ada.locator('[data-testid="votes-announcer"]').textContent(),
      (text) => expect(text).toContain(`Voting opened on: ${ADOPTION}`),
    );
    // A ballot without a choice is explained, not sent.
    await card.getByRole('button', { name: 'Cast my ballot' }).click();
    await card.getByRole('alert').getByText('Choose an answer before casting your ballot.').waitFor();
    await card.getByRole('radio', { name: 'No' }).check();
    await card.getByRole('button', { name: 'Cast my ballot' }).click();
    await card.locator('[data-testid="ballot-status"][data-state="counted"]').waitFor();
    // Changing the ballot before close, over a connection that drops: the new ballot waits,
    // "sending…", and goes out (with its one id) when the connection is back.
    const first = await card.locator('[data-testid="ballot-receipt"]').getAttribute('data-receipt');
    await ada.context().setOffline(true);
    for (const socket of await server.app.io.fetchSockets())
      if (socket.data.participant?.displayName === ADA) socket.disconnect(true);
    await ada.locator('[data-testid="connection-status"]:not([data-state="live"])').waitFor();
    await card.getByRole('radio', { name: 'Yes' }).check();
    await card.getByLabel('Reason (optional)').fill('It says what we agreed');
    await card.getByRole('button', { name: 'Change my ballot' }).click();
    await card
      .locator('[data-testid="ballot-status"][data-state="sending"]')
      .getByText('Sending your ballot')
      .waitFor();
    await ada.context().setOffline(false);
    await waitForLive(ada);
    await eventually(
      () => card.locator('[data-testid="ballot-receipt"]').getAttribute('data-receipt'),
      (receipt) => expect(receipt).not.toBe(first),
    );
    await card.getByText('Your ballot: Yes').waitFor();

    await castBySocket(others[0]!, ADOPTION, { method: 'yes_no', choice: 'yes' });
    await castBySocket(others[1]!, ADOPTION, { method: 'yes_no', choice: 'no' });
    for (const page of [moderator, ada, watcher]) {
      await voteCard(page, ADOPTION).locator('[data-testid="turnout"][data-turnout="3"]').waitFor();
    }
    // While open, no page shows a result and the observer's wire carries no choice.
    expect(await watcher.locator('[data-testid="vote-result"]').count()).toBe(0);
    expect(watcherWire.join('\n')).not.toContain('It says what we agreed');
    expect(await voteCard(watcher, ADOPTION).locator('input, button, textarea').count()).toBe(0);
  });

  describe('accessibility while a vote is open (axe-core, WCAG 2.2 A/AA)', () => {
    it('member page with a ballot', async () => {
      expect(await axeViolations(ada)).toEqual([]);
    });
    it('console with the lifecycle, the vote form and an open vote', async () => {
      expect(await axeViolations(moderator)).toEqual([]);
    });
  });

  it('closes the vote: the observer sees the result, the adopted status and the adopted text', async () => {
    await moderator.getByRole('button', { name: `Close the vote: ${ADOPTION}` }).click();
    const result = voteCard(watcher, ADOPTION).locator('[data-testid="vote-result"]');
    await result.waitFor();
    expect(await result.getAttribute('data-passed')).toBe('true');
    expect(await result.locator('[data-testid="vote-explanation"]').innerText()).toMatch(/^Passed/);
    expect(await result.locator('tr[data-choice="yes"]').getAttribute('data-count')).toBe('2');
    expect(await result.locator('tr[data-choice="no"]').getAttribute('data-count')).toBe('1');
    await eventually(
      () => standard(watcher, 'Honesty').getAttribute('data-status'),
      (status) => expect(status).toBe('adopted'),
    );
    await standard(watcher, 'Honesty').locator('.standard-status', { hasText: 'Adopted' }).waitFor();
    expect(await fieldText(watcher, 'Honesty')).toBe(TEXT);
    // The published ballots carry the reason, never a name.
    await result.getByText('Published ballots (3)').click();
    await result.locator('[data-testid="published-ballots"]').getByText('It says what we agreed').waitFor();
    expect(await watcher.content()).not.toContain(ADA);

    // The member who voted in the page finds their receipt in the published list.
    const check = voteCard(ada, ADOPTION).locator('[data-testid="my-receipt-check"]');
    await check.waitFor();
    expect(await check.getAttribute('data-found')).toBe('true');
    await eventually(
      () => ada.locator('[data-testid="votes-announcer"]').textContent(),
      (text) => expect(text).toContain(`Voting closed: ${ADOPTION} Passed`),
    );
  });

  it('attaches a minority report written in the page and co-signed, for everyone to read', async () => {
    await openSection(ada, 'Charter');
    const dissents = standard(ada, 'Honesty').locator('[data-testid="dissents"]');
    await dissents.getByRole('textbox', { name: 'Minority report' }).fill('Truth alone is not enough.');
    await dissents.getByRole('button', { name: 'Attach minority report' }).click();
    const report = dissents.locator('[data-testid="dissent"]');
    await report.waitFor();
    await report.getByText('You signed this.').waitFor();
    const dissentId = await report.getAttribute('data-dissent-id');
    acked(await others[0]!.emitWithAck('dissent:cosign', { dissentId: dissentId! }));
    const seen = standard(watcher, 'Honesty').locator('[data-testid="dissent"]');
    await seen.getByText('Truth alone is not enough.').waitFor();
    await seen.locator('[data-testid="signatories"][data-count="2"]').waitFor();
  });

  it('proposes an amendment in the page; the moderator tables it from the console', async () => {
    const amendments = standard(ada, 'Honesty').locator('[data-testid="amendments"]');
    await amendments.getByLabel('New wording').fill('Leaders tell the whole truth.');
    await amendments.getByLabel('Why (optional)').fill('Half-truths mislead too');
    await amendments.getByRole('button', { name: 'Propose amendment' }).click();
    await amendments.locator('[data-testid="amendment"][data-status="proposed"]').waitFor();

    const waiting = moderator.locator('[data-testid="amendment-to-table"]');
    await waiting.getByRole('button', { name: `Table the amendment to “Honesty” proposed by ${ADA}` }).click();
    await waiting.getByRole('button', { name: 'Open the vote on this amendment' }).click();
    // Members vote knowing what they vote on: the proposed wording is on the vote.
    await openSection(ada, 'Votes');
    await voteCard(ada, 'Amend “Honesty”?')
      .locator('[data-testid="vote-subject"]')
      .getByText('Leaders tell the whole truth.')
      .waitFor();
    await standard(watcher, 'Honesty').locator('[data-testid="amendment"][data-status="tabled"]').waitFor();
  });

  it('takes consent and approval ballots in the page, with every gradient explained', async () => {
    const form = moderator.locator('[data-testid="open-vote"]');
    await form.getByRole('radio', { name: 'A free question' }).check();
    await form.getByLabel('Question', { exact: true }).fill('Meet on Saturdays?');
    await form.getByLabel('Method', { exact: true }).selectOption('consent');
    await form.getByLabel('Share agreeing needed (%)').fill('60');
    await form.getByRole('button', { name: 'Open vote' }).click();
    // The form clears itself when the server has opened the vote; typed sooner, the next question
    // would be cleared with it (CI saw it under load).
    await expect.poll(() => form.getByLabel('Question', { exact: true }).inputValue()).toBe('');
    await form.getByLabel('Question', { exact: true }).fill('Where should we meet?');
    await form.getByLabel('Method', { exact: true }).selectOption('approval');
    await form.getByLabel('Options, one per line').fill('Library\nTown hall\nSchool');
    await form.getByRole('button', { name: 'Open vote' }).click();

    const consent = voteCard(ada, 'Meet on Saturdays?');
    const reservations = consent.getByRole('radio', { name: 'Agree with reservations' });
    expect(await reservations.getAttribute('aria-describedby')).toBeTruthy();
    await consent.getByText('I can support this, but I have concerns I want noted.').waitFor();
    await reservations.check();
    await consent.getByRole('button', { name: 'Cast my ballot' }).click();
    await consent.locator('[data-testid="ballot-status"][data-state="counted"]').waitFor();

    const approval = voteCard(ada, 'Where should we meet?');
    await approval.getByRole('checkbox', { name: 'Library' }).check();
    await approval.getByRole('checkbox', { name: 'School' }).check();
    await approval.getByRole('button', { name: 'Cast my ballot' }).click();
    await approval.locator('[data-testid="ballot-status"][data-state="counted"]').waitFor();
    await approval.getByText('Your ballot: Library, School').waitFor();
    expect(await axeViolations(ada)).toEqual([]);

    await castBySocket(others[0]!, 'Meet on Saturdays?', { method: 'consent', choice: 'block' });
    await castBySocket(others[0]!, 'Where should we meet?', { method: 'approval', approved: [2] });
    for (const question of ['Meet on Saturdays?', 'Where should we meet?'])
      await moderator.getByRole('button', { name: `Close the vote: ${question}` }).click();
    const consentResult = voteCard(watcher, 'Meet on Saturdays?').locator('[data-testid="vote-result"]');
    await consentResult.waitFor();
    expect(await consentResult.getAttribute('data-passed')).toBe('false');
    expect(await consentResult.locator('tr[data-choice="block"]').getAttribute('data-count')).toBe('1');
    const approvalResult = voteCard(watcher, 'Where should we meet?').locator('[data-testid="vote-result"]');
    await approvalResult.waitFor();
    expect(await approvalResult.locator('tr[data-choice="2"]').getAttribute('data-count')).toBe('2');
    await approvalResult.locator('tr[data-choice="2"]').getByText('Winner').waitFor();
  });

  it('runs a ranked vote where the member orders options with buttons, and shows the rounds', async () => {
    const question = 'Which consequence for a late report?';
    const form = moderator.locator('[data-testid="open-vote"]');
    await form.getByRole('radio', { name: 'A free question' }).check();
    await form.getByLabel('Question', { exact: true }).fill(question);
    await form.getByLabel('Method', { exact: true }).selectOption('ranked');
    await form.getByLabel('Options, one per line').fill('Advice\nPublic apology\nFormal warning');
    await form.getByLabel('Quorum (% of members checked in)').fill('0');
    await form.getByRole('button', { name: 'Open vote' }).click();

    const card = voteCard(ada, question);
    await card.waitFor();
    // Keyboard only: rank two options, then move the second above the first.
    await card.getByRole('button', { name: 'Rank: Public apology' }).focus();
    await ada.keyboard.press('Enter');
    await card.getByRole('button', { name: 'Rank: Advice' }).focus();
    await ada.keyboard.press('Enter');
    await card.getByRole('button', { name: 'Move up: Advice' }).focus();
    await ada.keyboard.press('Enter');
    await eventually(
      () => card.locator('[data-testid="ranked-option"]').evaluateAll((els) => els.map((e) => e.textContent)),
      (ranked) => expect(ranked.map((r) => r?.split('Up')[0])).toEqual(['Advice', 'Public apology']),
    );
    // Focus stays on the moved option's control.
    expect(await ada.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/: Advice$/);
    expect(await axeViolations(ada)).toEqual([]);
    await card.getByRole('button', { name: 'Cast my ballot' }).click();
    await card.locator('[data-testid="ballot-status"][data-state="counted"]').waitFor();

    await castBySocket(others[0]!, question, { method: 'ranked', ranking: [1, 2] });
    await castBySocket(others[1]!, question, { method: 'ranked', ranking: [2, 1] });
    await moderator.getByRole('button', { name: `Close the vote: ${question}` }).click();
    const rounds = voteCard(watcher, question).locator('[data-testid="vote-rounds"]');
    await rounds.waitFor();
    expect(await rounds.getByRole('columnheader').allTextContents()).toEqual(['Option', 'Round 1', 'Round 2']);
    await voteCard(watcher, question).locator('[data-testid="vote-explanation"]').waitFor();
  });

  it('lets the observer download the charter, authenticated by the watch key', async () => {
    const [download] = await Promise.all([
      watcher.waitForEvent('download'),
      watcher.getByRole('link', { name: 'Download the charter (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('charter.json');
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as CharterExport;
    expect(exported.standards[0]).toMatchObject({
      title: 'Honesty',
      status: 'adopted',
      ladder: ['Advice', 'Public apology', 'Formal warning'],
      minorityReports: [{ text: 'Truth alone is not enough.', signatures: 2 }],
    });
    expect(exported.standards[0]!.votes[0]).toMatchObject({ question: ADOPTION, passed: true });
  });

  it('fits a 360 px wide screen and stays accessible with results on screen (axe)', async () => {
    for (const page of [moderator, ada, watcher]) {
      await page.setViewportSize({ width: 360, height: 800 });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
      expect(await wordsBrokenInTables(page)).toEqual([]);
    }
    for (const page of [watcher, ada, moderator]) {
      await page.setViewportSize({ width: 1280, height: 800 });
      expect(await axeViolations(page)).toEqual([]);
    }
  });

  it('threw no uncaught errors in any page', () => {
    expect(browser.pageErrors()).toEqual([]);
  });
});
