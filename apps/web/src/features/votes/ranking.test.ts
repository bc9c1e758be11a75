import { describe, expect, it } from 'vitest';
import { moveItem, rankOption, unrankedOptions, unrankOption } from './ranking.ts';

describe('moveItem', () => {
  it('moves up and down by one, and to either end', () => {
    const list = ['a', 'b', 'c', 'd'];
    expect(moveItem(list, 2, 1)).toEqual(['a', 'c', 'b', 'd']);
    expect(moveItem(list, 1, 2)).toEqual(['a', 'c', 'b', 'd']);
    expect(moveItem(list, 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveItem(list, 0, 3)).toEqual(['b', 'c', 'd', 'a']);
    expect(list).toEqual(['a', 'b', 'c', 'd']);
  });

  it('clamps past the ends and ignores an unknown position', () => {
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 1, 5)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 0, 5)).toEqual(['b', 'a']);
    expect(moveItem(['a', 'b'], 7, 0)).toEqual(['a', 'b']);
  });
});

describe('ranking options', () => {
  it('adds at the bottom once, removes keeping the order, and lists the rest in ballot order', () => {
    let ranking = rankOption([], 2);
    ranking = rankOption(ranking, 0);
    ranking = rankOption(ranking, 2);
    expect(ranking).toEqual([2, 0]);
    expect(unrankedOptions(ranking, 4)).toEqual([1, 3]);
    ranking = rankOption(ranking, 3);
    expect(unrankOption(ranking, 0)).toEqual([2, 3]);
    expect(unrankedOptions([], 3)).toEqual([0, 1, 2]);
  });
});
