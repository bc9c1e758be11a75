import type { ParticipantRole } from './roles.ts';
import { z } from 'zod';
import { ErrorCode } from './errors.ts';
import { LIMITS } from './limits.ts';

/**
 * Binary payloads arrive as `Uint8Array` (Node `Buffer`) or, from some parsers, as an
 * `ArrayBuffer`; both are normalised to `Uint8Array` at the boundary.
 */
export const binary = (maxBytes: number) =>
  z
    .union([z.instanceof(Uint8Array), z.instanceof(ArrayBuffer).transform((b) => new Uint8Array(b))])
    .refine((bytes) => bytes.byteLength > 0, 'Empty message')
    .refine((bytes) => bytes.byteLength <= maxBytes, {
      message: `Message is larger than ${maxBytes} bytes`,
      params: { code: ErrorCode.tooLarge },
    });

export const docId = z
  .string()
  .max(100)
  .regex(/^[a-z]+:[0-9a-f-]{36}$/, 'Unknown document');

/** client → server, `doc:open`: join a document's room. The server then sends sync step 1 and awareness. */
export const openDocumentSchema = z.strictObject({ docId });
/** client → server, `doc:close`: leave a document's room. */
export const closeDocumentSchema = z.strictObject({ docId });
/**
 * both ways, `doc:sync`: one y-protocols sync message (step 1, step 2 or update) for `docId`.
 * From a client, step 2 and update are acknowledged only after they are stored durably.
 */
export const syncMessageSchema = z.strictObject({
  docId,
  message: binary(LIMITS.maxSyncMessageBytes),
});
/** both ways, `doc:awareness`: one y-protocols awareness update. The server rewrites identity fields. */
export const awarenessMessageSchema = z.strictObject({
  docId,
  update: binary(LIMITS.maxAwarenessBytes),
});
/** observer → server on `/watch`, `doc:open`: watch a document; `stateVector` asks only for what is missing. */
export const watchDocumentSchema = z.strictObject({
  docId,
  stateVector: binary(LIMITS.maxSyncMessageBytes).optional(),
});

export type OpenDocument = z.infer<typeof openDocumentSchema>;
export type CloseDocument = z.infer<typeof closeDocumentSchema>;
export type WatchDocument = z.infer<typeof watchDocumentSchema>;
export interface SyncMessage {
  docId: string;
  message: Uint8Array;
}
export interface AwarenessMessage {
  docId: string;
  update: Uint8Array;
}

/**
 * The identity the server writes into every awareness state's `user` field; whatever a client
 * put there is overwritten. Observers see `name` as a pseudonym unless the member opted in.
 */
export interface AwarenessUser {
  name: string;
  color: string;
  role: ParticipantRole;
}

/** Why a document (sync, edit, presence) refused a message (`document.*`). */
export const DOCUMENT_REASONS = [
  'notFound',
  'noDocumentsForSeat',
  'notOpen',
  'tooManyOpen',
  'loadFailed',
  'undecodable',
  'unknownMessage',
  'locked',
  'savingBehind',
  'missingChanges',
  'full',
  'notYourClient',
  'tooManyCursors',
] as const;
