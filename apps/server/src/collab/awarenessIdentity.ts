import * as decoding from 'lib0/decoding';
import { modifyAwarenessUpdate } from 'y-protocols/awareness';
import type { AwarenessUser } from '@moot/protocol';

/** The Yjs client ids an awareness update speaks for, without trusting anything else in it. */
export function awarenessClientIds(update: Uint8Array): number[] | null {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count > 16) return null;
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      ids.push(decoding.readVarUint(decoder));
      decoding.readVarUint(decoder); // clock
      JSON.parse(decoding.readVarString(decoder)); // state must be JSON
    }
    return decoding.hasContent(decoder) ? null : ids;
  } catch {
    return null;
  }
}

/** Overwrites the `user` field of every state with the authenticated identity. */
export function stampIdentity(update: Uint8Array, user: AwarenessUser): Uint8Array {
  return modifyAwarenessUpdate(update, (state: unknown) =>
    state !== null && typeof state === 'object' ? { ...(state as object), user } : null,
  );
}

const PALETTE = ['#1f6feb', '#b35900', '#8250df', '#1a7f37', '#cf222e', '#0a7c86', '#9a6700', '#bf3989'];
/** A caret colour from the seat, so a person keeps their colour across tabs and reloads. */
export const seatColor = (seat: number): string => PALETTE[seat % PALETTE.length]!;
