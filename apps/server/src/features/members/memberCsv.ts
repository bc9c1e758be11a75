import { parse } from 'csv-parse/sync';
import {
  MEMBER_LIMITS,
  type ColumnKind,
  type FileProblem,
  type FileProblemCode,
  type PreviewColumn,
  type RowProblem,
} from '@moot/protocol';

/** One person as the file lists them, before matching against the members already imported. */
export interface ParsedRow {
  line: number;
  reference: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  status: 'selected' | 'reserve';
  demographics: Record<string, string>;
  problems: RowProblem[];
}

export interface ParsedFile {
  columns: PreviewColumn[];
  fileProblems: FileProblem[];
  rows: ParsedRow[];
}

/**
 * Headers that name a person field, as selection tools spell them (lower case, with spaces,
 * dashes and underscores read alike). Any other header is a demographic category.
 */
const HEADER_ALIASES: Record<string, Exclude<ColumnKind, 'demographic'>> = {
  id: 'reference',
  ref: 'reference',
  reference: 'reference',
  'member id': 'reference',
  'person id': 'reference',
  'participant id': 'reference',
  name: 'name',
  'full name': 'name',
  'first name': 'firstName',
  'given name': 'firstName',
  forename: 'firstName',
  'last name': 'lastName',
  surname: 'lastName',
  'family name': 'lastName',
  email: 'email',
  'email address': 'email',
  'e mail': 'email',
  phone: 'phone',
  telephone: 'phone',
  'phone number': 'phone',
  mobile: 'phone',
  address: 'address',
  'postal address': 'address',
  'home address': 'address',
  postcode: 'address',
  status: 'status',
  'selection status': 'status',
};
const STATUS_WORDS: Record<string, 'selected' | 'reserve'> = {
  '': 'selected',
  selected: 'selected',
  member: 'selected',
  active: 'selected',
  reserve: 'reserve',
  reserved: 'reserve',
  'reserve list': 'reserve',
  standby: 'reserve',
};

const headerKey = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

export const columnKind = (header: string): ColumnKind => HEADER_ALIASES[headerKey(header)] ?? 'demographic';

const problem = (
  code: FileProblemCode,
  where: Partial<Pick<FileProblem, 'line' | 'column' | 'header' | 'limit'>> = {},
): FileProblem => ({
  code,
  line: where.line ?? null,
  column: where.column ?? null,
  header: where.header ?? null,
  limit: where.limit ?? null,
});

/** The file's text, or why it cannot be read: UTF-8 only (a BOM is fine), with the line of the first bad byte. */
export function decodeCsv(bytes: Uint8Array): { text: string } | { problem: FileProblem } {
  if (bytes.byteLength === 0) return { problem: problem('empty') };
  if (bytes.byteLength > MEMBER_LIMITS.maxImportBytes)
    return { problem: problem('too_large', { limit: MEMBER_LIMITS.maxImportBytes }) };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problem: problem('utf16') };
  }
  try {
    // The decoder drops a leading BOM (spreadsheets add one when saving "CSV UTF-8").
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { problem: problem('not_utf8', { line: firstBadLine(bytes) }) };
  }
}

/** The line holding the first byte sequence that is not UTF-8. */
function firstBadLine(bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line;
}

const clean = (value: string | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
const orNull = (value: string) => (value === '' ? null : value);

/**
 * Reads a stratified-selection tool's export: one row per person, a header naming the columns.
 * Whole-file problems (encoding, size, headers) stop the import; a row's problems leave that row
 * out and say why. Every limit is in `LIMITS`.
 */
export function parseMemberCsv(bytes: Uint8Array): ParsedFile {
  const decoded = decodeCsv(bytes);
  if ('problem' in decoded) return { columns: [], fileProblems: [decoded.problem], rows: [] };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(decoded.text, {
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      info: true,
      bom: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? null;
    return { columns: [], fileProblems: [problem('unreadable', { line })], rows: [] };
  }
  if (records.length === 0) return { columns: [], fileProblems: [problem('empty')], rows: [] };
  const [head, ...body] = records;
  const headers = head!.record;
  const fileProblems: FileProblem[] = [];
  if (headers.length > MEMBER_LIMITS.maxImportColumns) {
    fileProblems.push(problem('too_many_columns', { limit: MEMBER_LIMITS.maxImportColumns }));
  }
  if (body.length > MEMBER_LIMITS.maxImportRows)
    fileProblems.push(problem('too_many_rows', { limit: MEMBER_LIMITS.maxImportRows }));
  const columns: PreviewColumn[] = headers.map((raw, i) => ({
    position: i + 1,
    header: clean(raw),
    kind: columnKind(raw),
  }));
  const seen = new Map<string, number>();
  for (const column of columns) {
    if (column.header === '') {
      fileProblems.push(problem('empty_header', { line: 1, column: column.position }));
      continue;
    }
    if (column.header.length > MEMBER_LIMITS.maxImportFieldLength) {
      fileProblems.push(
        problem('header_too_long', { line: 1, column: column.position, limit: MEMBER_LIMITS.maxImportFieldLength }),
      );
    }
    // "Email" and "E-mail" name one field; two demographic columns may not share a header either.
    const key = column.kind === 'demographic' ? `d:${headerKey(column.header)}` : column.kind;
    // Address and postcode columns are read together, as one address.
    if (column.kind !== 'address' && seen.has(key)) {
      fileProblems.push(problem('duplicate_header', { line: 1, column: column.position, header: column.header }));
    }
    seen.set(key, column.position);
  }
  const kinds = new Set(columns.map((c) => c.kind));
  if (!kinds.has('name') && !(kinds.has('firstName') || kinds.has('lastName'))) {
    fileProblems.push(problem('no_name_column'));
  }
  if (fileProblems.length > 0) return { columns, fileProblems, rows: [] };

  const rows: ParsedRow[] = [];
  const byContent = new Map<string, number>();
  const byReference = new Map<string, number>();
  for (const { record, info } of body) {
    const line = info.lines;
    const problems: RowProblem[] = [];
    const rowProblem = (code: RowProblem['code'], extra: Partial<RowProblem> = {}) =>
      problems.push({
        code,
        header: extra.header ?? null,
        sameAsLine: extra.sameAsLine ?? null,
        limit: extra.limit ?? null,
      });
    if (record.length !== headers.length) rowProblem('wrong_field_count', { limit: headers.length });
    const fields: Partial<Record<ColumnKind, string[]>> = {};
    const demographics: Record<string, string> = {};
    columns.forEach((column, i) => {
      const value = clean(record[i]);
      if (value.length > MEMBER_LIMITS.maxImportFieldLength) {
        rowProblem('field_too_long', { header: column.header, limit: MEMBER_LIMITS.maxImportFieldLength });
      }
      if (column.kind === 'demographic') {
        if (value !== '') demographics[column.header] = value;
      } else {
        (fields[column.kind] ??= []).push(value);
      }
    });
    const one = (kind: ColumnKind) => clean((fields[kind] ?? []).filter((v) => v !== '').join(', '));
    const name = one('name') || clean(`${one('firstName')} ${one('lastName')}`);
    if (name === '') rowProblem('missing_name');
    const statusWord = headerKey(one('status'));
    const status = STATUS_WORDS[statusWord];
    if (!status) rowProblem('bad_status', { header: 'status' });
    const row: ParsedRow = {
      line,
      reference: orNull(one('reference')),
      name,
      email: orNull(one('email').toLowerCase()),
      phone: orNull(one('phone')),
      address: orNull(one('address')),
      status: status ?? 'selected',
      demographics,
      problems,
    };
    const content = JSON.stringify([
      row.reference,
      row.name,
      row.email,
      row.phone,
      row.address,
      row.status,
      demographics,
    ]);
    const sameRow = byContent.get(content);
    if (sameRow !== undefined) rowProblem('duplicate_row', { sameAsLine: sameRow });
    else {
      byContent.set(content, line);
      if (row.reference !== null) {
        const sameReference = byReference.get(row.reference);
        if (sameReference !== undefined) rowProblem('duplicate_reference', { sameAsLine: sameReference, header: 'id' });
        else byReference.set(row.reference, line);
      }
    }
    rows.push(row);
  }
  // A category with more values than anyone could read as a category is probably a free-text column.
  const values = new Map<string, Set<string>>();
  for (const row of rows) {
    for (const [category, value] of Object.entries(row.demographics)) {
      (values.get(category) ?? values.set(category, new Set()).get(category)!).add(value);
    }
  }
  for (const [category, set] of values) {
    if (set.size > MEMBER_LIMITS.maxCategoryValues) {
      fileProblems.push(problem('too_many_values', { header: category, limit: MEMBER_LIMITS.maxCategoryValues }));
    }
  }
  return { columns, fileProblems, rows: fileProblems.length > 0 ? [] : rows };
}
