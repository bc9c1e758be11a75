import { WATCH_KEY_HEADER, type AuditRecord } from '@moot/protocol';
import { describe, expect, it } from 'vitest';
import { enRecord } from '../../i18n/enRecord.ts';
import { actionKey, appendPage, detailText } from './auditView.ts';
import { homeHref, readerFromHash, readerHeaders, recordHref } from './reader.ts';
import { plainParagraphs, timing } from './text.ts';

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
