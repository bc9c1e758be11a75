import { describe, expect, it } from 'vitest';
import { MEMBER_LIMITS } from '@moot/protocol';
import { parseMemberCsv } from './memberCsv.ts';
import { parseQuotas, suppressSmallCounts } from './representation.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const HEADER = 'id,Name,Email,Phone,Postal address,Age band,Gender,Region\n';

describe('reading a selection tool’s CSV', () => {
  it('reads person fields by their usual headers and every other column as a demographic category', () => {
    const parsed = parseMemberCsv(bytes(`${HEADER}P1,Ada Lovelace,ADA@example.org,0123,1 Road,16-29,Female,North\n`));
    expect(parsed.fileProblems).toEqual([]);
    expect(parsed.columns.map((c) => c.kind)).toEqual([
      'reference',
      'name',
      'email',
      'phone',
      'address',
      'demographic',
      'demographic',
      'demographic',
    ]);
    expect(parsed.rows[0]).toMatchObject({
      line: 2,
      reference: 'P1',
      name: 'Ada Lovelace',
      email: 'ada@example.org',
      demographics: { 'Age band': '16-29', Gender: 'Female', Region: 'North' },
      status: 'selected',
      problems: [],
    });
  });

  it('handles a UTF-8 BOM and Welsh letters; refuses Latin-1 and UTF-16 with the line', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('name,Region\nSiân Ŵyn,Gwynedd\n')]);
    const parsed = parseMemberCsv(withBom);
    expect(parsed.columns[0]!.kind).toBe('name');
    expect(parsed.rows[0]!.name).toBe('Siân Ŵyn');
    const latin1 = new Uint8Array([...bytes('name,Region\nAda,North\nSi'), 0xe2, ...bytes('n,South\n')]);
    expect(parseMemberCsv(latin1).fileProblems).toEqual([
      { code: 'not_utf8', line: 3, column: null, header: null, limit: null },
    ]);
    expect(parseMemberCsv(new Uint8Array([0xff, 0xfe, 0x6e, 0]))).toMatchObject({ fileProblems: [{ code: 'utf16' }] });
  });

  it('names each bad row and why: missing name, duplicate row, duplicate id, wrong field count, long field, bad status', () => {
    const long = 'x'.repeat(MEMBER_LIMITS.maxImportFieldLength + 1);
    const parsed = parseMemberCsv(
      bytes(
        'id,name,status,Region\n' +
          'A,Ada,,North\n' +
          'B,,selected,South\n' +
          'A,Ada,,North\n' +
          'A,Bea,,East\n' +
          'C,Cy,reserve\n' +
          `D,Di,,${long}\n` +
          'E,Ed,maybe,West\n',
      ),
    );
    expect(parsed.fileProblems).toEqual([]);
    expect(parsed.rows.map((r) => [r.line, r.problems.map((p) => p.code)])).toEqual([
      [2, []],
      [3, ['missing_name']],
      [4, ['duplicate_row']],
      [5, ['duplicate_reference']],
      [6, ['wrong_field_count']],
      [7, ['field_too_long']],
      [8, ['bad_status']],
    ]);
    expect(parsed.rows[2]!.problems[0]!.sameAsLine).toBe(2);
  });

  it('refuses empty and duplicate headers, a file without a name column, and files past the limits', () => {
    expect(parseMemberCsv(bytes('name,,Region\nAda,x,North\n')).fileProblems).toMatchObject([
      { code: 'empty_header', column: 2 },
    ]);
    expect(parseMemberCsv(bytes('name,Region,region\nAda,N,N\n')).fileProblems).toMatchObject([
      { code: 'duplicate_header', column: 3 },
    ]);
    expect(parseMemberCsv(bytes('Region\nNorth\n')).fileProblems).toMatchObject([{ code: 'no_name_column' }]);
    expect(parseMemberCsv(bytes('')).fileProblems).toMatchObject([{ code: 'empty' }]);
    const rows = 'name\n' + Array.from({ length: MEMBER_LIMITS.maxImportRows + 1 }, (_, i) => `P${i}`).join('\n');
    expect(parseMemberCsv(bytes(rows)).fileProblems).toMatchObject([
      { code: 'too_many_rows', limit: MEMBER_LIMITS.maxImportRows },
    ]);
    const wide = ['name', ...Array.from({ length: MEMBER_LIMITS.maxImportColumns }, (_, i) => `c${i}`)].join(',');
    expect(parseMemberCsv(bytes(`${wide}\n`)).fileProblems).toMatchObject([{ code: 'too_many_columns' }]);
    expect(parseMemberCsv(new Uint8Array(MEMBER_LIMITS.maxImportBytes + 1).fill(0x41)).fileProblems).toMatchObject([
      { code: 'too_large' },
    ]);
    expect(parseMemberCsv(bytes('name,Region\n"Ada,North\n')).fileProblems).toMatchObject([{ code: 'unreadable' }]);
  });

  it('joins first and last names, and reads reserves', () => {
    const parsed = parseMemberCsv(bytes('First name,Surname,Selection status\nAda,Lovelace,Reserve\n'));
    expect(parsed.rows[0]).toMatchObject({ name: 'Ada Lovelace', status: 'reserve' });
  });
});

describe('reading a quota file', () => {
  it('takes shares, percentages or counts', () => {
    expect(parseQuotas(bytes('category,value,share\nRegion,North,0.25\nRegion,South,75%\n')).quotas).toEqual([
      { category: 'Region', value: 'North', share: 0.25 },
      { category: 'Region', value: 'South', share: 0.75 },
    ]);
    expect(parseQuotas(bytes('category,value,count\nRegion,North,10\nRegion,South,30\n')).quotas[0]!.share).toBe(0.25);
    expect(parseQuotas(bytes('category,value,count\nRegion,,10\n')).problems).toMatchObject([{ line: 2 }]);
  });
});

describe('the published aggregate', () => {
  it('shows counts under 5 as hidden, and hides a second value when one alone would be hidden', () => {
    expect(
      suppressSmallCounts(
        new Map([
          ['North', 12],
          ['South', 7],
          ['East', 4],
        ]),
        5,
      ),
    ).toEqual([
      { value: 'East', count: null },
      { value: 'North', count: 12 },
      { value: 'South', count: null },
    ]);
    expect(
      suppressSmallCounts(
        new Map([
          ['A', 3],
          ['B', 2],
          ['C', 9],
        ]),
        5,
      ),
    ).toEqual([
      { value: 'A', count: null },
      { value: 'B', count: null },
      { value: 'C', count: 9 },
    ]);
    expect(
      suppressSmallCounts(
        new Map([
          ['A', 5],
          ['B', 6],
        ]),
        5,
      ),
    ).toEqual([
      { value: 'A', count: 5 },
      { value: 'B', count: 6 },
    ]);
  });
});
