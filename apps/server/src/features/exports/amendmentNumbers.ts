import type { Queryable } from '../../storage/database.ts';
import { MARKDOWN_ENGLISH, type MarkdownWords } from './markdownWords.ts';

export interface NumberedAmendment {
  id: string;
  /** 1, 2, 3… per standard, in the order they were proposed: how the record names an amendment. */
  number: number;
  standardId: string;
  standard: string;
  text: string;
  status: string;
  voteId: string | null;
}

/** Every amendment of the assembly by id, numbered per standard in order of proposal. */
export async function amendmentNumbers(db: Queryable, assemblyId: string): Promise<Map<string, NumberedAmendment>> {
  const rows = await db.query<NumberedAmendment>(
    `SELECT a.id::text, a.standard_id::text AS "standardId", s.title AS standard, a.text, a.status, a.vote_id::text AS "voteId",
       (row_number() OVER (PARTITION BY a.standard_id ORDER BY a.created_at, a.id))::int AS number
     FROM amendments a JOIN standards s ON s.id = a.standard_id WHERE a.assembly_id = $1
     ORDER BY a.created_at, a.id`,
    [assemblyId],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** "amendment 2: “Leaders answer every…”": its number and its first words, never its id (Welsh: "gwelliant 2: …"). */
export function amendmentName(
  amendment: Pick<NumberedAmendment, 'number' | 'text'>,
  { amendment: named }: Pick<MarkdownWords, 'amendment'> = MARKDOWN_ENGLISH,
): string {
  const words = amendment.text.trim().split(/\s+/);
  return named(amendment.number, `${words.slice(0, 6).join(' ')}${words.length > 6 ? '…' : ''}`);
}
