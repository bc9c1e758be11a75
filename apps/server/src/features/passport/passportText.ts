import type { PassportAuthor, PassportBlock, PassportRun, PassportSentence } from '@moot/protocol';
import type { DiffBlock } from '../../collab/documentDiff.ts';

/** What the passport needs to know of a Yjs client id: who wrote under it and, if an adopted amendment did, its number. */
export interface ClientOrigin {
  /** A key that is the same for the same writer (a participant's id, "decision", "unknown"). */
  key: string;
  author: Omit<PassportAuthor, 'characters'>;
  amendment: number | null;
}

// Sentences are cut the way the language does (abbreviations, quotes, "?!"), not on every full stop.
const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * The text's blocks as the passport shows them: each block cut into sentences, each sentence
 * into runs of one writer and one amendment (neighbouring Yjs items of the same person and
 * decision are one run however many edits or devices wrote them).
 */
export function passportText(
  blocks: DiffBlock[],
  originOf: (client: number) => ClientOrigin,
): { authors: PassportAuthor[]; blocks: PassportBlock[] } {
  const authors: PassportAuthor[] = [];
  const indexOf = new Map<string, number>();
  const authorIndex = (origin: ClientOrigin): number => {
    let index = indexOf.get(origin.key);
    if (index === undefined) {
      index = authors.push({ ...origin.author, characters: 0 }) - 1;
      indexOf.set(origin.key, index);
    }
    return index;
  };
  const shown: PassportBlock[] = [];
  for (const block of blocks) {
    const runs: PassportRun[] = [];
    for (const run of block.runs) {
      if (run.change !== 'kept') continue;
      const origin = originOf(run.client);
      const author = authorIndex(origin);
      authors[author]!.characters += [...run.text].length;
      const last = runs.at(-1);
      if (last && last.author === author && last.amendment === origin.amendment) last.text += run.text;
      else runs.push({ text: run.text, author, amendment: origin.amendment });
    }
    if (runs.length > 0) shown.push({ kind: block.kind, sentences: cutIntoSentences(runs) });
  }
  return { authors, blocks: shown };
}

/** The block's runs cut at its sentences' boundaries (a run across two sentences becomes two). */
export function cutIntoSentences(runs: PassportRun[]): PassportSentence[] {
  const text = runs.map((r) => r.text).join('');
  const ends = [...sentences.segment(text)].map((s) => s.index + s.segment.length);
  const result: PassportSentence[] = [];
  let current: PassportRun[] = [];
  let at = 0;
  let end = ends.shift() ?? text.length;
  for (const run of runs) {
    let rest = run.text;
    while (rest.length > 0) {
      const take = Math.min(rest.length, end - at);
      current.push({ ...run, text: rest.slice(0, take) });
      rest = rest.slice(take);
      at += take;
      if (at === end) {
        result.push(sentenceOf(current));
        current = [];
        end = ends.shift() ?? text.length;
      }
    }
  }
  if (current.length > 0) result.push(sentenceOf(current));
  return result;
}

function sentenceOf(runs: PassportRun[]): PassportSentence {
  const unique = <T>(values: T[]) => [...new Set(values)];
  return {
    runs,
    authors: unique(runs.map((r) => r.author)),
    amendments: unique(runs.flatMap((r) => (r.amendment === null ? [] : [r.amendment]))),
  };
}
