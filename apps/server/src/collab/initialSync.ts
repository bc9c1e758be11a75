import { ErrorCode } from '@moot/protocol';
import { AppError } from '../realtime/appError.ts';
import type { LiveDocument } from './liveDocument.ts';
import { Turns } from './turns.ts';

/** Someone who opened a document and waits for its sync step 2. */
export interface SyncRecipient {
  socketId: string;
  /** On `/watch` rather than the assembly namespace. */
  watcher: boolean;
}

/** Documents at least this large are sent one batch of openers per event-loop turn. */
const PACED_BYTES = 256 * 1024;
/** About how much a paced batch may write in one turn (at least one opener): the socket writes are the cost. */
const BYTES_PER_TURN = 4 * 1024 * 1024;

/**
 * Answers openers with the sync step 2 they need. Everyone who arrives with nothing (the
 * usual case: observers, fresh tabs) gets the whole document; those arriving together share
 * one message, encoded once per document version and sent as one packet to all of them
 * (Socket.IO encodes a broadcast once), and the document is encoded once per version. Large
 * documents are answered one batch per event-loop turn, a batch writing about 4 MB at most,
 * so the loop is never blocked for a whole crowd in one stretch.
 */
export class InitialSync {
  private readonly turns = new Turns();
  private readonly batches = new Map<LiveDocument, { recipients: SyncRecipient[]; sent: Promise<void> }>();

  constructor(private readonly deliver: (docId: string, message: Uint8Array, to: SyncRecipient[]) => void) {}

  /** Resolves once the step 2 answering `stateVector` (none: the whole document) is on its way to `recipient`. */
  async send(live: LiveDocument, recipient: SyncRecipient, stateVector?: Uint8Array): Promise<void> {
    const paced = live.approximateSize >= PACED_BYTES;
    if (stateVector && !(stateVector.byteLength === 1 && stateVector[0] === 0)) {
      if (paced) await this.turns.next();
      let message: Uint8Array;
      try {
        message = live.step2For(stateVector);
      } catch {
        throw new AppError(ErrorCode.badRequest, 'The state vector could not be decoded');
      }
      return this.deliver(live.docId, message, [recipient]);
    }
    let batch = this.batches.get(live);
    const full = batch && paced && (batch.recipients.length + 1) * live.approximateSize > BYTES_PER_TURN;
    if (!batch || full) {
      const recipients: SyncRecipient[] = [];
      const sent = (paced ? this.turns.next() : Promise.resolve()).then(() => {
        if (this.batches.get(live)?.sent === sent) this.batches.delete(live);
        this.deliver(live.docId, live.step2For(), recipients);
      });
      batch = { recipients, sent };
      this.batches.set(live, batch);
    }
    batch.recipients.push(recipient);
    return batch.sent;
  }
}
