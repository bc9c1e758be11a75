/**
 * `npm run verify-passport -- passport.json`: recomputes a downloaded provenance passport's
 * SHA-256 over its canonical serialisation, without the server. Prints the hash and exits 0
 * when it is the one the file names, 1 when it is not (the passport was changed), 2 when the
 * file is not a passport. The same by hand: `jq -cjS .passport passport.json | sha256sum`.
 */
import { readFile } from 'node:fs/promises';
import { PASSPORT_FORMAT, verifyPassport, type PassportExport } from '@moot/protocol';

const [file, ...extra] = process.argv.slice(2);
if (!file || extra.length > 0) {
  console.error('Usage: npm run verify-passport -- <passport.json>');
  process.exit(2);
}
let json: unknown;
try {
  json = JSON.parse(await readFile(file, 'utf8'));
} catch (error) {
  console.error(`${file}: cannot be read as JSON (${(error as Error).message})`);
  process.exit(2);
}
const candidate = json as Partial<PassportExport> | null;
if (
  !candidate ||
  typeof candidate.passport !== 'object' ||
  candidate.passport?.format !== PASSPORT_FORMAT ||
  typeof candidate.hash?.value !== 'string'
) {
  console.error(`${file}: is not a provenance passport (${PASSPORT_FORMAT})`);
  process.exit(2);
}
const file_ = candidate as PassportExport;
const { ok, computed } = await verifyPassport(file_);
if (!ok) {
  console.error(
    `FAILED: ${file_.passport.standard.title}: the passport hashes to ${computed}, not ${file_.hash.value}`,
  );
  process.exit(1);
}
console.log(`verified: ${file_.passport.standard.title}: sha256 ${computed}`);
