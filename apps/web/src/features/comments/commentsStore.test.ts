import type { CommentView } from '@moot/protocol';
import { describe, expect, it, vi } from 'vitest';
import { fakeBroadcasts } from '../../../test/support/fakeBroadcasts.ts';
import { CommentsStore } from './commentsStore.ts';

const comments: CommentView[] = [
  { id: 'c1', standardId: 's1', author: 'Member 3', text: 'Hi', postedAt: 1, hidden: null },
];

describe('CommentsStore', () => {
  it('is undefined until the first list, then keeps the last one and tells subscribers', () => {
    const { socket, fire } = fakeBroadcasts();
    const store = new CommentsStore(socket);
    const listener = vi.fn();
    store.subscribe(listener);
    expect(store.getSnapshot()).toBeUndefined();
    fire('comments:state', { comments });
    expect(store.getSnapshot()).toBe(comments);
    fire('comments:state', { comments: [] });
    expect(store.getSnapshot()).toEqual([]);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('stops listening when destroyed or unsubscribed', () => {
    const { socket, fire, listening } = fakeBroadcasts();
    const store = new CommentsStore(socket);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    unsubscribe();
    fire('comments:state', { comments });
    expect(listener).not.toHaveBeenCalled();
    store.destroy();
    expect(listening()).toBe(0);
  });
});
