import { connect } from 'socket.io-client';
import { NAMESPACES, PROTOCOL_VERSION, wireParser, type Ack, type NarrowInvite } from '@moot/protocol';
import { acked, redeem, type MemberSocket, type RunningApp } from './harness.ts';

/** A narrow seat's socket, with every event it was ever sent (name and payload), from the first frame. */
export interface NarrowSeat {
  socket: MemberSocket;
  participantId: string;
  /** The seat's session cookie (`name=value`). */
  cookie: string;
  received: { event: string; payload: unknown }[];
}

/**
 * Takes a narrow seat (a respondent's or a leader's) from the invite a moderator's command
 * returned, and connects it; resolves once its first state (`first`) has arrived. Narrow seats
 * get no `assembly:snapshot`, so `connectMember` would wait for ever.
 */
export async function takeNarrowSeat(
  running: RunningApp,
  invite: Promise<Ack<NarrowInvite>>,
  first: 'accountability:state' | 'leader:state',
): Promise<NarrowSeat> {
  const { participantId, inviteSecret } = acked(await invite);
  const cookie = await redeem(running.url, inviteSecret, 'ignored: the seat was named by the moderator');
  const socket: MemberSocket = connect(running.url + NAMESPACES.assembly, {
    transports: ['websocket'],
    parser: wireParser,
    reconnection: false,
    forceNew: true,
    auth: { protocol: PROTOCOL_VERSION },
    extraHeaders: { cookie },
  });
  const received: NarrowSeat['received'] = [];
  socket.onAny((event: string, payload: unknown) => received.push({ event, payload }));
  await new Promise<void>((resolve, reject) => {
    socket.once(first as never, (() => resolve()) as never);
    socket.once('connect_error', reject);
  });
  return { socket, participantId, cookie, received };
}
