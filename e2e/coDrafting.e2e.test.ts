import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDocument, replay } from '../apps/server/src/collab/documentStore.ts';
import type { RunningApp, SeededAssembly } from '../apps/server/test/support/harness.ts';
import { axeViolations } from './support/a11y.ts';
import {
  eventually,
  fieldText,
  openSection,
  recordSaveStates,
  standard,
  startMoot,
  textField,
  waitForLive,
} from './support/moot.ts';
import { useBrowser } from './support/useBrowser.ts';

// Launched once at import, so a missing Chromium skips the whole file with the reason printed
// by launchBrowser() (or fails the run under REQUIRE_SERVICES=1).
const browser = await useBrowser();

// Display names that must never reach the public watch page, in its DOM or on its wire.
const ADA = 'Ada Lovelace';
const GRACE = 'Grace Hopper';
const PSEUDONYM = /^Member \d+$/;
const CHARGE = 'What should leaders do?';

describe.skipIf(!browser.ok)('co-drafting in the browser, against the real server and the built app', () => {
  let server: RunningApp;
  let seed: SeededAssembly;
  let ada: Page;
  let grace: Page;
  let watcher: Page;
  let watcherWire: string[];

  // One server and three people for the whole file: joining costs ~2 s each, and the tests read
  // as one session of an assembly. Each test types (or adds) its own text and asserts on that,
  // so a failure in one does not cascade into the next.
  beforeAll(async () => {
    ({ server, seed } = await startMoot());
    browser.closeAfter(server);
    // Two members, each in their own context (own cookie jar), joining through their own invite.
    const a = await browser.join(server.url, seed.memberInvites[0]!, ADA);
    const g = await browser.join(server.url, seed.memberInvites[1]!, GRACE);
    // The public: no invite, no cookie, only the watch key in the URL fragment.
    const w = await browser.open(`${server.url}/watch#${seed.watchKey}`);
    await waitForLive(w.page);
    [ada, grace, watcher, watcherWire] = [a.page, g.page, w.page, w.received];
    // No session runs, so nothing is under discussion: the members draft in the charter section.
    for (const page of [ada, grace]) await openSection(page, 'Charter');
  });

  /** Types at the end of a standard's text field, as a person would after clicking into it. */
  async function typeAtEnd(page: Page, title: string, text: string) {
    await textField(page, title).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(text);
  }

  /** The plain text the server has stored for the seeded standard's text field: its log, replayed. */
  async function storedText(): Promise<string> {
    const stored = await loadDocument(server.db, seed.docId);
    const fragment = replay(stored.snapshot, stored.updates).getXmlFragment('text');
    // One paragraph per line, tags stripped: the same shape as fieldText() reads from the editor.
    return fragment
      .toArray()
      .map((node) => node.toString().replace(/<[^>]+>/g, ''))
      .join('\n');
  }

  it('lets two members type into the same standard and see each other, with carets and "saved"', async () => {
    for (const page of [ada, grace]) {
      await page.getByText(CHARGE).waitFor();
      await standard(page, 'Honesty').waitFor();
      // Members may edit drafts: the field must be editable, or the rest proves nothing.
      expect(await textField(page, 'Honesty').getAttribute('contenteditable')).toBe('true');
    }
    const adaSaves = await recordSaveStates(ada);

    // One after the other (waiting for the first text to arrive), so the merged text is known:
    // concurrent typing at one position may interleave, which is correct CRDT behaviour but not this test.
    await typeAtEnd(ada, 'Honesty', 'Leaders tell the truth.');
    await eventually(
      () => fieldText(grace, 'Honesty'),
      (t) => expect(t).toBe('Leaders tell the truth.'),
    );
    await typeAtEnd(grace, 'Honesty', ' Even when it costs them.');
    const merged = 'Leaders tell the truth. Even when it costs them.';
    for (const page of [ada, grace]) {
      await eventually(
        () => fieldText(page, 'Honesty'),
        (t) => expect(t).toBe(merged),
      );
    }

    // Grace's editor still has focus, so Ada sees her caret, labelled with her display name...
    await ada.locator(`[data-testid="caret"][data-name="${GRACE}"]`).waitFor({ state: 'attached' });
    // ...drawn by CSS from data-name, so the name never pollutes the text (already checked by toBe).

    // "saved" follows "saving", and means every edit was acked; acked means stored, so the
    // database must hold exactly what the members see.
    for (const page of [ada, grace]) await page.locator('[data-testid="save-status"][data-save="saved"]').waitFor();
    const states = await adaSaves();
    expect(states).toContain('saving');
    expect(states.at(-1)).toBe('saved');
    expect(await storedText()).toBe(merged);
  });

  it('shows the text live on the read-only watch page, with pseudonymous carets and a watcher count', async () => {
    await watcher.getByText(CHARGE).waitFor();
    await standard(watcher, 'Honesty').waitFor();
    // Live: a sentence typed now arrives without reloading.
    await typeAtEnd(ada, 'Honesty', ' Always.');
    await eventually(
      async () => [await fieldText(watcher, 'Honesty'), await fieldText(ada, 'Honesty')],
      ([seen, typed]) => {
        expect(seen).toMatch(/ Always\.$/);
        expect(seen).toBe(typed);
      },
    );

    // Nothing on the page can be edited or submitted.
    expect(await watcher.locator('[contenteditable="true"], input, textarea, select').count()).toBe(0);
    const fields = watcher.locator('[data-field]');
    expect(await fields.evaluateAll((els) => els.map((el) => el.getAttribute('contenteditable')))).toEqual([
      'false',
      'false',
    ]);

    // Ada's editor has focus: the public sees her caret, but only under a pseudonym.
    await watcher.locator('[data-testid="caret"]').first().waitFor({ state: 'attached' });
    const names = await watcher
      .locator('[data-testid="caret"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-name')));
    for (const name of names) expect(name).toMatch(PSEUDONYM);
    // Not on the page, and not anywhere in what the server sent this browser either.
    // (Control: the captured frames do carry awareness, so the absence below is not vacuous.)
    expect(watcherWire.some((frame) => /Member \d+/.test(frame))).toBe(true);
    const html = await watcher.content();
    for (const name of [ADA, GRACE]) {
      expect(html).not.toContain(name);
      expect(watcherWire.some((frame) => frame.includes(name))).toBe(false);
    }

    // Polled: the count is coalesced on the server and arrives a moment after the snapshot.
    await eventually(
      async () => Number(await watcher.locator('[data-testid="watchers"]').getAttribute('data-count')),
      (count) => expect(count).toBeGreaterThanOrEqual(1),
    );
    expect(await watcher.locator('[data-testid="connection-status"]').getAttribute('data-state')).toBe('live');
  });

  it('shows a standard added through the form to the other member and on the watch page', async () => {
    await ada.getByLabel('New standard title').fill('Accountability');
    await ada.getByRole('button', { name: 'Add standard' }).click();
    for (const page of [ada, grace, watcher]) {
      await standard(page, 'Accountability').waitFor();
      // Exactly once: the adder gets it both from the ack and from the broadcast.
      expect(await page.locator('article[data-testid="standard"] h3').allInnerTexts()).toEqual([
        'Honesty',
        'Accountability',
      ]);
    }
    // The form clears only once the server accepted the title.
    expect(await ada.getByLabel('New standard title').inputValue()).toBe('');
    // A new standard is a draft: members can type into it at once, the public cannot.
    expect(await textField(grace, 'Accountability').getAttribute('contenteditable')).toBe('true');
    expect(await textField(watcher, 'Accountability').getAttribute('contenteditable')).toBe('false');
  });

  describe('accessibility (axe-core, WCAG 2.2 A/AA)', () => {
    it('join page: the invite and the name form', async () => {
      // A third member's invite, opened but not redeemed.
      const { page } = await browser.open(`${server.url}/join#${seed.memberInvites[2]}`);
      await page.getByLabel('Your name').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      // Also with the validation error shown (aria-invalid, role=alert): error states are where labels break.
      await page.getByRole('button', { name: 'Join the assembly' }).click();
      await page.getByRole('alert').waitFor();
      expect(await axeViolations(page)).toEqual([]);
    });

    it('assembly page: charter, editors with a co-editor caret, add form', async () => {
      // Grace focuses an editor so Ada's page has a caret in it while it is checked.
      await textField(grace, 'Honesty').click();
      await ada.locator(`[data-testid="caret"][data-name="${GRACE}"]`).waitFor({ state: 'attached' });
      expect(await axeViolations(ada)).toEqual([]);
    });

    it('watch page: read-only charter with pseudonymous carets', async () => {
      await watcher.locator('[data-testid="caret"]').first().waitFor({ state: 'attached' });
      expect(await axeViolations(watcher)).toEqual([]);
    });
  });

  it('threw no uncaught errors in any page', () => {
    expect(browser.pageErrors()).toEqual([]);
  });
});
