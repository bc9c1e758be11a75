import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_ROUTES, WATCH_KEY_HEADER, type AuditExport } from '@moot/protocol';
import {
  acked,
  connectMember,
  redeem,
  type MemberSocket,
  type RunningApp,
  type SeededAssembly,
} from '../apps/server/test/support/harness.ts';
import { axeViolations } from './support/a11y.ts';
import { openSection, startMoot } from './support/moot.ts';
import { useBrowser } from './support/useBrowser.ts';

const browser = await useBrowser();

const ADA = 'Ada Lovelace';
const PSEUDONYM = /^Member \d+$/;
const ANNOUNCEMENT = 'Tea is served <b>now</b>';
const DISSENT = 'We wanted a stronger standard.';

describe.skipIf(!browser.ok)('the public record in the browser: print-ready charter, minutes, audit log', () => {
  let server: RunningApp;
  let seed: SeededAssembly;
  let sessionId: string;
  const sockets: MemberSocket[] = [];
  let watcher: Page;

  beforeAll(async () => {
    ({ server, seed } = await startMoot());
    browser.closeAfter(server);
    // A session run over the wire, as the console would: a turn, an announcement, an adoption vote.
    const connect = async (invite: string, name: string) => {
      const socket = (await connectMember(server.url, await redeem(server.url, invite, name))).socket;
      sockets.push(socket);
      return socket;
    };
    const mod = await connect(seed.moderatorInvite, 'Mo Facilitator');
    const members = [
      await connect(seed.memberInvites[0]!, ADA),
      await connect(seed.memberInvites[1]!, 'Ben'),
      await connect(seed.memberInvites[2]!, 'Cy'),
    ];
    ({ sessionId } = acked(await mod.emitWithAck('session:create', { title: 'First evening' })));
    const { itemId } = acked(
      await mod.emitWithAck('agenda:add', { sessionId, title: 'Honesty', kind: 'decide', plannedMinutes: 20 }),
    );
    acked(await mod.emitWithAck('agenda:start', { itemId }));
    for (const m of members) acked(await m.emitWithAck('attendance:checkIn', { sessionId }));
    acked(await members[0]!.emitWithAck('queue:raise', { sessionId, kind: 'new_point' }));
    acked(await mod.emitWithAck('queue:next', { sessionId }));
    acked(await mod.emitWithAck('queue:endTurn', { sessionId }));
    acked(await mod.emitWithAck('announcement:post', { text: ANNOUNCEMENT }));
    acked(await mod.emitWithAck('standard:setLadder', { standardId: seed.standardId, steps: ['Advice', 'Apology'] }));
    acked(await mod.emitWithAck('standard:lock', { standardId: seed.standardId }));
    const { voteId } = acked(
      await mod.emitWithAck('vote:open', {
        subject: { kind: 'adopt_standard', standardId: seed.standardId },
        rules: { method: 'yes_no', threshold: { kind: 'two_thirds' }, abstentionsCount: false },
        quorumShare: 0.5,
      }),
    );
    for (const [i, m] of members.entries())
      acked(
        await m.emitWithAck('vote:cast', {
          voteId,
          ballotId: randomUUID(),
          choice: { method: 'yes_no', choice: i === 2 ? 'no' : 'yes' },
          reason: '',
        }),
      );
    acked(await mod.emitWithAck('vote:close', { voteId }));
    acked(await members[2]!.emitWithAck('dissent:write', { standardId: seed.standardId, text: DISSENT }));
    acked(await mod.emitWithAck('agenda:end', { itemId }));

    const opened = await browser.open(`${server.url}/watch#${seed.watchKey}`);
    watcher = opened.page;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
  });

  it('opens the print-ready charter from the watch page, with the watch key kept in the fragment', async () => {
    await watcher.getByRole('navigation', { name: 'The public record' }).waitFor();
    await watcher.getByRole('link', { name: 'Charter, ready to print' }).click();
    await watcher.waitForURL(`${server.url}/charter/print#${seed.watchKey}`);
    const article = watcher.getByRole('article', { name: '1. Honesty' });
    await article.waitFor();
    await watcher.getByRole('heading', { level: 1, name: 'Test assembly' }).waitFor();
    await article.getByText('Status: Adopted').waitFor();
    expect(await article.getByRole('listitem').allInnerTexts()).toEqual(
      expect.arrayContaining(['Advice', 'Apology', expect.stringMatching(/^Adopt .*: Passed/)]),
    );
    await article.getByRole('heading', { name: 'History' }).waitFor();
    await article.getByText(DISSENT).waitFor();
    await article.getByText('Signed by 1 member.').waitFor();
    await watcher.getByRole('button', { name: 'Print' }).waitFor();
    await watcher.getByRole('button', { name: 'Download the register of cases' }).waitFor();
    expect(await axeViolations(watcher)).toEqual([]);
  });

  it('lays the charter out for paper: no navigation or tools, each standard on a new page', async () => {
    await watcher.emulateMedia({ media: 'print' });
    try {
      for (const hidden of ['header.banner', '.record-tools', '.skip-link'])
        expect(await watcher.locator(hidden).first().isVisible(), hidden).toBe(false);
      const breakBefore = await watcher
        .locator('.print-standard')
        .first()
        .evaluate((el) => getComputedStyle(el).breakBefore);
      expect(breakBefore).toBe('page');
      expect(await watcher.getByRole('article', { name: '1. Honesty' }).isVisible()).toBe(true);
    } finally {
      await watcher.emulateMedia({ media: 'screen' });
    }
  });

  it('shows an observer the minutes under pseudonyms: agenda, speakers, votes, announcements', async () => {
    await watcher.getByRole('link', { name: 'Session minutes' }).click();
    await watcher.getByRole('link', { name: 'First evening' }).click();
    await watcher.waitForURL(`${server.url}/record/minutes?session=${sessionId}#${seed.watchKey}`);
    const minutes = watcher.getByRole('article', { name: 'First evening' });
    await minutes.waitFor();
    await minutes.getByText('Attendance: 3 checked in, 0 removed.').waitFor();
    const agendaRow = minutes.getByRole('row', { name: /Honesty/ });
    expect(await agendaRow.innerText()).toMatch(/20 min.*Under time/s);
    const speaker = await minutes
      .getByRole('row')
      .filter({ hasText: /Member \d+/ })
      .first()
      .innerText();
    expect(speaker.split('\t')[0]).toMatch(PSEUDONYM);
    await minutes
      .getByText(/Passed/)
      .first()
      .waitFor();
    await minutes.getByText(ANNOUNCEMENT).waitFor();
    expect(await watcher.content()).not.toContain(ADA);
    expect(await axeViolations(watcher)).toEqual([]);
  });

  it('shows an observer the audit log: who, what, when, pseudonyms and no ballot', async () => {
    await watcher.getByRole('link', { name: 'Audit log' }).click();
    await watcher.waitForURL(`${server.url}/record/audit#${seed.watchKey}`);
    // The audit log's own table (the minutes' tables stay on screen until the new page renders).
    const table = watcher.getByRole('region', { name: 'Audit log' }).getByRole('table');
    await table.waitFor();
    for (const action of ['vote.opened', 'vote.participants', 'vote.closed', 'announcement.posted', 'queue.called'])
      expect(await table.locator(`tr[data-action="${action}"]`).count(), action).toBeGreaterThan(0);
    const opened = await table.locator('tr[data-action="vote.opened"]').innerText();
    // The moderator is a public figure, named; members stay pseudonyms.
    expect(opened).toMatch(/Mo Facilitator\tOpened a vote\tAdopt/);
    // Who voted: one entry at close, names sorted — no entry per ballot in casting order.
    expect(await table.locator('tr[data-action="vote.cast"]').count()).toBe(0);
    const tookPart = await table.locator('tr[data-action="vote.participants"]').innerText();
    expect(tookPart).toMatch(/Who took part in a vote\tAdopt[^\t]*\tparticipants: [^;\t]+; [^;\t]+; [^;\t]+$/);
    const page = await watcher.content();
    expect(page).not.toContain(ADA);
    expect(page).not.toMatch(/"(yes|no)"|receipt/i);
    await watcher.getByRole('link', { name: 'Back to the live view' }).waitFor();
    expect(await axeViolations(watcher)).toEqual([]);

    // The Markdown comes as a file, fetched with the watch key in a header.
    const [file] = await Promise.all([
      watcher.waitForEvent('download'),
      watcher.getByRole('button', { name: 'Download as Markdown' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe('audit.md');
    const markdown = await readFile((await file.path())!, 'utf8');
    // Actions in words, not codes: who took part, once; never an entry per ballot.
    expect(markdown).toContain('Who took part in a vote');
    expect(markdown).not.toMatch(/vote\.cast|Voted/);
    expect(markdown).toContain('Tea is served \\<b\\>now\\</b\\>');
    expect(markdown).not.toContain(ADA);
  });

  it('shows the head of the audit chain, and checks the whole log in the browser', async () => {
    const response = await fetch(server.url + HTTP_ROUTES.auditJson, {
      headers: { [WATCH_KEY_HEADER]: seed.watchKey },
    });
    const { head } = (await response.json()) as AuditExport;
    const check = watcher.getByRole('region', { name: 'Check the record' });
    expect(await check.locator('code').innerText()).toBe(head.hash);
    expect(await check.innerText()).toContain(`The log has ${head.seq} entries.`);
    await check.getByRole('button', { name: 'Check the whole log in this browser' }).click();
    await check
      .getByText(`Checked: all ${head.seq} entries are intact, in order, and end at the fingerprint above.`)
      .waitFor();
    expect(await axeViolations(watcher)).toEqual([]);
  });

  it('gives a member the same record with names, from the assembly page', async () => {
    const { page } = await browser.join(server.url, seed.memberInvites[0]!, ADA);
    await openSection(page, 'Record');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL(`${server.url}/record/audit`);
    const table = page.getByRole('region', { name: 'Audit log' }).getByRole('table');
    const opened = await table.locator('tr[data-action="queue.raised"]').first().innerText();
    expect(opened).toContain(`${ADA}\tRaised a hand`);
    await page.getByRole('link', { name: 'Back to the assembly' }).waitFor();
  });

  it('refuses the record to a visitor with neither a session nor a watch key', async () => {
    const { page } = await browser.open(`${server.url}/record/audit`);
    await page.locator('[role="alert"][data-error-code="unauthorized"]').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
  });

  it('threw no uncaught errors', () => {
    expect(browser.pageErrors()).toEqual([]);
  });
});
