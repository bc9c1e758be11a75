import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const ADA = 'Ada Lovelace';
const BEN = 'Ben Davies';
const TALK = 'What councils can and cannot do';
const PAPER = 'The case for independent investigators';
const ADA_ASKS = 'Who investigates a council leader?';
const BEN_ASKS = 'How long does an investigation take?';
const ANSWER = 'The monitoring officer first, then the standards committee.';

/** One library entry, by its title. */
const entry = (page: Page, title: string) =>
  page.locator('[data-testid="evidence-entry"]', { has: page.getByRole('heading', { name: title, level: 3 }) });
const question = (page: Page, text: string) => page.locator('[data-testid="expert-question"]', { hasText: text });

describe.skipIf(!browser.ok)('evidence and experts: the library, an expert session, questions, citations', () => {
  let server: RunningApp;
  let seed: SeededAssembly;
  let moderator: Page;
  let ada: Page;
  let watcher: Page;
  let ben: MemberSocket;

  beforeAll(async () => {
    ({ server, seed } = await startMoot());
    browser.closeAfter(server);
    const m = await browser.join(server.url, seed.moderatorInvite, 'Mo Moderator');
    const a = await browser.join(server.url, seed.memberInvites[0]!, ADA);
    const w = await browser.open(`${server.url}/watch#${seed.watchKey}`);
    await waitForLive(w.page);
    [moderator, ada, watcher] = [m.page, a.page, w.page];
    ben = (await connectMember(server.url, await redeem(server.url, seed.memberInvites[1]!, BEN))).socket;
    // The agenda the expert session is held at (the console plans it; not what this test is about).
    const [cookie] = await m.context.cookies();
    const mod = (await connectMember(server.url, `${cookie!.name}=${cookie!.value}`)).socket;
    const { sessionId } = acked(await mod.emitWithAck('session:create', { title: 'Weekend one' }));
    acked(
      await mod.emitWithAck('agenda:add', {
        sessionId,
        title: 'Hearing the expert',
        kind: 'learn',
        plannedMinutes: 45,
      }),
    );
    mod.disconnect();
    await openSection(moderator, 'Evidence');
    await openSection(ada, 'Evidence');
  });

  afterAll(async () => {
    ben?.disconnect();
  });

  it('lets the moderator add a talk and a briefing paper, refusing a link that is not a web address', async () => {
    await moderator.getByText('No evidence in the library yet.').waitFor();
    const form = moderator.locator('form', { has: moderator.getByRole('group', { name: 'Add evidence' }) });
    await form.getByLabel('Kind').selectOption('talk');
    await form.getByLabel('Title').fill(TALK);
    await form.getByLabel('Speaker or authors').fill('Dr Rhian Evans');
    await form.getByLabel('Affiliation').fill('Cardiff University');
    await form.getByLabel('Declared interests').fill('Advises the Local Government Association, unpaid');
    await form.getByLabel('Summary', { exact: true }).fill('Councils set and police standards for their own members.');
    await form.getByLabel('Easy-read summary').fill('Councils make rules for councillors. They check the rules too.');
    await form.getByLabel('Links, one per line').fill('https://example.org/councils.pdf');
    await form.getByLabel('Balance').selectOption('context');
    await form.getByRole('button', { name: 'Add to the library' }).click();
    await entry(moderator, TALK).waitFor();
    await eventually(
      () => form.getByLabel('Title').inputValue(),
      (value) => expect(value).toBe(''),
    );

    await form.getByLabel('Title').fill(PAPER);
    await form.getByLabel('Summary', { exact: true }).fill('Investigations by peers are seldom trusted by the public.');
    await form.getByLabel('Links, one per line').fill('javascript:alert(1)');
    await form.getByLabel('Balance').selectOption('for');
    await form.getByRole('button', { name: 'Add to the library' }).click();
    await form
      .getByRole('alert')
      .getByText(/javascript:alert\(1\)/)
      .waitFor();
    expect(await entry(moderator, PAPER).count()).toBe(0);
    await form.getByLabel('Links, one per line').fill('https://example.org/investigators');
    await form.getByRole('button', { name: 'Add to the library' }).click();
    await entry(moderator, PAPER).waitFor();

    // Members read it at their own pace, in easy read on request; members have no curating tools.
    await entry(ada, TALK).getByText('Declared interests').waitFor();
    await entry(ada, TALK).getByText('Balance: Context').waitFor();
    await entry(ada, PAPER).getByText('Balance: For').waitFor();
    await ada.getByLabel('Show easy-read summaries').check();
    await entry(ada, TALK).getByText('Councils make rules for councillors. They check the rules too.').waitFor();
    expect(await ada.getByRole('button', { name: 'Add to the library' }).count()).toBe(0);
    expect(
      await entry(ada, TALK).getByRole('link', { name: 'https://example.org/councils.pdf' }).getAttribute('rel'),
    ).toBe('noopener noreferrer');
  });

  it('holds an expert session: members ask and support, the moderator puts one and records the answer', async () => {
    const schedule = moderator.locator('form', {
      has: moderator.getByRole('group', { name: 'Hold an expert session' }),
    });
    await schedule.getByLabel('Agenda item').selectOption({ label: 'Hearing the expert (Weekend one)' });
    await schedule.getByLabel('Speaker (an expert talk)').selectOption({ label: `Dr Rhian Evans: ${TALK}` });
    await schedule.getByRole('button', { name: 'Make it an expert session' }).click();
    await ada.locator('[data-testid="expert-session"]').getByText('With Dr Rhian Evans').waitFor();

    await ada.getByLabel('Your question').fill(ADA_ASKS);
    await ada.getByText('You can send 3 more questions to this session.').waitFor();
    await ada.getByRole('button', { name: 'Send question' }).click();
    await question(ada, ADA_ASKS).waitFor();
    await ada.getByText('You can send 2 more questions to this session.').waitFor();
    // Ben (on his own device) asks too, and supports Ada's question; Ada supports his.
    const { questionId: bens } = acked(
      await ben.emitWithAck('question:ask', {
        itemId: await sessionItem(ben),
        text: BEN_ASKS,
      }),
    );
    expect(bens).toBeTruthy();
    const adas = await questionId(ben, ADA_ASKS);
    acked(await ben.emitWithAck('question:support', { questionId: adas }));
    await question(ada, ADA_ASKS).getByText('1 supporter').waitFor();
    // No support button on one's own question.
    expect(
      await question(ada, ADA_ASKS)
        .getByRole('button', { name: /^Support/ })
        .count(),
    ).toBe(0);
    const support = question(ada, BEN_ASKS).getByRole('button', { name: `Support the question: ${BEN_ASKS}` });
    await support.click();
    await eventually(
      () => support.getAttribute('aria-pressed'),
      (pressed) => expect(pressed).toBe('true'),
    );
    await question(ada, BEN_ASKS).getByText('1 supporter').waitFor();
    // Counts, never who.
    expect(await question(ada, BEN_ASKS).innerText()).not.toContain(ADA);

    // Nothing asked yet: the public sees the library, no question.
    await watcher.locator('[data-testid="watch-evidence"]').getByRole('heading', { name: TALK }).waitFor();
    expect(await watcher.locator('[data-testid="expert-question"]').count()).toBe(0);

    await question(moderator, ADA_ASKS).getByRole('button', { name: 'Put to the speaker' }).click();
    await question(moderator, ADA_ASKS).getByLabel('Summary of the answer').fill(ANSWER);
    await question(moderator, ADA_ASKS).getByRole('button', { name: 'Record the answer' }).click();
    await question(ada, ADA_ASKS).getByTestId('question-answer').getByText(ANSWER).waitFor();

    // The watch page: the question asked and its answer, under the public's name for Ada; not Ben's unasked one.
    const asked = question(watcher, ADA_ASKS);
    await asked.getByTestId('question-answer').getByText(ANSWER).waitFor();
    expect(await asked.innerText()).toMatch(/Asked by Member \d+/);
    const page = await watcher.content();
    expect(page).not.toContain(ADA);
    expect(page).not.toContain(BEN_ASKS);
  });

  it('lets a standard cite a library entry, shown with a link to it', async () => {
    const tools = entry(moderator, PAPER);
    await tools.getByLabel('Cite in a standard').selectOption({ label: 'Standard 1: Honesty' });
    await tools.getByRole('button', { name: 'Cite', exact: true }).click();
    await entry(ada, PAPER).getByTestId('evidence-cited-by').getByText('Standard 1: Honesty').waitFor();
    await tools.getByRole('button', { name: 'Stop citing' }).waitFor();

    const cited = watcher.locator('[data-testid="standard"] [data-testid="evidence-cites"]');
    const link = cited.getByRole('link', { name: `Evidence 2: ${PAPER}` });
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(/^#evidence-[0-9a-f-]{36}$/);
    await openSection(ada, 'Charter');
    const adaLink = ada.locator('[data-testid="evidence-cites"]').getByRole('link', { name: `Evidence 2: ${PAPER}` });
    await adaLink.click();
    await ada.waitForURL(/\/assembly\/evidence#evidence-/);
    await entry(ada, PAPER).waitFor();
  });

  it('fits a phone and a laptop, and stays accessible (axe)', async () => {
    await openSection(ada, 'Evidence');
    await question(ada, ADA_ASKS).waitFor();
    for (const [width, height] of [
      [360, 740],
      [1280, 800],
    ] as const) {
      await screenshotAt(ada, 'evidence-member', width, height);
      await screenshotAt(moderator, 'evidence-moderator', width, height);
      // The watch page is long: its library section alone.
      await watcher.setViewportSize({ width, height });
      await watcher
        .locator('[data-testid="watch-evidence"]')
        .screenshot({ path: path.join(SCREENSHOTS, `evidence-watch-${width}x${height}.png`) });
      for (const page of [ada, moderator, watcher]) expect(await sidewaysOverflow(page)).toBe(0);
    }
    for (const page of [moderator, ada, watcher]) expect(await axeViolations(page)).toEqual([]);
  });

  it('threw no uncaught errors in any page', () => {
    expect(browser.pageErrors()).toEqual([]);
  });
});

/** The expert session's agenda item, as a member's socket reads it from the library. */
async function sessionItem(socket: MemberSocket): Promise<string> {
  const { state } = acked(await socket.emitWithAck('evidence:open', {}));
  return state.sessions[0]!.itemId;
}
async function questionId(socket: MemberSocket, text: string): Promise<string> {
  const { state } = acked(await socket.emitWithAck('evidence:open', {}));
  return state.questions.find((q) => q.text === text)!.id;
}
