import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * Several y-protocols awareness updates as one: for each client, the entry with the highest clock
 * (the later one when equal), as `applyAwarenessUpdate` would end up with applying them in order.
 * Observers get carets at their own cadence, so a burst of caret moves costs them one packet.
 */
export function mergeAwarenessUpdates(updates: Uint8Array[]): Uint8Array {
  const latest = new Map<number, { clock: number; state: string }>();
  for (const update of updates) {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const client = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = decoding.readVarString(decoder);
      const seen = latest.get(client);
      if (!seen || clock >= seen.clock) latest.set(client, { clock, state });
    }
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, latest.size);
  for (const [client, { clock, state }] of latest) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}
