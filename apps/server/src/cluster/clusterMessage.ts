import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * What nodes tell each other on a document's channel, in lib0 encoding: the sender's node id,
 * a kind, then the kind's body.
 */
export type ClusterMessage =
  /** Yjs updates the sender stored (one database batch's worth), in the order applied. */
  | { nodeId: string; kind: 'updates'; updates: Uint8Array[] }
  /** Awareness, already stamped and pseudonymised by the sender. */
  | { nodeId: string; kind: 'awareness'; forParticipants: Uint8Array; forWatchers: Uint8Array }
  /** The sender stored updates it could not publish: reload the document from the database. */
  | { nodeId: string; kind: 'reload' };

const KINDS = ['updates', 'awareness', 'reload'] as const;

function start(nodeId: string, kind: ClusterMessage['kind']): encoding.Encoder {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, nodeId);
  encoding.writeVarUint(encoder, KINDS.indexOf(kind));
  return encoder;
}

const finish = (encoder: encoding.Encoder): Buffer => Buffer.from(encoding.toUint8Array(encoder));

export function encodeUpdates(nodeId: string, updates: readonly Uint8Array[]): Buffer {
  const encoder = start(nodeId, 'updates');
  encoding.writeVarUint(encoder, updates.length);
  for (const update of updates) encoding.writeVarUint8Array(encoder, update);
  return finish(encoder);
}

export function encodeAwareness(nodeId: string, forParticipants: Uint8Array, forWatchers: Uint8Array): Buffer {
  const encoder = start(nodeId, 'awareness');
  encoding.writeVarUint8Array(encoder, forParticipants);
  encoding.writeVarUint8Array(encoder, forWatchers);
  return finish(encoder);
}

export function encodeReload(nodeId: string): Buffer {
  return finish(start(nodeId, 'reload'));
}

/** Null for anything unreadable (a truncated message, an unknown kind). */
export function decodeClusterMessage(message: Uint8Array): ClusterMessage | null {
  try {
    const decoder = decoding.createDecoder(message);
    const nodeId = decoding.readVarString(decoder);
    const kind = KINDS[decoding.readVarUint(decoder)];
    switch (kind) {
      case 'updates': {
        const count = decoding.readVarUint(decoder);
        const updates: Uint8Array[] = [];
        for (let i = 0; i < count; i++) updates.push(decoding.readVarUint8Array(decoder));
        return { nodeId, kind, updates };
      }
      case 'awareness':
        return {
          nodeId,
          kind,
          forParticipants: decoding.readVarUint8Array(decoder),
          forWatchers: decoding.readVarUint8Array(decoder),
        };
      case 'reload':
        return { nodeId, kind };
      default:
        return null;
    }
  } catch {
    return null;
  }
}
