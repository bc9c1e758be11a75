import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { io as connect } from 'socket.io-client';
import { LIMITS, NAMESPACES, PROTOCOL_VERSION, wireParser } from '@moot/protocol';
import { assemblyRoom } from '../src/realtime/socketData.ts';
import { CollabClient } from './support/collabClient.ts';
import {
  acked,
  connectMember,
  firstSnapshot,
  redeem,
  seedAssembly,
  startApp,
  type MemberSocket,
  type RunningApp,
  type SeededAssembly,
} from './support/harness.ts';
import { RawPolling } from './support/rawPolling.ts';
import { sealedBallots } from './support/ballots.ts';

const HANDSHAKE_DEADLINE_MS = 400;
const FOREIGN = { origin: 'https://elsewhere.example' };

/** engine.io's open sessions by id (protected in its types). */
const sessionsOf = (running: RunningApp) =>
  (running.app.io.engine as unknown as { clients: Record<string, { readyState: string } | undefined> }).clients;

/** A member whose network blocks WebSocket: socket.io-client on HTTP long-polling only. */
async function connectPollingMember(url: string, cookie: string): Promise<MemberSocket> {
  const socket: MemberSocket = connect(url + NAMESPACES.assembly, {
    transports: ['polling'],
    parser: wireParser,
    reconnection: false,
    forceNew: true,
    auth: { protocol: PROTOCOL_VERSION },
    extraHeaders: { cookie },
  });
  await firstSnapshot(socket);
  return socket;
}

describe('members on HTTP long-polling (networks that block WebSocket)', () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  let mod: MemberSocket;
  let polled: MemberSocket;
  let onWebSocket: MemberSocket;

  beforeAll(async () => {
    running = await startApp({ handshakeTimeoutMs: HANDSHAKE_DEADLINE_MS });
    seed = await seedAssembly(running.db);
    mod = (await connectMember(running.url, await redeem(running.url, seed.moderatorInvite, 'Mo'))).socket;
    polled = await connectPollingMember(running.url, await redeem(running.url, seed.memberInvites[0]!, 'Polly'));
    onWebSocket = (await connectMember(running.url, await redeem(running.url, seed.memberInvites[1]!, 'Wes'))).socket;
  });
  afterAll(async () => {
    for (const socket of [mod, polled, onWebSocket]) socket?.disconnect();
    await running?.close();
  });

  it('joins and co-edits with a member on WebSocket, binary updates both ways', async () => {
    expect(polled.io.engine.transport.name).toBe('polling');
    expect(onWebSocket.io.engine.transport.name).toBe('websocket');
    const a = new CollabClient(polled, seed.docId);
    const b = new CollabClient(onWebSocket, seed.docId);
    await a.open();
    await b.open();
    a.edit('Said over polling. ');
    await vi.waitFor(() => expect(a.acked).toContain('Said over polling. '));
    await vi.waitFor(() => expect(b.text.toString()).toContain('Said over polling. '));
    b.edit('Answered over WebSocket.');
    await vi.waitFor(() => expect(a.text.toString()).toContain('Answered over WebSocket.'));
    const live = await running.app.context.documents.open(seed.docId);
    expect(live.doc.getText('t').toString()).toBe(a.text.toString());
    a.detach();
    b.detach();
  });

  it('casts a secret ballot and gets a receipt', async () => {
    // Votes are held in a live session that the voters checked in to.
    const { sessionId } = acked(await mod.emitWithAck('session:create', { title: 'Deciding' }));
    acked(await mod.emitWithAck('session:start', { sessionId }));
    for (const member of [polled, onWebSocket]) acked(await member.emitWithAck('attendance:checkIn', { sessionId }));
    acked(await mod.emitWithAck('standard:setLadder', { standardId: seed.standardId, steps: ['Advice'] }));
    acked(await mod.emitWithAck('standard:lock', { standardId: seed.standardId }));
    const { voteId } = acked(
      await mod.emitWithAck('vote:open', {
        subject: { kind: 'adopt_standard', standardId: seed.standardId },
        rules: { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false },
        quorumShare: 0,
      }),
    );
    const cast = acked(
      await polled.emitWithAck('vote:cast', {
        voteId,
        ballotId: randomUUID(),
        choice: { method: 'yes_no', choice: 'yes' },
        reason: '',
      }),
    );
    expect(cast.receipt).toMatch(/\S/);
    // Sealed while the vote is open (counted and published at close).
    expect(await sealedBallots(running.db, voteId)).toBe(1);
  });

  it('refuses a foreign Origin on the polling handshake and on every later request of a session', async () => {
    const handshake = await fetch(RawPolling.handshakeUrl(running.url), { headers: FOREIGN });
    expect(handshake.status).toBe(403);
    const session = await RawPolling.open(running.url);
    expect((await session.poll(FOREIGN)).status).toBe(403);
    expect(await session.post(RawPolling.packet({ type: 0, nsp: NAMESPACES.watch, data: {} }), FOREIGN)).toBe(403);
    // The same session from its own pages is untouched (its first poll returns at once: nothing
    // was accepted from the foreign requests, so the server still waits for CONNECT).
    expect(
      await session.post(
        RawPolling.packet({
          type: 0,
          nsp: NAMESPACES.watch,
          data: { protocol: PROTOCOL_VERSION, watchKey: seed.watchKey },
        }),
      ),
    ).toBe(200);
    const { status, packets } = await session.poll();
    expect(status).toBe(200);
    expect(packets.some((p) => p.startsWith('b'))).toBe(true);
  });

  it('closes a polling session that never authenticates by the handshake deadline', async () => {
    const opened = performance.now(); // before the handshake: it cannot start after the server's clock
    const session = await RawPolling.open(running.url);
    // Each poll is held until the server has something to say: at the deadline, the close.
    let polled = await session.poll();
    while (polled.status === 200 && !polled.packets.includes('1')) polled = await session.poll();
    const closedAt = performance.now();
    expect(closedAt - opened).toBeGreaterThanOrEqual(HANDSHAKE_DEADLINE_MS - 5); // timers keep whole milliseconds
    expect(Object.hasOwn(sessionsOf(running), session.sid)).toBe(false);
  });

  it('cannot buffer data before it authenticates: an event before CONNECT closes the session', async () => {
    const session = await RawPolling.open(running.url);
    const events = Array.from({ length: 200 }, () =>
      RawPolling.packet({ type: 2, nsp: NAMESPACES.watch, data: ['clock:ping', {}] }),
    );
    await session.post(events.join('\x1e'));
    // Closing at once: no packet after the first is read. A polling client learns of the close
    // on its next poll (the server cannot push without one), and then the session is gone.
    expect(sessionsOf(running)[session.sid]?.readyState ?? 'closed').not.toBe('open');
    const { status, packets } = await session.poll();
    expect(status === 400 || packets.includes('1')).toBe(true);
    await vi.waitFor(() => expect(Object.hasOwn(sessionsOf(running), session.sid)).toBe(false));
  });

  it('refuses a POST over the packet limit (413) and closes the session, as WebSocket does (1009)', async () => {
    const session = await RawPolling.open(running.url);
    await session.watch(seed.watchKey);
    expect(await session.post('4' + 'x'.repeat(LIMITS.maxPacketBytes + 1))).toBe(413);
    await vi.waitFor(() => expect(Object.hasOwn(sessionsOf(running), session.sid)).toBe(false));
    expect((await session.poll()).status).toBe(400);
  });

  it('drops a polling client that stops polling once its backlog passes the bound', async () => {
    const session = await RawPolling.open(running.url);
    await session.watch(seed.watchKey);
    const present = () => Object.hasOwn(sessionsOf(running), session.sid);
    const room = running.app.context.watch.to(assemblyRoom(seed.assemblyId)) as unknown as {
      emit(e: string, b: Buffer): void;
    };
    const chunk = Buffer.alloc(64 * 1024, 1);
    let sent = 0;
    // It never polls again: everything waits in the server's buffer for it.
    while (present() && sent < 1024) {
      for (let i = 0; i < 8; i++) room.emit('flood', chunk);
      sent += 8;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(present()).toBe(false);
    expect(sent * chunk.length).toBeLessThanOrEqual(LIMITS.maxUnsentBytesPerConnection + 16 * chunk.length);
  });

  describe('per-socket rate limits, the same as over WebSocket', () => {
    type Raw = {
      timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> };
      emit(event: string, payload: unknown): void;
    };
    let overPolling: MemberSocket;
    let overWebSocket: MemberSocket;
    beforeAll(async () => {
      // One member on two devices: each socket has its own bucket.
      const cookie = await redeem(running.url, seed.memberInvites[2]!, 'Flo');
      overPolling = await connectPollingMember(running.url, cookie);
      overWebSocket = (await connectMember(running.url, cookie)).socket;
    });
    afterAll(() => {
      for (const socket of [overPolling, overWebSocket]) socket?.disconnect();
    });

    /** 400 commands at once (above the burst, short of the cut-off): each ack's code. */
    const flood = async (socket: MemberSocket) => {
      const raw = socket as unknown as Raw;
      const results = (await Promise.all(
        Array.from({ length: 400 }, () => raw.timeout(10_000).emitWithAck('doc:close', { docId: seed.docId })),
      )) as ({ ok: true } | { ok: false; error: { code: string } })[];
      return {
        accepted: results.filter((r) => r.ok).length,
        refusals: results.filter((r) => !r.ok),
      };
    };

    it('refuses a flood past the burst with the same typed error', async () => {
      expect(overPolling.io.engine.transport.name).toBe('polling');
      const polling = await flood(overPolling);
      const webSocket = await flood(overWebSocket);
      for (const seen of [polling, webSocket]) {
        expect(seen.accepted).toBeGreaterThanOrEqual(LIMITS.messageBurst);
        // The burst, and what the sustained rate refilled while the flood was read.
        expect(seen.accepted).toBeLessThan(400);
      }
      expect(new Set(polling.refusals.map((r) => JSON.stringify(r)))).toEqual(
        new Set(webSocket.refusals.map((r) => JSON.stringify(r))),
      );
      expect(polling.refusals[0]).toMatchObject({
        ok: false,
        error: { code: 'rate_limited', reason: { key: 'command.rateLimited' } },
      });
    });

    it('cuts off a socket that keeps pushing past the limit, on either transport', async () => {
      const cutOff = (socket: MemberSocket) =>
        new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
      const reasons = Promise.all([cutOff(overPolling), cutOff(overWebSocket)]);
      for (const socket of [overPolling, overWebSocket]) {
        const raw = socket as unknown as Raw;
        for (let i = 0; i < 600; i++) raw.emit('doc:close', { docId: seed.docId });
      }
      expect(await reasons).toEqual(['io server disconnect', 'io server disconnect']);
    });
  });
});
