import type { Namespace, Server, Socket } from 'socket.io';
import { isNarrowRole, type NarrowRole } from '@moot/protocol';
import type {
  AssemblyClientEvents,
  AssemblyServerEvents,
  AssemblyView,
  ParticipantView,
  Role,
  WatchClientEvents,
  WatchServerEvents,
} from '@moot/protocol';
import type { LiveDocument } from '../collab/liveDocument.ts';
import type { InOrder } from './inOrder.ts';
import type { TokenBucket } from './rateLimit.ts';

/** A participant as the server knows them: the view plus what only the server needs. */
export interface Participant extends ParticipantView {
  assemblyId: string;
  showName: boolean;
  /** Whether someone has redeemed the seat's invite and chosen a name (an unused seat has not). */
  joined: boolean;
}

/** What the server knows about a connection once its handshake is authenticated. */
export interface SocketData {
  assembly: AssemblyView;
  role: Role;
  /** The participant behind the socket; null for observers. */
  participant: Participant | null;
  /** The session's device id (`devices:list`); never its cookie or hash. Absent for observers. */
  deviceId?: string;
  /** The client's address as the per-address limits count it (`AppContext.clientAddress`). */
  address: string;
  openDocuments: Map<string, LiveDocument>;
  bucket: TokenBucket;
  /** This socket's document messages, applied in the order sent. */
  documentMessages: InOrder;
  /**
   * Whether the assembly is archived (read-only): set by the features at the handshake; `on()`
   * then refuses every command but the protocol's `ARCHIVE_ALLOWS` with `archived`.
   */
  archived?: () => Promise<boolean>;
}

/** Between nodes (through the adapter), never to clients. */
export interface InterServerEvents {
  /** Who may write a document changed (a standard locked, groups ended): drop cached answers. */
  'access:changed': (docId: string) => void;
  /** A node's adapter publisher was away and is back: every node sends its sockets their state again. */
  'state:resend': () => void;
  /** "N watching": how many observers of the assembly this node holds (its own room's size). */
  'watchers:here': (assemblyId: string, reply: (count: number) => void) => void;
}

export type MootServer = Server<AssemblyClientEvents, AssemblyServerEvents, InterServerEvents, SocketData>;
export type AssemblySocket = Socket<AssemblyClientEvents, AssemblyServerEvents, InterServerEvents, SocketData>;
export type WatchNamespace = Namespace<WatchClientEvents, WatchServerEvents, InterServerEvents, SocketData>;
export type WatchSocket = Socket<WatchClientEvents, WatchServerEvents, InterServerEvents, SocketData>;

export const assemblyRoom = (assemblyId: string): string => `assembly:${assemblyId}`;
/** Moderators and members of an assembly get different views of the session. */
export const audienceRoom = (assemblyId: string, role: 'moderator' | 'member'): string => `${role}s:${assemblyId}`;
/** Which view a participant gets: the moderator's, or (facilitators and note-takers too) the members'. */
export const audienceOf = (role: Role): 'moderator' | 'member' => (role === 'moderator' ? 'moderator' : 'member');
/** The view a socket is shown: observers their own, participants their audience's; a narrow seat the public's. */
export const viewOf = (data: Pick<SocketData, 'role'>): 'moderator' | 'member' | 'observer' =>
  data.role === 'observer' || isNarrowRole(data.role) ? 'observer' : audienceOf(data.role);
/**
 * Where a narrow seat (`NARROW_ROLES`: a respondent, a leader) listens instead of the assembly's
 * room: only what its own features send there, and its participant room.
 */
export const narrowRoom = (assemblyId: string, role: NarrowRole): string => `${role}s:${assemblyId}`;
/** Every socket of one role in an assembly (a view some roles get and the others must not, e.g. who votes on paper). */
export const roleRoom = (assemblyId: string, role: Role): string => `role:${role}:${assemblyId}`;
/** Every socket of one participant, on any node. */
export const participantRoom = (participantId: string): string => `participant:${participantId}`;
export const documentRoom = (docId: string): string => `doc:${docId}`;
