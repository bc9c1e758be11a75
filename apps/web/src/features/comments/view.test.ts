import { LIMITS } from '@moot/protocol';
import type { CommentView } from '@moot/protocol';
import { describe, expect, it } from 'vitest';
import { checkComment, commentsByStandard, commentsOf, newCommentCounts, newComments } from './view.ts';

const comment = (id: string, standardId: string, postedAt: number): CommentView => ({
  id,
  standardId,
  author: 'Ada',
  text: `text ${id}`,
  postedAt,
  hidden: null,
});

describe('commentsByStandard', () => {
  it('groups by standard, oldest first, ties in id order', () => {
    const groups = commentsByStandard([
      comment('c', 's1', 30),
      comment('b', 's2', 10),
      comment('z', 's1', 10),
      comment('a', 's1', 10),
    ]);
    expect(commentsOf(groups, 's1').map((c) => c.id)).toEqual(['a', 'z', 'c']);
    expect(commentsOf(groups, 's2').map((c) => c.id)).toEqual(['b']);
    expect(commentsOf(groups, 'none')).toEqual([]);
  });

  it('does not reorder the list it was given', () => {
    const list = [comment('b', 's', 2), comment('a', 's', 1)];
    commentsByStandard(list);
    expect(list.map((c) => c.id)).toEqual(['b', 'a']);
  });
});

describe('checkComment', () => {
  it('trims and accepts up to the limit', () => {
    expect(checkComment('  hello \n')).toEqual({ ok: true, text: 'hello' });
    expect(checkComment(` ${'x'.repeat(LIMITS.maxCommentLength)} `)).toEqual({
      ok: true,
      text: 'x'.repeat(LIMITS.maxCommentLength),
    });
  });

  it('refuses blank and too long text', () => {
    expect(checkComment('   \n ')).toEqual({ ok: false, problem: 'empty' });
    expect(checkComment('x'.repeat(LIMITS.maxCommentLength + 1))).toEqual({ ok: false, problem: 'tooLong' });
  });
});

describe('newComments', () => {
  it('announces nothing on the first list', () => {
    expect(newComments(undefined, [comment('a', 's', 1)])).toEqual([]);
  });

  it('finds the comments that were not there before, ignoring changes to known ones', () => {
    const a = comment('a', 's', 1);
    const hiddenA = { ...a, text: null, hidden: { reason: 'off_topic' as const, note: null } };
    const b = comment('b', 's', 2);
    expect(newComments([a], [hiddenA, b])).toEqual([b]);
    expect(newComments([a, b], [a])).toEqual([]);
  });
});

describe('newCommentCounts', () => {
  it('counts per standard in charter order and skips unknown standards', () => {
    const standards = [
      { id: 's1', title: 'Respect' },
      { id: 's2', title: 'Time' },
    ];
    const counts = newCommentCounts(
      [comment('a', 's2', 1), comment('b', 'gone', 1), comment('c', 's1', 1), comment('d', 's2', 2)],
      standards,
    );
    expect(counts).toEqual([
      { title: 'Respect', count: 1 },
      { title: 'Time', count: 2 },
    ]);
  });
});
