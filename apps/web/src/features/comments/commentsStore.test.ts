import type { CommentView } from '@moot/protocol';
import { describe, expect, it, vi } from 'vitest';
import type { AssemblySocket } from '../../collab/transport.ts';
import { CommentsStore } from './commentsStore.ts';

type Handler = (...args: unknown[]) => void;

function fakeSocket() {
  const handlers = new Map<string, Set<Handler>>();
  const socket = {
    on: (event: string, handler: Handler) => handlers.set(event, (handlers.get(event) ?? new Set()).add(handler)),
    off: (event: string, handler: Handler) => handlers.get(event)?.delete(handler),
  };
  const fire = (event: string, ...args: unknown[]) => handlers.get(event)?.forEach((h) => h(...args));
  const listening = () => [...handlers.values()].reduce((n, set) => n + set.size, 0);
  return { socket: socket as unknown as AssemblySocket, fire, listening };
}

const comments: CommentView[] = [
  { id: 'c1', standardId: 's1', author: 'Member 3', text: 'Hi', postedAt: 1, hidden: null },
];

describe('CommentsStore', () => {
  it('is undefined until the first list, then keeps the last one and tells subscribers', () => {
    const { socket, fire } = fakeSocket();
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
    const { socket, fire, listening } = fakeSocket();
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
