import {
  openingOf,
  paragraphsOf,
  standardDocId,
  unmarkedParagraph,
  type Paragraph,
  type StandardConsensus,
} from '@moot/protocol';
import { loadDocument, replay } from '../../collab/documentStore.ts';
import type { Queryable } from '../../storage/database.ts';
import { consensusMap } from './consensusMap.ts';
import { marksOn, type StoredMark } from './markStore.ts';
import type { MarkValue } from './opinionGroups.ts';
import { wordingOf } from './paragraphs.ts';

const VALUE: Record<StoredMark['mark'], MarkValue> = { agree: 1, disagree: -1, pass: 0 };

/** The standard's paragraphs as its stored text has them now. */
export async function currentParagraphs(db: Queryable, standardId: string): Promise<Paragraph[]> {
  const stored = await loadDocument(db, standardDocId(standardId));
  const doc = replay(stored.snapshot, stored.updates);
  try {
    return paragraphsOf(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * The consensus map of one standard from its current text and every mark on it: a mark counts
 * where it was given to the paragraph's current wording, and is counted as "earlier" otherwise.
 */
export async function standardMap(db: Queryable, standardId: string): Promise<StandardConsensus> {
  const [paragraphs, marks] = await Promise.all([currentParagraphs(db, standardId), marksOn(db, standardId)]);
  return mapOf(standardId, paragraphs, marks);
}

/** The pure part of `standardMap`: paragraphs and marks in, the public aggregate out. */
export function mapOf(
  standardId: string,
  paragraphs: readonly Paragraph[],
  marks: readonly StoredMark[],
): StandardConsensus {
  const wordings = paragraphs.map((p) => wordingOf(p.text));
  const column = new Map(paragraphs.map((p, i) => [p.key, i]));
  const rows = new Map<string, MarkValue[]>();
  const earlier = paragraphs.map(() => 0);
  for (const mark of marks) {
    const i = column.get(mark.paragraph);
    if (i === undefined) continue; // the paragraph was deleted
    if (mark.wording !== wordings[i]) {
      earlier[i]!++;
      continue;
    }
    let row = rows.get(mark.participantId);
    if (!row) rows.set(mark.participantId, (row = paragraphs.map(() => null)));
    row[i] = VALUE[mark.mark];
  }
  const map = consensusMap([...rows.values()]);
  return {
    standardId,
    groupSizes: map.groupSizes,
    members: map.members,
    paragraphs: paragraphs.map((p, i) => ({
      ...unmarkedParagraph(p.key, openingOf(p.text), wordings[i]),
      ...map.paragraphs[i],
      earlier: earlier[i]!,
    })),
  };
}
