import { describe, expect, it } from 'vitest';
import { consensusMap, mostDivisive } from './consensusMap.ts';
import { meanSilhouette, opinionGroups, type MarkValue } from './opinionGroups.ts';

const A = 1 as const;
const D = -1 as const;
const P = 0 as const;
const _ = null;
const rows = (count: number, row: MarkValue[]): MarkValue[][] => Array.from({ length: count }, () => [...row]);

describe('the consensus map, against worked examples', () => {
  // Two camps of four: the A camp agrees with paragraphs 1 and 2 and disagrees with 3, the
  // D camp the opposite; both agree with paragraph 4.
  const twoCamps = [...rows(4, [A, A, D, A]), ...rows(4, [D, D, A, A])];

  it('finds the two camps, and scores each paragraph by every group’s smoothed agreement', () => {
    const groups = opinionGroups(twoCamps);
    expect(groups.k).toBe(2);
    expect(groups.silhouette).toBeCloseTo(1, 9); // each camp sits on one point
    expect(new Set(groups.groupOf.slice(0, 4)).size).toBe(1);
    expect(new Set(groups.groupOf.slice(4)).size).toBe(1);
    expect(groups.groupOf[0]).not.toBe(groups.groupOf[4]);

    const map = consensusMap(twoCamps);
    expect(map.groupSizes).toEqual([4, 4]);
    // Paragraph 4: both groups 4 of 4 → (5/6)·(5/6). Paragraphs 1–3: (5/6)·(1/6).
    expect(map.paragraphs.map((p) => p.bridging)).toEqual(
      [5 / 36, 5 / 36, 5 / 36, 25 / 36].map((x) => expect.closeTo(x, 12) as unknown as number),
    );
    expect(map.paragraphs[0]!.division).toBeCloseTo(5 / 6 - 1 / 6, 12);
    expect(map.paragraphs[3]!.division).toBe(0);
    expect(map.paragraphs.map((p) => p.reading)).toEqual(['division', 'division', 'division', 'agreement']);
    expect(map.paragraphs[0]).toMatchObject({ agree: 4, disagree: 4, pass: 0 });
    expect(mostDivisive(map).slice(-1)).toEqual([3]);
  });

  it('ranks a paragraph every group supports above one that a larger group alone supports', () => {
    // Six members in one camp, two in the other (paragraphs 1–3 tell them apart). Paragraph X:
    // the six agree, the two disagree (6 agrees). Paragraph Y: two of the six and both of the
    // two agree, the rest left it unmarked (4 agrees). Unmarked cells take the paragraph's mean
    // (here 1), so each camp is still one point.
    const big: MarkValue[] = [A, A, A, A, A];
    const matrix = [...rows(2, big), ...rows(4, [A, A, A, A, _]), ...rows(2, [D, D, D, D, A])];
    const map = consensusMap(matrix);
    expect(map.groupSizes.toSorted()).toEqual([2, 6]);
    const [x, y] = [map.paragraphs[3]!, map.paragraphs[4]!];
    expect(x.agree).toBe(6);
    expect(y.agree).toBe(4);
    expect(x.bridging).toBeCloseTo((7 / 8) * (1 / 4), 12);
    expect(y.bridging).toBeCloseTo((3 / 4) * (3 / 4), 12);
    expect(y.bridging).toBeGreaterThan(x.bridging);
  });

  it('picks k by silhouette: three camps give three groups', () => {
    const matrix = [...rows(4, [A, A, D, D, P, A]), ...rows(4, [D, D, A, A, P, A]), ...rows(4, [A, D, A, D, A, D])];
    const groups = opinionGroups(matrix);
    expect(groups.k).toBe(3);
    for (const camp of [0, 4, 8]) expect(new Set(groups.groupOf.slice(camp, camp + 4)).size).toBe(1);
    expect(new Set([groups.groupOf[0], groups.groupOf[4], groups.groupOf[8]]).size).toBe(3);
  });

  it('computes the silhouette of a known split', () => {
    // a = 1 for every point; b = 10.5, 9.5, 9.5, 10.5.
    const expected = (2 * (9.5 / 10.5) + 2 * (8.5 / 9.5)) / 4;
    expect(meanSilhouette([[0], [1], [10], [11]], [0, 0, 1, 1])).toBeCloseTo(expected, 12);
    expect(meanSilhouette([[0], [5]], [0, 1])).toBe(0); // singletons score 0
  });

  it('keeps everyone in one group when the marks cannot split', () => {
    expect(opinionGroups(rows(8, [A, A, A])).k).toBe(1); // all alike
    expect(opinionGroups([...rows(2, [A, A, A]), ...rows(1, [D, D, D])]).k).toBe(1); // too few members
    const map = consensusMap(rows(3, [A, D, _]));
    expect(map.groupSizes).toEqual([3]);
    expect(map.paragraphs[0]!.bridging).toBeCloseTo(4 / 5, 12); // (3 + 1) / (3 + 2)
    expect(map.paragraphs[2]!.reading).toBe('too_few');
    expect(map.paragraphs[1]!.reading).toBe('disagreement');
  });

  it('leaves out of the groups a member with too few marks, but counts their marks', () => {
    const matrix = [...twoCamps, [A, _, _, _]];
    const groups = opinionGroups(matrix);
    expect(groups.groupOf[8]).toBeNull();
    const map = consensusMap(matrix);
    expect(map.paragraphs[0]!.agree).toBe(5);
    expect(map.groupSizes).toEqual([4, 4]);
    expect(map.members).toBe(9);
  });

  it('is deterministic, and does not depend on the order of members', () => {
    const matrix = [
      ...rows(3, [A, A, D, D, P, A]),
      [A, A, D, _, P, A],
      ...rows(3, [D, D, A, A, P, A]),
      [D, P, A, A, _, A],
      ...rows(2, [A, D, A, D, A, D]),
    ];
    const first = opinionGroups(matrix).groupOf;
    expect(opinionGroups(matrix).groupOf).toEqual(first);
    const order = matrix.map((_, i) => i).reverse();
    const reversed = opinionGroups(order.map((i) => matrix[i]!)).groupOf;
    const together = (groupOf: (number | null)[], i: number, j: number) => groupOf[i] === groupOf[j];
    for (let i = 0; i < matrix.length; i++)
      for (let j = 0; j < matrix.length; j++)
        expect(together(reversed, order.indexOf(i), order.indexOf(j))).toBe(together(first, i, j));
  });
});
