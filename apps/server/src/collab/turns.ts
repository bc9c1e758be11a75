/**
 * Hands out turns one per event-loop iteration. Heavy work that many callers would otherwise
 * run back to back in one go (a hundred observers resuming at once when a large document
 * finishes loading, each sending it) waits for its turn, so timers and I/O run in between and
 * no single stretch blocks the loop for the sum of them.
 */
export class Turns {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  next(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.waiting.length === 0) return;
    this.scheduled = true;
    // An immediate queued while immediates run waits for the next iteration: one turn each.
    setImmediate(() => {
      this.scheduled = false;
      this.waiting.shift()!();
      this.schedule();
    });
  }
}
