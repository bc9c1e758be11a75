import { openingOf, unmarkedParagraph } from '@moot/protocol';
import type { OwnMark, Paragraph, ParagraphConsensus, StandardConsensus } from '@moot/protocol';

/** The map's paragraphs in text order, or most divisive first (those with too few marks last). */
export function orderedParagraphs(map: StandardConsensus, divisiveFirst: boolean): ParagraphConsensus[] {
  if (!divisiveFirst) return map.paragraphs;
  const readable = (p: ParagraphConsensus) => (p.reading === 'too_few' ? 1 : 0);
  return map.paragraphs
    .map((p, index) => ({ p, index }))
    .sort(
      (a, b) =>
        readable(a.p) - readable(b.p) ||
        b.p.division - a.p.division ||
        a.p.bridging - b.p.bridging ||
        a.index - b.index,
    )
    .map(({ p }) => p);
}

export interface OwnParagraphMark {
  mark: OwnMark['mark'];
  /** Given to a wording the paragraph no longer has. */
  earlier: boolean;
}

/** The member's own mark on each paragraph of this map, by paragraph key. */
export function ownMarksOn(map: StandardConsensus, mine: readonly OwnMark[]): Map<string, OwnParagraphMark> {
  const wordings = new Map(map.paragraphs.map((p) => [p.paragraph, p.wording]));
  return new Map(
    mine
      .filter((m) => m.standardId === map.standardId && wordings.has(m.paragraph))
      .map((m) => [m.paragraph, { mark: m.mark, earlier: wordings.get(m.paragraph) !== m.wording }]),
  );
}

/** A paragraph's share of agreement across groups as a whole percentage (for the table). */
export const bridgingPercent = (p: ParagraphConsensus): number => Math.round(p.bridging * 100);

/**
 * What the panel lists: the map as the server computed it, or, for a member who marks, the
 * paragraphs as their copy of the text has them now, each with the map's counts where it has
 * them (a paragraph typed a moment ago has none yet).
 */
export function paragraphRows(
  standardId: string,
  map: StandardConsensus | undefined,
  live: readonly Paragraph[] | null,
): StandardConsensus | undefined {
  if (!live) return map;
  const computed = new Map(map?.paragraphs.map((p) => [p.paragraph, p]));
  return {
    standardId,
    groupSizes: map?.groupSizes ?? [],
    members: map?.members ?? 0,
    paragraphs: live.map((p) => computed.get(p.key) ?? unmarkedParagraph(p.key, openingOf(p.text))),
  };
}
