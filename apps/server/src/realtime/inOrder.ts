/**
 * Runs async work one item at a time, in the order it was queued. A socket's Yjs messages
 * must be applied in the order they were sent: their handlers await (access checks, the
 * database), and two awaits can finish in either order — an update applied before the one it
 * builds on would be refused as having missing dependencies.
 */
export class InOrder {
  // Created on the first message: most observers never send one, and a socket should cost little.
  private tail: Promise<unknown> | null = null;

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = (this.tail ?? Promise.resolve()).then(work);
    this.tail = result.catch(() => {});
    return result;
  }
}
