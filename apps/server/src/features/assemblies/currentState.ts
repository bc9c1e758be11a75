import { isNarrowRole, type AssemblyServerEvents } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import type { ClusterLink } from '../../cluster/connectCluster.ts';
import { Coalescer } from '../../realtime/coalesce.ts';
import { viewOf, type AssemblySocket, type SocketData, type WatchSocket } from '../../realtime/socketData.ts';
import { listAmendments } from '../amendments/amendmentStore.ts';
import { listCases } from '../cases/caseStore.ts';
import { ownPlaces, panelsState } from '../panels/panelView.ts';
import { hearingFor } from '../cases/leaderHearing.ts';
import { leaderSeat, leaderView } from '../cases/leaderStore.ts';
import { listComments } from '../comments/commentStore.ts';
import { listAppealCases } from '../appeals/appealStore.ts';
import { ownMarks, readMaps } from '../consensus/markStore.ts';
import { listRoster } from '../identity/participantStore.ts';
import { countsPaper, listVotes } from '../votes/voteStore.ts';
import { readLivestream } from '../watch/livestream.ts';
import { buildSnapshot } from './snapshot.ts';

type AnySocket = AssemblySocket | WatchSocket;
type StateMessage = {
  [E in keyof AssemblyServerEvents]: [E, ...Parameters<AssemblyServerEvents[E]>];
}[keyof AssemblyServerEvents];

/** Why state is sent: a socket connected, or Redis came back and broadcasts may have been lost. */
export type StateReason = 'connected' | 'restored';

/**
 * Everything server-owned a client shows, each audience its own view: the one list that a socket
 * gets on connection and every socket of a node gets again after one of its Redis connections
 * came back (`resendState`). A feature whose state travels as broadcasts adds itself here, or a
 * node that lost Redis would show it stale until its next change.
 */
/** The view a socket gets: the moderator's, the members' (facilitators and note-takers too), or the public's. */

const STATE: ((ctx: AppContext, data: SocketData, reason: StateReason) => Promise<StateMessage | null>)[] = [
  // The assembly, the charter (standards) and the watcher count.
  async (ctx, data) => ['assembly:snapshot', await buildSnapshot(ctx, data)],
  async (ctx, data, reason) => {
    // The views last published may miss what changed while Redis was away: compare with the database.
    if (reason === 'restored') ctx.sessions.changed(data.assembly.id);
    return ['session:state', await ctx.sessions.stateFor(data.assembly.id, viewOf(data))];
  },
  async (ctx, data) => ['programme:state', await ctx.sessions.programmeState(data.assembly.id, viewOf(data))],
  async (ctx, data) => [
    'votes:state',
    { votes: await listVotes(ctx.db, data.assembly.id, { paperVoters: countsPaper(data.role) }) },
  ],
  async (ctx, data) => ['amendments:state', await listAmendments(ctx.db, data.assembly.id, viewOf(data))],
  async (ctx, data) => [
    'comments:state',
    { comments: await listComments(ctx.db, data.assembly.id, viewOf(data), data.participant?.id ?? null) },
  ],
  async (ctx, data) => ['consensus:state', { standards: await readMaps(ctx.db, data.assembly.id) }],
  // Appeals: moderators every one, a member the actions about them; nobody else.
  async (ctx, data) =>
    data.role === 'moderator' || (data.role === 'member' && data.participant)
      ? [
          'appeals:state',
          {
            cases: await listAppealCases(
              ctx.db,
              data.assembly.id,
              data.role === 'moderator'
                ? { role: 'moderator' }
                : { role: 'member', participantId: data.participant!.id },
            ),
          },
        ]
      : null,
  async (ctx, data) =>
    data.role === 'member' && data.participant
      ? ['consensus:mine', { marks: await ownMarks(ctx.db, data.assembly.id, data.participant.id) }]
      : null,
  async (ctx, data) => ['cases:state', { cases: await listCases(ctx.db, data.assembly.id, viewOf(data)) }],
  async (ctx, data) => ['panels:state', await panelsState(ctx.db, data.assembly.id, viewOf(data))],
  async (ctx, data) =>
    data.role === 'member' && data.participant
      ? ['panels:mine', { places: await ownPlaces(ctx.db, data.assembly.id, data.participant.id) }]
      : null,
  async (ctx, data) => [
    'livestream:state',
    { livestream: await readLivestream(ctx.db, data.assembly.id, ctx.peertubeHosts) },
  ],
  async (ctx, data) => ['accountability:state', await ctx.tracker.read(data.assembly.id)],
  // The console asks for the roster itself on every connection; a node that was cut off pushes it.
  async (ctx, data, reason) =>
    reason === 'restored' && data.role === 'moderator'
      ? ['roster:state', { participants: await listRoster(ctx.db, data.assembly.id) }]
      : null,
];

/**
 * A narrow seat's whole state: a respondent gets the tracker (public), a leader their one case as
 * the public sees it. No snapshot, session, votes, comments, roster or documents.
 */
async function narrowMessages(ctx: AppContext, data: SocketData): Promise<StateMessage[]> {
  if (data.role === 'respondent') return [['accountability:state', await ctx.tracker.read(data.assembly.id)]];
  const seat = data.role === 'leader' ? await leaderSeat(ctx.db, data.participant!.id) : null;
  const view = seat ? await leaderView(ctx.db, data.assembly.id, seat) : null;
  if (!seat || !view) return [];
  // Their hearing live, from the public's view of the session (`hearingFor`), or null.
  const hearing = hearingFor(await ctx.sessions.stateFor(data.assembly.id, 'observer'), seat.caseId);
  return [
    ['leader:state', view],
    ['leader:hearing', hearing],
  ];
}

/** The messages that make a socket current, read together, then emitted in order. */
export async function stateMessages(ctx: AppContext, data: SocketData, reason: StateReason): Promise<StateMessage[]> {
  if (isNarrowRole(data.role)) return narrowMessages(ctx, data);
  const messages = await Promise.all(STATE.map((entry) => entry(ctx, data, reason)));
  return messages.filter((m): m is StateMessage => m !== null);
}

/** Sends `socket` everything it shows (on connection: the namespaces catch a failure). */
export async function emitState(ctx: AppContext, socket: AnySocket, reason: StateReason): Promise<void> {
  const messages = await stateMessages(ctx, socket.data, reason);
  if (socket.disconnected) return;
  for (const [event, payload] of messages) (socket as AssemblySocket).emit(event, payload as never);
}

/** `emitState`, and if the state cannot be read, disconnects the socket so it reconnects and retries. */
export async function sendState(ctx: AppContext, socket: AnySocket, reason: StateReason): Promise<void> {
  try {
    await emitState(ctx, socket, reason);
  } catch (err) {
    // Without its state the client cannot show anything true; let it reconnect and retry.
    ctx.logger.error({ err, socket: socket.id }, 'sending state failed');
    socket.disconnect(true);
  }
}

/**
 * After a Redis connection came back: every socket on this node, in both namespaces, gets its
 * current state again, since broadcasts from other nodes may have been lost meanwhile. One socket
 * at a time, so a large node does not flood the database all at once.
 */
export async function resendState(ctx: AppContext): Promise<number> {
  const sockets: AnySocket[] = [...ctx.io.sockets.sockets.values(), ...ctx.watch.sockets.values()];
  for (const socket of sockets) await sendState(ctx, socket, 'restored');
  return sockets.length;
}

/** Redis coming back reconnects several connections at once: their resends become one. */
const RESEND_GATHER_MS = 100;

/**
 * Wires `resendState` to the cluster link: when this node's subscriber is back it may have missed
 * broadcasts, so its sockets get their state again; when its publisher is back the others may have
 * missed this node's, so it asks every node (`state:resend`) to do the same.
 */
export function resendStateOnRestore(ctx: AppContext, link: Pick<ClusterLink, 'onRestored'> | undefined): Coalescer {
  const resend = new Coalescer(RESEND_GATHER_MS, async () => {
    const sockets = await resendState(ctx);
    ctx.logger.info({ sockets }, 'Redis is back: sent every socket on this node its state again');
  });
  link?.onRestored((lost) => {
    resend.schedule('all');
    if (lost === 'publisher') ctx.io.serverSideEmit('state:resend');
  });
  ctx.io.on('state:resend', () => resend.schedule('all'));
  return resend;
}
