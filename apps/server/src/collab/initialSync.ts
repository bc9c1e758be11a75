import { ErrorCode, refusal } from '@moot/protocol';
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
export const PACED_BYTES = 256 * 1024;
/**
 * How many openers of a large document share one packet in one turn. Socket.IO copies the whole
 * document into each packet it encodes, and that copy, not the socket writes (the kernel takes
 * what fits and the rest waits without a copy), is what a crowd costs: one packet per 16 openers
 * instead of one each cut the copying and the garbage sixteenfold (16 MB, 100 openers: 1.6 GB).
 */
export const OPENERS_PER_TURN = 16;

/**
 * Answers openers with the sync step 2 they need. Everyone who arrives with nothing (the
 * usual case: observers, fresh tabs) gets the whole document; those arriving together share
 * one message, encoded once per document version and sent as one packet to all of them
 * (Socket.IO encodes a broadcast once), and the document is encoded once per version. Large
 * documents are answered one batch of up to `OPENERS_PER_TURN` per event-loop turn, so the loop
 * is never blocked for a whole crowd in one stretch.
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
        throw new AppError(
          ErrorCode.badRequest,
          'The state vector could not be decoded',
          refusal('document', 'undecodable'),
        );
      }
      return this.deliver(live.docId, message, [recipient]);
    }
    let batch = this.batches.get(live);
    const full = batch && paced && batch.recipients.length >= OPENERS_PER_TURN;
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
