import { phrase, WATCH_KEY_HEADER, type AuditRecord, type MinutesExport } from '@moot/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cyWords } from '../../i18n/cyWords.ts';
import { enRecord } from '../../i18n/enRecord.ts';
import { i18n } from '../../i18n/index.ts';
import { resultText, type PhraseWording } from '../../i18n/phrases.ts';
import { actionKey, appendPage, detailText } from './auditView.ts';
import { homeHref, readerFromHash, readerHeaders, recordHref } from './reader.ts';
import { plainParagraphs, timing } from './text.ts';
import { voteLine } from './voteLine.ts';

const KEY = 'a'.repeat(22);

describe('the reader of the record', () => {
  it('is an observer with the watch key from the fragment, sent only in a header', () => {
    const observer = readerFromHash(`#${KEY}`);
    expect(observer).toEqual({ watchKey: KEY });
    expect(readerHeaders(observer)).toEqual({ [WATCH_KEY_HEADER]: KEY });
    expect(recordHref('/record/audit', observer)).toBe(`/record/audit#${KEY}`);
    expect(homeHref(observer)).toBe(`/watch#${KEY}`);
  });

  it('is a signed-in participant without one (or with a fragment that is not a key)', () => {
    for (const hash of ['', '#', '#not a key']) {
      const member = readerFromHash(hash);
      expect(member).toEqual({ watchKey: null });
      expect(readerHeaders(member)).toEqual({});
      expect(recordHref('/charter/print', member)).toBe('/charter/print');
      expect(homeHref(member)).toBe('/assembly');
    }
  });
});

describe('text for print', () => {
  it('shows the words people typed, backslashes and all, a paragraph per block', () => {
    expect(plainParagraphs('Leaders tell the truth <script>\\(1)\n\n\n• one\n• two\n\n')).toEqual([
      'Leaders tell the truth <script>\\(1)',
      '• one\n• two',
    ]);
    expect(plainParagraphs('')).toEqual([]);
  });

  it('compares actual time with the plan, a minute either way being on time', () => {
    expect(timing(5, null)).toBe('not_run');
    expect(timing(5, 300 + 60)).toBe('on_time');
    expect(timing(5, 300 + 61)).toBe('over');
    expect(timing(5, 300 - 61)).toBe('under');
  });
});

describe('the audit log view', () => {
  const record = (seq: number): AuditRecord => ({
    seq,
    at: '2026-01-01T00:00:00.000Z',
    actor: 'Member 2',
    action: 'standard.added',
    subject: null,
    detail: {},
    sealed: { actor: 'Member 2', target: null, detail: {} },
    prev: '0'.repeat(64),
    hash: '0'.repeat(64),
  });

  it('labels every action the server records publicly', () => {
    const labelled = (action: string) => {
      const [group, verb] = action.split('.') as [string, string];
      return (enRecord.record.actions as Record<string, Record<string, string>>)[group]?.[verb];
    };
    for (const action of ['standard.added', 'vote.cast', 'queue.turn_ended', 'dissent.cosigned'])
      expect(labelled(action), action).toBeTypeOf('string');
    expect(actionKey('vote.cast')).toBe('record.actions.vote.cast');
  });

  it('writes details as one line and appends pages without repeats', () => {
    expect(detailText({ title: 'Honesty', steps: ['Advice', 'Apology'], participant: null })).toBe(
      'title: Honesty, steps: Advice; Apology, participant: —',
    );
    expect(appendPage([record(1), record(2)], [record(2), record(3)]).map((e) => e.seq)).toEqual([1, 2, 3]);
  });
});

describe('a vote in the record, in the reader’s language', () => {
  const wording = (): PhraseWording => ({
    t: i18n.t.bind(i18n),
    exists: (key) => i18n.exists(key),
    language: i18n.language,
  });
  const OPEN = 'Ar agor';
  /** An adoption vote as the minutes JSON records it: the English for old readers and Markdown, the codes beside it. */
  const adopted: MinutesExport['votes'][number] = {
    question: 'Adopt “Dweud y gwir”?',
    questionPhrase: phrase('question.adopt', { title: 'Dweud y gwir' }),
    method: 'yes_no',
    status: 'closed',
    turnout: 4,
    eligible: 4,
    quorumNeeded: 2,
    passed: true,
    explanation: 'Passed: 3 yes of 4 counted (75%) is at least two thirds; 1 no, 0 abstaining (not counted).',
    because: [
      phrase('tally.yesNoResult', {
        outcome: phrase('tally.passed'),
        yes: 3,
        counted: 4,
        percent: '75%',
        verdict: phrase('tally.atLeast', { bar: phrase('tally.twoThirds') }),
        rest: phrase('tally.yesNoRest', { no: 1, abstain: 0, abstentions: phrase('tally.notCounted') }),
      }),
    ],
    online: 4,
    paper: 0,
  };

  beforeAll(async () => {
    i18n.addResourceBundle('cy', 'translation', cyWords, true, false);
    await i18n.changeLanguage('cy');
  });
  afterAll(() => i18n.changeLanguage('en'));

  it('words the question and the tally from their codes for a Welsh reader', () => {
    expect(voteLine(adopted, wording(), OPEN)).toBe(
      'Mabwysiadu “Dweud y gwir”?: Pasiwyd: mae 3 ie o 4 a gyfrifwyd (75%) yn o leiaf dwy ran o dair; 1 na, 0 yn ymatal (ddim yn cyfrif).',
    );
  });

  it('shows an export without codes (made before it carried them) in its English, and a moderator’s question as asked', () => {
    const { questionPhrase: _code, because, ...older } = adopted;
    expect(voteLine(older, wording(), OPEN)).toBe(`${adopted.question}: ${adopted.explanation}`);
    const asked = { ...older, question: 'A ddylen ni gwrdd ar ddydd Sadwrn?', questionPhrase: null };
    expect(voteLine({ ...asked, because }, wording(), OPEN)).toMatch(/^A ddylen ni gwrdd ar ddydd Sadwrn\?: Pasiwyd: /);
  });

  it('says the vote is open while it has no result', () => {
    const open = { ...adopted, status: 'open' as const, passed: null, explanation: null, because: null };
    expect(voteLine(open, wording(), OPEN)).toBe('Mabwysiadu “Dweud y gwir”?: Ar agor');
    expect(resultText(open, wording())).toBeNull();
    expect(resultText({ explanation: 'Passed.' }, wording())).toBe('Passed.');
  });
});
