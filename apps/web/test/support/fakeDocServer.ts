import { ErrorCode, fail, ok } from '@moot/protocol';
import type { Ack, AwarenessMessage, SyncMessage } from '@moot/protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { DocumentEvents, DocumentWriter } from '../../src/collab/transport.ts';

/**
 * The outside world of the document provider, in memory: a server that speaks the document
 * part of the protocol (canonical Y.Doc per document, rooms, step 1 on open, acks once
 * "stored", refusal of locked documents) and connections that behave like a Socket.IO socket.
 *
 * Nothing is delivered until `run()`: every message (either way) waits in one queue, so tests
 * choose when the network moves, and a disconnect loses whatever is still in flight — the
 * messages and their acks — as a real one does.
 */
export class FakeDocServer {
  readonly docs = new Map<string, Y.Doc>();
  readonly locked = new Set<string>();
  /** Send step 1 before acking `doc:open` (the protocol allows either order). */
  step1BeforeAck = false;
  /** Also send observers a step 1, as a server answering both ways might. */
  step1ToObservers = false;
  /** While true, acks for stored edits wait in `heldAcks` instead of being sent. */
  holdAcks = false;
  private heldAcks: (() => void)[] = [];
  private queue: (() => void)[] = [];
  readonly connections: FakeConnection[] = [];

  connection(kind: 'edit' | 'watch' = 'edit'): FakeConnection {
    const connection = new FakeConnection(this, kind);
    this.connections.push(connection);
    return connection;
  }

  doc(docId: string): Y.Doc {
    let doc = this.docs.get(docId);
    if (!doc) {
      doc = new Y.Doc();
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        const message = frame((encoder) => syncProtocol.writeUpdate(encoder, update));
        for (const connection of this.connections) {
          if (connection !== origin && connection.rooms.has(docId)) connection.deliverSync({ docId, message });
        }
      });
      this.docs.set(docId, doc);
    }
    return doc;
  }

  schedule(task: () => void): void {
    this.queue.push(task);
  }

  /** Deliver queued messages (at most `limit`), including the ones they cause. */
  run(limit = Number.POSITIVE_INFINITY): void {
    let steps = 0;
    while (this.queue.length > 0 && steps < limit) {
      if (++steps > 1_000_000) throw new Error('message storm: the network never settles');
      this.queue.shift()!();
    }
  }

  releaseAcks(): void {
    const held = this.heldAcks;
    this.heldAcks = [];
    for (const send of held) send();
  }

  handleOpen(connection: FakeConnection, docId: string, stateVector: Uint8Array, ack: (ack: Ack<null>) => void) {
    connection.rooms.add(docId);
    const doc = this.doc(docId);
    const step1 = () => connection.deliverSync({ docId, message: frame((e) => syncProtocol.writeSyncStep1(e, doc)) });
    if (this.step1BeforeAck) step1();
    connection.deliverAck(ack, ok(null));
    if (connection.kind === 'watch') {
      // An observer asked with its state vector: it gets only what it lacks, as step 2.
      connection.deliverSync({ docId, message: frame((e) => syncProtocol.writeSyncStep2(e, doc, stateVector)) });
      if (this.step1ToObservers) step1();
    } else if (!this.step1BeforeAck) {
      step1();
    }
  }

  handleSync(connection: FakeConnection, { docId, message }: SyncMessage, ack: (ack: Ack<null>) => void) {
    if (connection.kind === 'watch') throw new Error('an observer sent a document message');
    if (!connection.rooms.has(docId)) return connection.deliverAck(ack, fail(ErrorCode.notFound, 'not open'));
    const doc = this.doc(docId);
    const type = decoding.readVarUint(decoding.createDecoder(message));
    if (this.locked.has(docId) && type !== syncProtocol.messageYjsSyncStep1) {
      return connection.deliverAck(ack, fail(ErrorCode.locked, 'This standard is locked'));
    }
    const reply = encoding.createEncoder();
    syncProtocol.readSyncMessage(decoding.createDecoder(message), reply, doc, connection);
    if (encoding.length(reply) > 0) connection.deliverSync({ docId, message: encoding.toUint8Array(reply) });
    const send = connection.ackOnThisConnection(ack, ok(null));
    if (this.holdAcks && type !== syncProtocol.messageYjsSyncStep1) this.heldAcks.push(send);
    else send();
  }

  handleAwareness(connection: FakeConnection, message: AwarenessMessage) {
    for (const other of this.connections) {
      if (other !== connection && other.rooms.has(message.docId)) other.deliverAwareness(message);
    }
  }
}

export type Emitted =
  | { event: 'doc:open'; docId: string; stateVector: Uint8Array }
  | { event: 'doc:close'; docId: string }
  | { event: 'doc:sync'; docId: string }
  | { event: 'doc:awareness'; docId: string };

/** One client socket. It implements the writer; tests hand observers only its reader side. */
export class FakeConnection implements DocumentWriter {
  connected = false;
  readonly rooms = new Set<string>();
  readonly emitted: Emitted[] = [];
  /** Emits attempted while disconnected: socket.io-client would buffer them, the provider must not. */
  emittedWhileDisconnected = 0;
  private events: DocumentEvents | null = null;
  /** Bumped on every (dis)connection: whatever was in flight on an older one is lost. */
  private generation = 0;

  constructor(
    private readonly server: FakeDocServer,
    readonly kind: 'edit' | 'watch',
  ) {}

  listen(events: DocumentEvents): () => void {
    this.events = events;
    return () => {
      this.events = null;
    };
  }

  connect(): void {
    this.generation += 1;
    this.connected = true;
    this.events?.connect();
  }

  disconnect(): void {
    this.generation += 1;
    this.connected = false;
    this.rooms.clear();
    this.events?.disconnect();
  }

  open(docId: string, stateVector: Uint8Array, ack: (ack: Ack<null>) => void): void {
    this.emitted.push({ event: 'doc:open', docId, stateVector });
    this.toServer(() => this.server.handleOpen(this, docId, stateVector, ack));
  }

  close(docId: string): void {
    this.emitted.push({ event: 'doc:close', docId });
    this.toServer(() => this.rooms.delete(docId));
  }

  sync(message: SyncMessage, ack: (ack: Ack<null>) => void): void {
    this.emitted.push({ event: 'doc:sync', docId: message.docId });
    const copy = { docId: message.docId, message: message.message.slice() };
    this.toServer(() => this.server.handleSync(this, copy, ack));
  }

  awareness(message: AwarenessMessage): void {
    this.emitted.push({ event: 'doc:awareness', docId: message.docId });
    const copy = { docId: message.docId, update: message.update.slice() };
    this.toServer(() => this.server.handleAwareness(this, copy));
  }

  deliverSync({ docId, message }: SyncMessage): void {
    // As the browser's msgpack parser does, binary arrives as an ArrayBuffer, whatever the type says.
    const wire = asWire(message);
    this.toClient(() => this.events?.sync({ docId, message: wire }));
  }

  deliverAwareness({ docId, update }: AwarenessMessage): void {
    const wire = asWire(update);
    this.toClient(() => this.events?.awareness({ docId, update: wire }));
  }

  deliverAck(ack: (ack: Ack<null>) => void, result: Ack<null>): void {
    this.toClient(() => ack(result));
  }

  /** An ack to send later, lost if this connection drops first. */
  ackOnThisConnection(ack: (ack: Ack<null>) => void, result: Ack<null>): () => void {
    const generation = this.generation;
    return () => {
      if (generation === this.generation) this.deliverAck(ack, result);
    };
  }

  private toServer(task: () => void): void {
    if (!this.connected) {
      this.emittedWhileDisconnected += 1;
      return;
    }
    const generation = this.generation;
    this.server.schedule(() => {
      if (generation === this.generation) task();
    });
  }

  private toClient(task: () => void): void {
    const generation = this.generation;
    this.server.schedule(() => {
      if (generation === this.generation && this.connected) task();
    });
  }
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function asWire(bytes: Uint8Array): Uint8Array {
  // The protocol types promise Uint8Array; the wire does not. The provider must cope.
  return bytes.slice().buffer as unknown as Uint8Array;
}
