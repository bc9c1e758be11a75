import type { CommentView } from '@moot/protocol';
import type { AssemblySocket, WatchSocket } from '../../collab/transport.ts';

/** Undefined until the server's first `comments:state`. */
export type CommentsSnapshot = readonly CommentView[] | undefined;

/**
 * The comments on every standard as the server last sent them (the whole list on connection and
 * after every change, each audience its own view). Created before the socket connects, so the
 * first list is never missed.
 */
export class CommentsStore {
  private comments: CommentsSnapshot = undefined;
  private readonly listeners = new Set<() => void>();
  private readonly socket: AssemblySocket;

  constructor(socket: AssemblySocket | WatchSocket) {
    // Both namespaces carry `comments:state`; the union's overloads do not narrow.
    this.socket = socket as AssemblySocket;
    this.socket.on('comments:state', this.onState);
  }

  getSnapshot = (): CommentsSnapshot => this.comments;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    this.socket.off('comments:state', this.onState);
    this.listeners.clear();
  }

  private readonly onState = ({ comments }: { comments: CommentView[] }) => {
    this.comments = comments;
    for (const listener of this.listeners) listener();
  };
}
