import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VoteView } from '@moot/protocol';
import { firstOrganiserLink } from '../apps/server/src/features/organise/operatorLink.ts';
import {
  acked,
  connectMember,
  redeem,
  startApp,
  type MemberSocket,
  type RunningApp,
} from '../apps/server/test/support/harness.ts';
import { axeViolations } from './support/a11y.ts';
import { WEB_ROOT } from './support/buildWeb.ts';
import { castInVotes, eventually, joinOnPage, waitForLive } from './support/moot.ts';
import { screenshotAt, sidewaysOverflow } from './support/screenshots.ts';
import { useBrowser } from './support/useBrowser.ts';

const browser = await useBrowser();

const TITLE = 'Assembly on Local Transport';
const QUESTION = 'Hold the next sitting in the library?';
const REGIONS = ['North', 'South', 'East', 'West'];
const AGES = ['16-29', '30-44', '45-64', '65+'];
/** A selection tool's export of 100 people; `broken` spoils two rows (no name; a repeat of line 3). */
function lotteryCsv(broken: boolean): string {
  const rows = ['id,Name,Email,Phone,Postal address,Region,Age band,Gender'];
  for (let i = 1; i <= 100; i++) {
    const name = broken && i === 40 ? '' : `Person ${i}`;
    rows.push(
      `P${i},${name},p${i}@example.org,0770090${String(i).padStart(4, '0')},${i} High Street,` +
        `${REGIONS[i % 4]},${AGES[i % 3]},${i % 2 ? 'Female' : 'Male'}`,
    );
  }
  // The tool exported line 3 (P2) twice.
  if (broken) rows[71] = rows[2]!;
  return rows.join('\n') + '\n';
}

const SHOTS = path.join(import.meta.dirname, 'screenshots');
const secretOf = (href: string) => href.slice(href.indexOf('#') + 1);
const cookiesOf = async (context: BrowserContext) =>
  (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');

/**
 * The whole story of issue 14, as the people involved do it in their browsers: an organiser opens
 * the organiser link, creates an assembly, appoints a lead moderator and two facilitators, imports
 * the civic lottery's 100 members (two bad rows explained, fixed and re-imported without
 * duplicates), prints the invite cards (a PDF from print CSS) whose QR code decodes to a working
 * link; the moderator plans two sittings and starts one; in that hybrid sitting the facilitators
 * check people in at the door, a member joins by the scanned link and votes online, two vote on
 * paper (two facilitators agree on the count), and the one result says how many of each; the
 * organiser's representativeness view shows who is missing.
 */
describe.skipIf(!browser.ok)('the whole story: from the organiser link to a hybrid sitting’s result', () => {
  let server: RunningApp;
  let organiser: Page;
  let membersUrl = '';
  const invites: Record<'moderator' | 'fay' | 'gus', string> = { moderator: '', fay: '', gus: '' };
  let cardLinks: string[] = [];
  let typedCode = '';
  let watchKey = '';
  let moderator: Page;
  let pat: Page;
  let fay: Page;
  let gus: Page;
  let mod: MemberSocket;
  let votes: VoteView[] = [];

  beforeAll(async () => {
    server = await startApp({ webRoot: path.join(WEB_ROOT, 'dist') });
    browser.closeAfter(server);
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    mod?.disconnect();
  });

  it('an organiser opens their link, creates the assembly and appoints a moderator and two facilitators', async () => {
    organiser = (await browser.open((await firstOrganiserLink(server.db, server.url))!)).page;
    await organiser.waitForURL(`${server.url}/organise`);
    await organiser.getByLabel('Title').fill(TITLE);
    await organiser.getByLabel('Charge: the question the assembly answers').fill('How should our town get around?');
    await organiser.getByLabel('Starts on').fill('2030-06-01');
    await organiser.getByLabel('Ends on').fill('2030-07-20');
    await organiser.getByRole('button', { name: 'Create the assembly' }).click();
    watchKey = secretOf(await organiser.locator('[data-testid="fresh-link"]').getByLabel('Link to send').inputValue());
    await organiser.getByRole('link', { name: `Manage “${TITLE}”` }).click();
    await organiser.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const people = organiser.locator('[data-testid="people"]');
    for (const [who, role] of [
      ['moderator', 'moderator'],
      ['fay', 'facilitator'],
      ['gus', 'facilitator'],
    ] as const) {
      await people.getByLabel('Role').selectOption(role);
      await people.getByRole('button', { name: 'Appoint and make an invite link' }).click();
      const shown = people.locator('[data-testid="fresh-link"]');
      await eventually(
        () => shown.getByLabel('Link to send').inputValue(),
        (href) => expect(Object.values(invites)).not.toContain(secretOf(href)),
      );
      invites[who] = secretOf(await shown.getByLabel('Link to send').inputValue());
    }
    await organiser.getByRole('link', { name: 'Members from the civic lottery' }).click();
    await organiser.getByRole('heading', { name: 'Members from the civic lottery', level: 1 }).waitFor();
    membersUrl = organiser.url();
    expect(membersUrl).toMatch(new RegExp(`^${server.url}/organise/[0-9a-f-]{36}/members$`));
  });

  const choose = (csv: string, name = 'lottery.csv') =>
    organiser.setInputFiles('#members-file', { name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const preview = () => organiser.locator('[data-testid="import-preview"]');

  it('previews the 100 members with two bad rows explained, and imports the rest only when confirmed', async () => {
    await choose(lotteryCsv(true));
    await preview().getByText('98 new, 0 updated, 0 unchanged, 2 left out.').waitFor();
    const leftOut = preview().locator('[data-testid="left-out"]');
    await leftOut.getByText('Line 41: No name.').waitFor();
    await leftOut.getByText('Line 72: The same as line 3.').waitFor();
    await preview().getByText('Region: demographic category').waitFor();
    expect((await server.db.query('SELECT id FROM members')).length).toBe(0);
    await preview().getByRole('button', { name: 'Import 98 rows' }).click();
    await organiser
      .locator('[data-testid="import-result"]', { hasText: 'Imported: 98 new, 0 updated, 0 unchanged, 2 left out.' })
      .waitFor();
    expect((await server.db.query('SELECT id FROM members')).length).toBe(98);
  });

  it('re-imports the fixed file: the two are added, and importing it again duplicates nobody', async () => {
    await choose(lotteryCsv(false), 'lottery-fixed.csv');
    await preview().getByText('2 new, 0 updated, 98 unchanged, 0 left out.').waitFor();
    await preview().getByRole('button', { name: 'Import 2 rows' }).click();
    await organiser.locator('[data-testid="import-result"]', { hasText: 'Imported: 2 new' }).waitFor();
    await choose(lotteryCsv(false), 'lottery-again.csv');
    await preview().getByText('0 new, 0 updated, 100 unchanged, 0 left out.').waitFor();
    await preview().getByRole('button', { name: 'Cancel' }).click();
    expect((await server.db.query('SELECT id FROM members')).length).toBe(100);
    await organiser.locator('table.member-list tbody tr').nth(99).waitFor();
  });

  it('explains a file in another encoding instead of importing it', async () => {
    const latin1 = Buffer.concat([Buffer.from('name,Region\nSi'), Buffer.from([0xe2]), Buffer.from('n,North\n')]);
    await organiser.setInputFiles('#members-file', { name: 'latin1.csv', mimeType: 'text/csv', buffer: latin1 });
    await preview()
      .locator('[data-testid="file-problems"]', { hasText: 'line 2 has characters in another encoding' })
      .waitFor();
    await preview().getByRole('button', { name: 'Cancel' }).click();
  });

  it('prints the invite cards (a PDF of A4 sheets of 8), and a card’s QR code decodes to its join link', async () => {
    await organiser.getByRole('button', { name: 'Issue and show the cards' }).click();
    await organiser.getByText('100 cards issued.').waitFor();
    const cards = organiser.locator('article.invite-card');
    expect(await cards.count()).toBe(100);
    cardLinks = await cards.evaluateAll((all) => all.slice(0, 3).map((card) => card.getAttribute('data-link')!));
    typedCode = (await cards.nth(3).locator('[data-testid="card-code"]').textContent())!;
    expect(cardLinks[0]).toMatch(new RegExp(`^${server.url}/join#[A-Za-z0-9_-]{22}$`));
    const pdf = await organiser.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    writeFileSync(path.join(SHOTS, 'invite-cards.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(13);
    const png = PNG.sync.read(await cards.first().locator('.qr-code').screenshot());
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(cardLinks[0]);
  });

  it('the lead moderator plans two sittings and starts the first', async () => {
    moderator = (await browser.join(server.url, invites.moderator, 'Mo')).page;
    await moderator.getByRole('link', { name: 'Open the moderator console' }).click();
    await moderator.waitForURL(`${server.url}/console`);
    await waitForLive(moderator);
    const plan = async (title: string, date: string) => {
      const form = moderator.getByRole('form', { name: 'Plan a sitting' });
      await form.getByLabel('Title').fill(title);
      await form.getByLabel('Date').fill(date);
      await form.getByLabel('Starts').fill('10:00');
      await form.getByLabel('Ends').fill('16:00');
      await form.getByLabel('Place').selectOption('both');
      await form.getByLabel('Room').fill('Council chamber');
      await form.getByLabel('Address').fill('City Hall, Cardiff');
      await form.getByLabel('Link to join online').fill('https://meet.example.org/assembly');
      await form.getByRole('button', { name: 'Plan sitting' }).click();
    };
    const planned = (title: string): Locator =>
      moderator.locator('[data-testid="planned-sitting"]', { has: moderator.getByRole('heading', { name: title }) });
    await plan('First weekend', '2030-06-01');
    await planned('First weekend').waitFor();
    await plan('Second weekend', '2030-06-15');
    await planned('Second weekend').waitFor();
    await planned('First weekend').getByRole('button', { name: 'Start the sitting “First weekend”' }).click();
    mod = (await connectMember(server.url, await cookiesOf(moderator.context()))).socket;
    mod.on('votes:state', (update) => (votes = update.votes));
  });

  it('in the hybrid sitting, facilitators check people in at the door; a member joins by the scanned link', async () => {
    fay = (await browser.join(server.url, invites.fay, 'Fay')).page;
    gus = (await browser.join(server.url, invites.gus, 'Gus')).page;
    // Pat scans the first card; Ben and Cy hold the next two but have no device in the room.
    pat = (await browser.open(cardLinks[0]!)).page;
    await joinOnPage(pat, server.url, 'Pat');
    await redeem(server.url, secretOf(cardLinks[1]!), 'Ben');
    await redeem(server.url, secretOf(cardLinks[2]!), 'Cy');
    const member = (name: string) => fay.locator('[data-testid="table-member"]').filter({ hasText: name });
    await fay.locator('[data-testid="facilitator-screen"]').waitFor();
    for (const name of ['Pat', 'Ben', 'Cy']) {
      await member(name)
        .getByRole('button', { name: `Check ${name} in` })
        .click();
      await member(name).and(fay.locator('[data-status="present"]')).waitFor();
    }
    await fay.locator('[data-testid="table-needs"]').waitFor();
  });

  it('a paper count two facilitators agree on and the online ballot combine into one result', async () => {
    acked(
      await mod.emitWithAck('vote:open', {
        subject: { kind: 'question', question: QUESTION },
        rules: { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false },
        quorumShare: 0.01,
      }),
    );
    await castInVotes(pat, QUESTION, 'Yes');
    const count = (page: Page) => page.locator('[data-testid="paper-count"]').filter({ hasText: QUESTION });
    await count(fay).getByRole('button', { name: 'Ben votes on paper' }).click();
    await count(fay).getByRole('button', { name: 'Cy votes on paper' }).click();
    await count(gus).locator('[data-testid="paper-voters"][data-count="2"]').waitFor();
    for (const page of [fay, gus]) {
      await count(page).locator('input[data-choice="yes"]').fill('1');
      await count(page).locator('input[data-choice="no"]').fill('1');
      await count(page).getByRole('button', { name: 'Enter these totals' }).click();
      await count(page).locator('[data-testid="paper-status"]').waitFor();
    }
    await count(gus).locator('[data-testid="paper-status"][data-status="agreed"]').waitFor();
    const voteId = votes.find((v) => v.question === QUESTION)!.id;
    expect(acked(await mod.emitWithAck('vote:close', { voteId }))).toMatchObject({
      ballots: 3,
      online: 1,
      paper: 2,
      counts: { yes: 2, no: 1, abstain: 0 },
    });
    const shown = pat.locator('[data-testid="vote"]').filter({ hasText: QUESTION });
    await shown.locator('[data-testid="ballots-split"]').waitFor();
    expect(await shown.locator('[data-testid="vote-explanation"]').textContent()).toContain(
      'Counted 1 online and 2 paper ballots.',
    );
  });

  it('the organiser’s representativeness view shows who is missing from the sitting', async () => {
    await organiser.goto(membersUrl);
    const region = organiser.locator('.representation-category[data-category="Region"]');
    await region.waitFor();
    await organiser.getByText('100 selected members; 3 present.').waitFor();
    // Persons 1, 10 and 100 came (South, East, North): the West, a quarter of those drawn, is missing.
    await eventually(
      () => region.locator('tr[data-value="West"] [data-testid="gap"]').textContent(),
      (text) => expect(text).toBe('under-represented by 25 points'),
    );
    await region.getByRole('img', { name: 'Region: target, selected and present shares' }).waitFor();
  });

  it('seats a member from the typed code on their card alone', async () => {
    const member = (await browser.open(`${server.url}/join`)).page;
    await member.getByLabel('Code from your card').fill(typedCode.toLowerCase().replace(/-/g, ' '));
    await member.getByRole('button', { name: 'Check my code' }).click();
    await joinOnPage(member, server.url, 'Dee');
  });

  it('publishes a category the organiser chose on the watch page, as counts only', async () => {
    const settings = organiser.locator('#members-settings').locator('..');
    await settings.getByRole('checkbox', { name: 'Region' }).check();
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await organiser.getByText('Settings saved.').waitFor();
    const watcher = (await browser.open(`${server.url}/watch#${watchKey}`)).page;
    const published = watcher.locator('section.published-members');
    await published.getByRole('heading', { name: 'Who was selected' }).waitFor();
    expect(await published.getByRole('row', { name: 'North' }).getByRole('cell').textContent()).toBe('25');
    const text = (await published.textContent())!;
    expect(text).not.toContain('Age band');
    expect(text).not.toContain('Person');
    expect(await axeViolations(watcher)).toEqual([]);
  });

  it('the organiser’s members page fits 360 × 740 and 1280 × 800 (screenshots), accessible (axe)', async () => {
    for (const [width, height] of [
      [360, 740],
      [1280, 800],
    ] as const) {
      await screenshotAt(organiser, 'organiser-members', width, height);
      expect(await sidewaysOverflow(organiser), `${width} px`).toBeLessThanOrEqual(0);
    }
    expect(await axeViolations(organiser)).toEqual([]);
  });

  it('threw no uncaught errors in any page', () => {
    expect(browser.pageErrors()).toEqual([]);
  });
});
