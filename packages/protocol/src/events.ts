import type { AssemblySnapshot } from './assembly.ts';
import type { AddStandard, MoveStandard, RemoveStandard, RetitleStandard, StandardView } from './charter.ts';
import type { AwarenessMessage, CloseDocument, OpenDocument, SyncMessage, WatchDocument } from './documents.ts';
import type { AckCallback } from './errors.ts';

/**
 * Two namespaces. Members and moderators use `assembly` (authenticated by the session cookie);
 * observers use `watch`, whose client events can only ask to receive — it has no write handler.
 */
export const NAMESPACES = { assembly: '/', watch: '/watch' } as const;

/** What a client puts in the Socket.IO handshake `auth` object. */
export interface AssemblyHandshake {
  protocol: number;
}
export interface WatchHandshake {
  protocol: number;
  /** The secret from the public watch link. */
  watchKey: string;
}

/** Server → client events shared by both namespaces (observers get pseudonymised copies). */
export interface BroadcastEvents {
  /** To one socket on every (re)connection. */
  'assembly:snapshot': (snapshot: AssemblySnapshot) => void;
  /** To the whole assembly after any change to the charter's structure. */
  'charter:updated': (update: { standards: StandardView[] }) => void;
  /** A y-protocols sync message: step 1/2 to one socket, updates to a document's room. */
  'doc:sync': (message: SyncMessage) => void;
  /** Awareness (carets, names) to a document's room; identity fields written by the server. */
  'doc:awareness': (message: AwarenessMessage) => void;
  /** To the whole assembly when the number of people on the watch page changes. */
  'watchers:count': (update: { count: number }) => void;
}

/** Client → server on the assembly namespace. Every payload is parsed by the schema of the same name. */
export interface AssemblyClientEvents {
  'doc:open': (payload: OpenDocument, ack: AckCallback<null>) => void;
  'doc:close': (payload: CloseDocument, ack: AckCallback<null>) => void;
  /** Step 1 is answered with a `doc:sync` step 2; step 2 and updates are acked once stored. */
  'doc:sync': (payload: SyncMessage, ack: AckCallback<null>) => void;
  'doc:awareness': (payload: AwarenessMessage) => void;
  'standard:add': (payload: AddStandard, ack: AckCallback<StandardView>) => void;
  'standard:retitle': (payload: RetitleStandard, ack: AckCallback<StandardView>) => void;
  'standard:move': (payload: MoveStandard, ack: AckCallback<StandardView[]>) => void;
  'standard:remove': (payload: RemoveStandard, ack: AckCallback<null>) => void;
}
export type AssemblyServerEvents = BroadcastEvents;

/** Client → server on the watch namespace: asking to receive, nothing else. */
export interface WatchClientEvents {
  /** Acked once the observer is in the room; the server then sends a `doc:sync` step 2. */
  'doc:open': (payload: WatchDocument, ack: AckCallback<null>) => void;
  'doc:close': (payload: CloseDocument, ack: AckCallback<null>) => void;
}
export type WatchServerEvents = BroadcastEvents;

export type AssemblyClientEvent = keyof AssemblyClientEvents;
export type WatchClientEvent = keyof WatchClientEvents;

/** The data type a command's acknowledgement carries on success (void for events without an ack). */
export type AckDataOf<F> = F extends (...args: infer Args) => void
  ? Args extends [unknown, AckCallback<infer T>]
    ? T
    : void
  : never;
