/**
 * `npm run verify-audit -- audit.json [more.json …]`: verifies an exported audit log end to end,
 * without the server or its database. Give one export, or its pages in order (`?after=` each
 * page's `next`). Prints the head and exits 0 when the entries, from the first, are each chained
 * to the one before and the last is the head the export names; prints the first entry that fails
 * and exits 1; exits 2 when a file cannot be read as an export, and 3 when what it holds is
 * chained but is not the whole log (a page that does not start at entry 1 or stops short).
 */
import { readFile } from 'node:fs/promises';
import { auditExportFileSchema, verifyAuditExports, type AuditExportFile } from '@moot/protocol';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('Usage: npm run verify-audit -- <audit.json> [next-page.json …]');
  process.exit(2);
}

const exports: AuditExportFile[] = [];
for (const file of files) {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    console.error(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    process.exit(2);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    console.error(`${file}: is not JSON`);
    process.exit(2);
  }
  const parsed = auditExportFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    console.error(`${file}: is not an audit export: ${issue.path.join('.') || 'the file'}: ${issue.message}`);
    process.exit(2);
  }
  exports.push(parsed.data);
}

const result = await verifyAuditExports(exports);
const title = exports.at(-1)!.assembly.title;
if (!result.ok) {
  const at = result.seq === null ? '' : ` (seq ${result.seq})`;
  console.error(`FAILED: ${title}: entry ${result.position}${at}: ${result.problem}`);
  process.exit(1);
}
console.log(`verified: ${title}: entries ${result.first} to ${result.last} are chained`);
console.log(`head: seq ${result.head.seq} ${result.head.hash}`);
if (!result.complete) {
  console.log(
    `partial: the export holds entries ${result.first} to ${result.last} of ${result.head.seq}; ` +
      'give every page from the first, in order, to verify the whole log',
  );
  process.exit(3);
}
