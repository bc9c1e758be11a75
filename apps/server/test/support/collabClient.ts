import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Ack, ProtocolError } from '@moot/protocol';
import type { MemberSocket } from './harness.ts';

const bytes = (b: Uint8Array | ArrayBuffer): Uint8Array => (b instanceof Uint8Array ? b : new Uint8Array(b));

/**
 * A headless co-editor: the same y-protocols exchange the browser's provider performs, over
 * a real socket.io-client. Counts what it receives so tests can prove what did not arrive.
 */
export class CollabClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  unacked = 0;
  readonly refusals: ProtocolError[] = [];
  /** Every sync message received, for echo and leak checks. */
  readonly received: Uint8Array[] = [];
  /** Markers whose update the server acknowledged as stored, in order. */
  readonly acked: string[] = [];
  private nextLabel: string | null = null;

  constructor(
    readonly socket: MemberSocket,
    readonly docId: string,
  ) {
    socket.on('doc:sync', this.onSync);
    socket.on('doc:awareness', this.onAwareness);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      const encoder = encoding.createEncoder();
      syncProtocol.writeUpdate(encoder, update);
      const label = this.nextLabel;
      this.nextLabel = null;
      this.send(encoding.toUint8Array(encoder), label);
    });
  }

  private readonly onSync = ({ docId, message }: { docId: string; message: Uint8Array }) => {
    if (docId !== this.docId) return;
    this.received.push(bytes(message));
    const encoder = encoding.createEncoder();
    syncProtocol.readSyncMessage(decoding.createDecoder(bytes(message)), encoder, this.doc, this);
    if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder));
  };

  private readonly onAwareness = ({ docId, update }: { docId: string; update: Uint8Array }) => {
    if (docId === this.docId) awarenessProtocol.applyAwarenessUpdate(this.awareness, bytes(update), this);
  };

  /** Stops listening on the socket (the socket itself stays open). */
  detach(): void {
    this.socket.off('doc:sync', this.onSync);
    this.socket.off('doc:awareness', this.onAwareness);
  }

  /** Appends a unique marker as one update, remembered in `acked` once the server stored it. */
  edit(marker: string): void {
    this.nextLabel = marker;
    this.text.insert(this.text.length, marker);
  }

  async open(): Promise<void> {
    const ack = await this.socket.emitWithAck('doc:open', { docId: this.docId });
    if (!ack.ok) throw new Error(`open refused: ${ack.error.code}`);
    const encoder = encoding.createEncoder();
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.send(encoding.toUint8Array(encoder));
  }

  /** Sends raw bytes as a sync message and resolves with the server's ack. */
  sendRaw(message: Uint8Array): Promise<Ack<null>> {
    return this.socket.emitWithAck('doc:sync', { docId: this.docId, message });
  }

  get text(): Y.Text {
    return this.doc.getText('t');
  }

  setPresence(state: Record<string, unknown>): void {
    this.awareness.setLocalState(state);
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]);
    this.socket.emit('doc:awareness', { docId: this.docId, update });
  }

  private send(message: Uint8Array, label: string | null = null): void {
    this.unacked++;
    this.socket.emit('doc:sync', { docId: this.docId, message }, (ack: Ack<null>) => {
      this.unacked--;
      if (!ack.ok) this.refusals.push(ack.error);
      else if (label) this.acked.push(label);
    });
  }

  /** Carries this client's document (with any edits not yet sent) over to a new socket, as the browser does on reconnect. */
  async moveTo(socket: MemberSocket): Promise<CollabClient> {
    const next = new CollabClient(socket, this.docId);
    // Applied as the client itself, so it is not sent before the document is open; step 2 carries it.
    Y.applyUpdate(next.doc, Y.encodeStateAsUpdate(this.doc), next);
    next.acked.push(...this.acked);
    await next.open();
    return next;
  }
}

/** Frames a raw Yjs update as a y-protocols "update" sync message. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A paragraph as the browser's editor (TipTap's StarterKit) writes it into a rich-text field. */
export function paragraph(value: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, value);
  p.insert(0, [t]);
  return p;
}
