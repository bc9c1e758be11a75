import { canonicalJson, sha256Hex } from './auditChain.ts';
import type { VoteCodes } from './http.ts';

/**
 * A standard's provenance passport (`GET /api/export/passport/<standardId>.json`): its text
 * sentence by sentence, each run of words with the person who wrote it and the adopted
 * amendment that put it there, the amendments with their votes, the evidence it cites, the
 * votes on it and the minority reports. People appear as the public sees them (a pseudonym,
 * "Member 4", unless a public figure or shown by choice), for every reader, so a member and a
 * journalist download the same passport and the same hash. Never a ballot: results and counts.
 */
export interface StandardPassport {
  format: typeof PASSPORT_FORMAT;
  assembly: { title: string };
  standard: { id: string; position: number; title: string; status: string };
  /** Everyone whose words are in the text, in the order they first appear; runs name them by index. */
  authors: PassportAuthor[];
  /** The text's blocks (paragraphs, list items, headings), each cut into sentences. */
  blocks: PassportBlock[];
  /** Every amendment proposed on this standard, numbered 1, 2… in the order proposed. */
  amendments: PassportAmendment[];
  /** The evidence the standard cites, in the order cited. */
  citations: PassportCitation[];
  /** The votes on the standard itself (adoption). */
  votes: PassportVote[];
  minorityReports: { text: string; signatories: string[] }[];
}

export const PASSPORT_FORMAT = 'moot-passport/1' as const;

/**
 * Who wrote a run: a person (by public name and role); `decision` for words the server wrote
 * for the assembly credited to no one; `unknown` for words whose writer was never recorded
 * (text written before authors were kept).
 */
export interface PassportAuthor {
  kind: 'person' | 'decision' | 'unknown';
  name: string | null;
  role: string | null;
  /** How many characters of the present text are theirs. */
  characters: number;
}

export interface PassportRun {
  text: string;
  /** Index into `authors`. */
  author: number;
  /** The amendment (its `number`) whose adoption wrote these words; null when written while drafting. */
  amendment: number | null;
}

export interface PassportSentence {
  runs: PassportRun[];
  /** The authors (indices) and amendments (numbers) of this sentence's runs, each once, in order. */
  authors: number[];
  amendments: number[];
}

export interface PassportBlock {
  /** The editor's node: paragraph, heading, listItem's paragraph… */
  kind: string;
  sentences: PassportSentence[];
}

export interface PassportVote extends VoteCodes {
  question: string;
  method: string;
  status: 'open' | 'closed';
  openedAt: string;
  closedAt: string | null;
  /** Members present when it opened, and how many ballots quorum needed. */
  eligible: number;
  quorumNeeded: number;
  /** Once closed: how many ballots were counted, whether it passed, why, and the counts per choice. */
  ballots: number | null;
  passed: boolean | null;
  explanation: string | null;
  counts: Record<string, number> | null;
}

export interface PassportAmendment {
  number: number;
  text: string;
  reason: string;
  status: string;
  proposer: string;
  cosigners: string[];
  /** A change suggested in place: the words it replaced (null: new wording of the whole text). */
  replaced: string | null;
  vote: PassportVote | null;
}

export interface PassportCitation {
  /** "Evidence 3" in the assembly's library. */
  number: number;
  kind: string;
  title: string;
  speaker: string;
  links: string[];
}

/**
 * The file as downloaded: the passport, when it was exported (outside the hash, so the same
 * passport has the same hash whenever it is downloaded), and the hash of `passport`.
 */
export interface PassportExport {
  passport: StandardPassport;
  exportedAt: string;
  hash: { algorithm: 'SHA-256'; of: 'passport'; canonical: string; recompute: string; value: string };
}

export const PASSPORT_CANONICAL =
  'JSON of the "passport" object with every object’s keys sorted, no whitespace, UTF-8, characters unescaped except " \\ and control characters (U+007F as \\u007f)';
export const PASSPORT_RECOMPUTE =
  'jq -cjS .passport passport.json | sha256sum   (or: npm run verify-passport -- passport.json)';

/**
 * The canonical serialisation the hash is taken over: the audit chain's canonical JSON (keys
 * sorted at every level, no whitespace), which is what `jq -cjS` prints, with DEL escaped as jq
 * escapes it. Arrays keep their order.
 */
export const passportCanonicalJson = (value: unknown): string => canonicalJson(value).replace(/\u007f/g, '\\u007f');

/** The SHA-256 (hex) of the passport's canonical serialisation. */
export const passportHash = (passport: StandardPassport): Promise<string> => sha256Hex(passportCanonicalJson(passport));

/** The passport with its hash, as the export route sends it. */
export async function sealPassport(passport: StandardPassport, exportedAt: Date): Promise<PassportExport> {
  return {
    passport,
    exportedAt: exportedAt.toISOString(),
    hash: {
      algorithm: 'SHA-256',
      of: 'passport',
      canonical: PASSPORT_CANONICAL,
      recompute: PASSPORT_RECOMPUTE,
      value: await passportHash(passport),
    },
  };
}

/** Whether a downloaded file's passport still has the hash it names. */
export async function verifyPassport(file: PassportExport): Promise<{ ok: boolean; computed: string }> {
  const computed = await passportHash(file.passport);
  return { ok: computed === file.hash.value, computed };
}

/** The export route with a standard's id filled in. */
export const passportPath = (standardId: string): string =>
  `/api/export/passport/${encodeURIComponent(standardId)}.json`;
