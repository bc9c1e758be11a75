import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';

/** Frames a Yjs update as a y-protocols sync "update" message. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}
