import { describe, expect, it } from 'vitest';
import type { ParagraphConsensus, StandardConsensus } from '@moot/protocol';
import { orderedParagraphs, ownMarksOn, paragraphRows } from './view.ts';

const paragraph = (key: string, more: Partial<ParagraphConsensus>): ParagraphConsensus => ({
  paragraph: key,
  opening: key,
  agree: 0,
  disagree: 0,
  pass: 0,
  groups: [],
  bridging: 0.5,
  division: 0,
  reading: 'mixed',
  earlier: 0,
  wording: `w-${key}`,
  ...more,
});
const map: StandardConsensus = {
  standardId: 's',
  groupSizes: [3, 2],
  members: 5,
  paragraphs: [
    paragraph('1:0', { division: 0.1 }),
    paragraph('1:5', { reading: 'too_few', division: 0.9 }),
    paragraph('1:9', { division: 0.6, reading: 'division' }),
    paragraph('2:0', { division: 0.6, bridging: 0.2, reading: 'division' }),
  ],
};

describe('the consensus map on screen', () => {
  it('orders paragraphs most divisive first, ties by lower bridging, too few marks last', () => {
    expect(orderedParagraphs(map, false).map((p) => p.paragraph)).toEqual(['1:0', '1:5', '1:9', '2:0']);
    expect(orderedParagraphs(map, true).map((p) => p.paragraph)).toEqual(['2:0', '1:9', '1:0', '1:5']);
  });

  it('tells a member which of their marks were given to an earlier wording', () => {
    const own = ownMarksOn(map, [
      { standardId: 's', paragraph: '1:0', mark: 'agree', wording: 'w-1:0' },
      { standardId: 's', paragraph: '1:9', mark: 'pass', wording: 'older' },
      { standardId: 'other', paragraph: '2:0', mark: 'agree', wording: 'w-2:0' },
      { standardId: 's', paragraph: '9:9', mark: 'agree', wording: 'gone' },
    ]);
    expect([...own]).toEqual([
      ['1:0', { mark: 'agree', earlier: false }],
      ['1:9', { mark: 'pass', earlier: true }],
    ]);
  });
});

describe('the rows a marking member sees', () => {
  it('follows the live text, with the map’s counts where it has them', () => {
    const rows = paragraphRows('s', map, [
      { key: '1:9', text: 'Third' },
      { key: '3:0', text: 'Typed just now' },
    ])!;
    expect(rows.paragraphs.map((p) => [p.paragraph, p.reading])).toEqual([
      ['1:9', 'division'],
      ['3:0', 'too_few'],
    ]);
    expect(rows.paragraphs[1]).toMatchObject({ opening: 'Typed just now', agree: 0 });
    expect(paragraphRows('s', map, null)).toBe(map);
    expect(paragraphRows('s', undefined, [])!.paragraphs).toEqual([]);
  });
});
