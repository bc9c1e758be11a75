import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRegister, CaseView, VoteView } from '@moot/protocol';
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
import { useBrowser } from './support/useBrowser.ts';

const browser = await useBrowser();

const ROLE = 'Director of Housing';
const QUESTION = `Case 1 (${ROLE}): what consequence?`;
const REASONING = 'The minutes show the figures were known';
const LADDER = ['Advice', 'Public apology', 'Formal warning'];

describe.skipIf(!browser.ok)('breach cases in the browser: open, hear, deliberate, decide, the register', () => {
  let server: RunningApp;
  let seed: SeededAssembly;
  let moderator: Page;
  let ada: Page;
  let watcher: Page;
  // The moderator's own socket sets the scene fast (session, adoption); two members vote by socket.
  let mod: MemberSocket;
  let others: MemberSocket[];
  let votes: VoteView[] = [];
  let cases: CaseView[] = [];

  const caseCard = (page: Page, number = 1) => page.locator(`[data-testid="case"][data-case-number="${number}"]`);
  const announced = (page: Page, sentence: string) =>
    eventually(
      () => page.locator('[data-testid="cases-announcer"]').textContent(),
      (text) => expect(text).toContain(sentence),
    );
  const focused = (locator: Locator) =>
    eventually(
      () => locator.evaluate((element) => element === document.activeElement),
      (is) => expect(is).toBe(true),
    );
  const reasoningField = (page: Page) => page.getByRole('textbox', { name: 'Reasoning of case 1', exact: true });

  beforeAll(async () => {
    ({ server, seed } = await startMoot());
    browser.closeAfter(server);
    const m = await browser.join(server.url, seed.moderatorInvite, 'Mo Facilitator');
    const a = await browser.join(server.url, seed.memberInvites[0]!, 'Ada Lovelace');
    const w = await browser.open(`${server.url}/watch#${seed.watchKey}`);
    await waitForLive(w.page);
    [moderator, ada, watcher] = [m.page, a.page, w.page];
    const [cookie] = await m.context.cookies();
    mod = (await connectMember(server.url, `${cookie!.name}=${cookie!.value}`)).socket;
    others = [];
    for (const [i, name] of ['Grace Hopper', 'Alan Turing'].entries()) {
      const cookieOf = await redeem(server.url, seed.memberInvites[i + 1]!, name);
      others.push((await connectMember(server.url, cookieOf)).socket);
    }
    others[0]!.on('votes:state', (update) => (votes = update.votes));
    others[0]!.on('cases:state', (update) => (cases = update.cases));

    // A live session everyone checked in to (Ada in her page), and "Honesty" adopted by vote.
    const { sessionId } = acked(await mod.emitWithAck('session:create', { title: 'Hearing cases' }));
    acked(await mod.emitWithAck('session:start', { sessionId }));
    for (const socket of others) acked(await socket.emitWithAck('attendance:checkIn', { sessionId }));
    await ada.getByRole('button', { name: 'Check in' }).click();
    await ada.locator('[data-testid="checked-in"]').waitFor();
    // The register of cases is the member screen's "Cases" section.
    await openSection(ada, 'Cases');
    const standardId = seed.standardId;
    acked(await mod.emitWithAck('standard:setLadder', { standardId, steps: LADDER }));
    acked(await mod.emitWithAck('standard:lock', { standardId }));
    const { voteId } = acked(
      await mod.emitWithAck('vote:open', {
        subject: { kind: 'adopt_standard', standardId },
        rules: { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false },
        quorumShare: 0,
      }),
    );
    for (const socket of others) {
      const choice = { method: 'yes_no' as const, choice: 'yes' as const };
      acked(await socket.emitWithAck('vote:cast', { voteId, ballotId: randomUUID(), choice }));
    }
    acked(await mod.emitWithAck('vote:close', { voteId }));
  });

  afterAll(async () => {
    for (const socket of [mod, ...(others ?? [])]) socket?.disconnect();
  });

  it('opens a case from the console citing the adopted standard, with evidence; a bad link is explained first', async () => {
    await moderator.getByRole('link', { name: 'Open the moderator console' }).click();
    await waitForLive(moderator);
    const form = moderator.locator('[data-testid="open-case"]');
    await form.getByRole('checkbox', { name: 'Honesty' }).waitFor();
    await form.getByRole('button', { name: 'Open the case' }).click();
    await form.getByRole('alert').getByText('Name the role concerned.').waitFor();

    await form.getByLabel('Role concerned').fill(ROLE);
    await form.getByLabel('Name of the role-holder (optional)').fill('Pat Example');
    await form.getByRole('checkbox', { name: 'Honesty' }).check();
    await form.getByLabel('Summary of the case').fill('Told the council the budget was balanced.');
    // Keyboard users land in the new row, and back on "Add evidence" when a row goes.
    await form.getByRole('button', { name: 'Add evidence' }).click();
    await form.getByRole('button', { name: 'Add evidence' }).click();
    await focused(form.getByLabel('Evidence 2: what it shows'));
    await form.getByRole('button', { name: 'Remove evidence 2' }).click();
    await focused(form.getByRole('button', { name: 'Add evidence' }));
    await form.getByLabel('Evidence 1: what it shows').fill('Council minutes, 12 May');
    await form.getByLabel('Evidence 1: link (optional)').fill('javascript:alert(1)');
    await form.getByRole('button', { name: 'Open the case' }).click();
    await form.getByRole('alert').getByText('The link of evidence 1 must be a full http(s) address.').waitFor();
    await form.getByLabel('Evidence 1: link (optional)').fill('https://example.org/minutes?meeting=12');
    await form.getByRole('button', { name: 'Open the case' }).click();

    for (const page of [moderator, ada, watcher]) await caseCard(page).waitFor();
    await announced(ada, `Case 1 opened: ${ROLE}.`);
    const seen = caseCard(watcher);
    expect(await seen.getAttribute('data-status')).toBe('open');
    await seen.getByText(`Pat Example, ${ROLE}`).waitFor();
    await seen.getByText('Honesty', { exact: true }).waitFor();
    const link = seen.getByRole('link', { name: 'https://example.org/minutes?meeting=12' });
    expect(await link.getAttribute('href')).toBe('https://example.org/minutes?meeting=12');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    // The form is cleared for the next case.
    expect(await form.getByLabel('Role concerned').inputValue()).toBe('');
  });

  it('puts the case on the agenda from the console; everyone sees what the item is about', async () => {
    await moderator.getByLabel('Item title').fill('Hearing');
    await moderator.getByLabel('Breach case it is about').selectOption({ label: `About case 1: ${ROLE}` });
    await moderator.getByRole('button', { name: 'Add item' }).click();
    await moderator.locator('[data-testid="agenda-item"]', { hasText: `About case 1: ${ROLE}` }).waitFor();
    await moderator.getByRole('button', { name: 'Next item' }).click();
    // The member sees it on their "now" screen, then goes back to the register.
    await openSection(ada, 'Now');
    for (const page of [watcher, ada]) {
      await page.locator('[data-testid="current-item-case"]', { hasText: `About case 1: ${ROLE}` }).waitFor();
    }
    await openSection(ada, 'Cases');
  });

  it('hears the case: to hearing, the reply recorded and replaced, evidence added, then deliberation', async () => {
    const steer = caseCard(moderator);
    await steer.getByRole('button', { name: 'Move case 1 to hearing' }).click();
    await announced(ada, 'Case 1 moved to hearing.');
    await steer.getByRole('button', { name: 'Record the reply' }).click();
    await steer.getByRole('alert').getByText('Write the reply first.').waitFor();
    await steer.getByLabel('The leader’s reply to case 1').fill('The figures were provisional.');
    await steer.getByRole('button', { name: 'Record the reply' }).click();
    await caseCard(watcher)
      .locator('[data-testid="case-reply"]', { hasText: 'The figures were provisional.' })
      .waitFor();
    await steer.getByLabel('The leader’s reply to case 1').fill('The figures were provisional, and I said so.');
    await steer.getByRole('button', { name: 'Replace the reply' }).click();
    await caseCard(ada).locator('[data-testid="case-reply"]', { hasText: 'and I said so.' }).waitFor();

    // Evidence found after opening, added during the hearing: everyone sees it at once.
    await steer.getByLabel('Evidence 2: what it shows').fill('Recording of the council meeting');
    await steer.getByLabel('Evidence 2: link (optional)').fill('example.org/recording');
    await steer.getByRole('button', { name: 'Add evidence' }).click();
    await steer.getByRole('alert').getByText('The link of evidence 2 must be a full http(s) address.').waitFor();
    await steer.getByLabel('Evidence 2: link (optional)').fill('https://example.org/recording');
    await steer.getByRole('button', { name: 'Add evidence' }).click();
    await caseCard(watcher).getByRole('link', { name: 'https://example.org/recording' }).waitFor();
    await caseCard(watcher).getByText('Recording of the council meeting').waitFor();
    expect(await steer.getByLabel('Evidence 3: what it shows').inputValue()).toBe('');

    await steer.getByRole('button', { name: 'Open deliberation on case 1' }).click();
    await announced(ada, 'Case 1 moved to deliberation.');
    // The button pressed is gone with the status; focus stays in the case's controls.
    await focused(steer.getByLabel('Quorum (% of members checked in)'));
    await announced(watcher, 'Case 1 moved to deliberation.');
  });

  it('lets a member write the reasoning in the page; the observer reads it live, read-only', async () => {
    await reasoningField(ada).click();
    await ada.keyboard.type(REASONING);
    await ada.locator('[data-testid="save-status"][data-save="saved"]').waitFor();
    await eventually(
      () => reasoningField(watcher).innerText(),
      (text) => expect(text.trim()).toBe(REASONING),
    );
    expect(await reasoningField(watcher).getAttribute('contenteditable')).toBe('false');
    expect(await reasoningField(ada).getAttribute('contenteditable')).toBe('true');
  });

  it('makes the reasoning read-only while the member is muted, without saying the case is not deliberated; editable again after', async () => {
    const rows = await server.db.query<{ id: string }>(`SELECT id FROM participants WHERE display_name = $1`, [
      'Ada Lovelace',
    ]);
    const participantId = rows[0]!.id;
    const editable = (value: 'true' | 'false') =>
      eventually(
        () => reasoningField(ada).getAttribute('contenteditable'),
        (attribute) => expect(attribute).toBe(value),
      );
    const hint = caseCard(ada).locator('[data-testid="case-reasoning-hint"]');
    acked(await mod.emitWithAck('moderation:mute', { participantId, minutes: 5, reason: { code: 'off_topic' } }));
    await editable('false');
    expect(await hint.textContent()).not.toMatch(/only while the case is deliberated/);
    // Nothing typed reaches the text, nor brings a refusal.
    await reasoningField(ada).click();
    await ada.keyboard.type(' typed while muted');
    expect((await reasoningField(ada).innerText()).trim()).toBe(REASONING);
    expect(await caseCard(ada).getByRole('alert').count()).toBe(0);

    acked(await mod.emitWithAck('moderation:unmute', { participantId }));
    await editable('true');
    expect((await reasoningField(watcher).innerText()).trim()).toBe(REASONING);
  });

  describe('accessibility while a case is deliberated (axe-core, WCAG 2.2 A/AA)', () => {
    it('console with the case form and the steering', async () => {
      expect(await axeViolations(moderator)).toEqual([]);
    });
    it('member page with the reasoning editor', async () => {
      expect(await axeViolations(ada)).toEqual([]);
    });
    it('watch page with the register', async () => {
      expect(await axeViolations(watcher)).toEqual([]);
    });
  });

  it('opens the consequence vote; a member ranks the options by keyboard in the page', async () => {
    await caseCard(moderator).getByRole('button', { name: 'Open the consequence vote on case 1' }).click();
    await announced(ada, 'Case 1: the consequence vote is open.');
    const card = caseCard(ada).locator('[data-testid="vote"]');
    await card.getByRole('heading', { name: QUESTION }).waitFor();
    // The general list of votes does not repeat it.
    expect(await ada.locator('[data-testid="votes"] [data-subject="consequence"]').count()).toBe(0);
    await card.getByRole('button', { name: 'Rank: Formal warning' }).focus();
    await ada.keyboard.press('Enter');
    await card.getByRole('button', { name: 'Rank: Public apology' }).focus();
    await ada.keyboard.press('Enter');
    expect(await axeViolations(ada)).toEqual([]);
    await card.getByRole('button', { name: 'Cast my ballot' }).click();
    await card.locator('[data-testid="ballot-status"][data-state="counted"]').waitFor();

    const { id: voteId } = votes.find((v) => v.question === QUESTION && v.status === 'open')!;
    const options = cases[0]!.options;
    expect(options).toEqual(['No breach found', ...LADDER]);
    const rank = (...names: string[]) => ({ method: 'ranked' as const, ranking: names.map((n) => options.indexOf(n)) });
    const choices = [rank('Formal warning', 'Advice'), rank('No breach found')];
    for (const [i, socket] of others.entries()) {
      acked(await socket.emitWithAck('vote:cast', { voteId, ballotId: randomUUID(), choice: choices[i]! }));
    }
    for (const page of [moderator, watcher]) {
      await caseCard(page).locator('[data-testid="turnout"][data-turnout="3"]').waitFor();
    }
    expect(await caseCard(watcher).locator('[data-testid="vote-result"]').count()).toBe(0);
  });

  it('closes the vote: the observer sees the decision, the rounds and the reasoning', async () => {
    await caseCard(moderator)
      .getByRole('button', { name: `Close the vote: ${QUESTION}` })
      .click();
    const seen = caseCard(watcher);
    await seen.locator('[data-testid="case-decision"]').waitFor();
    expect(await seen.getAttribute('data-status')).toBe('decided');
    expect(
      (await seen.locator('[data-testid="case-timeline"] li').allTextContents()).map((step) => step.split(' ')[0]),
    ).toEqual(['Opened', 'Heard', 'Deliberated', 'Decided']);
    expect(await seen.locator('[data-testid="case-outcome"]').innerText()).toBe('Formal warning');
    await seen.getByText('A breach was found.').waitFor();
    await seen.locator('[data-testid="vote-rounds"]').waitFor();
    await seen.locator('[data-testid="vote-explanation"]').waitFor();
    expect((await reasoningField(watcher).innerText()).trim()).toBe(REASONING);
    await announced(ada, 'Case 1 decided: Formal warning.');
    // Decided: the reasoning no longer changes, for the member too; the moderator has nothing left to steer.
    await eventually(
      () => reasoningField(ada).getAttribute('contenteditable'),
      (value) => expect(value).toBe('false'),
    );
    expect(await caseCard(moderator).locator('.case-steering').count()).toBe(0);
  });

  it('lets the observer download the register, authenticated by the watch key', async () => {
    const [download] = await Promise.all([
      watcher.waitForEvent('download'),
      watcher.getByRole('link', { name: 'Download the register of cases (JSON)' }).click(),
    ]);
    const register = JSON.parse(await readFile((await download.path())!, 'utf8')) as CaseRegister;
    expect(register.cases[0]).toMatchObject({
      number: 1,
      respondent: { role: ROLE, name: 'Pat Example' },
      status: 'decided',
      reply: { text: 'The figures were provisional, and I said so.' },
      evidence: [
        { description: 'Council minutes, 12 May', link: 'https://example.org/minutes?meeting=12' },
        { description: 'Recording of the council meeting', link: 'https://example.org/recording' },
      ],
      decision: { outcome: 'Formal warning', breachFound: true, ballots: 3 },
    });
    expect(register.cases[0]!.reasoning).toContain(REASONING);
  });

  it('dismisses a second case with a reason given in the console; everyone is told why', async () => {
    const REASON = 'The report was filed on time after all';
    acked(
      await mod.emitWithAck('case:open', {
        respondent: { role: 'Chief Planner' },
        standardIds: [seed.standardId],
        summary: 'Filed the annual report late',
      }),
    );
    const steer = caseCard(moderator, 2);
    await steer.getByText('Dismiss case 2…').click();
    await steer.getByRole('button', { name: 'Dismiss case 2', exact: true }).click();
    await steer.getByRole('alert').getByText('Give a reason first.').waitFor();
    await steer.getByLabel('Reason for dismissing').fill(REASON);
    await steer.getByRole('button', { name: 'Dismiss case 2', exact: true }).click();
    await announced(ada, `Case 2 dismissed: ${REASON}`);
    await caseCard(watcher, 2).locator('[data-testid="case-dismissal"]', { hasText: REASON }).waitFor();
    expect(await caseCard(watcher, 2).getAttribute('data-status')).toBe('dismissed');
  });

  it('fits a 360 px wide screen and stays accessible with the decision on screen (axe)', async () => {
    for (const page of [moderator, ada, watcher]) {
      await page.setViewportSize({ width: 360, height: 800 });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
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
