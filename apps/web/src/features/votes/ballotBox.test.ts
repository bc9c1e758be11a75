import { ErrorCode, fail, ok } from '@moot/protocol';
import type { Ack, BallotChoice, CastBallot } from '@moot/protocol';
import { describe, expect, it } from 'vitest';
import { manualTimers } from '../../../test/support/manualTimers.ts';
import { BallotBox, newBallotId, RETRY_AFTER_MS } from './ballotBox.ts';

const VOTE = '00000000-0000-4000-8000-000000000001';
const yes: BallotChoice = { method: 'yes_no', choice: 'yes' };
const no: BallotChoice = { method: 'yes_no', choice: 'no' };

/** A connection the test drives: every send waits until the test answers it. */
function fakeServer() {
  let connected = true;
  const connectListeners = new Set<() => void>();
  const sent: { payload: CastBallot; answered: boolean; answer: (ack: Ack<{ receipt: string }>) => void }[] = [];
  const transport = {
    connected: () => connected,
    send: (payload: CastBallot) =>
      new Promise<Ack<{ receipt: string }>>((resolve) => sent.push({ payload, answered: false, answer: resolve })),
    onConnect: (listener: () => void) => {
      connectListeners.add(listener);
      return () => connectListeners.delete(listener);
    },
  };
  return {
    transport,
    sent,
    /** Answers the oldest unanswered send, then lets the box react. */
    answer: async (ack: Ack<{ receipt: string }>) => {
      const next = sent.find((s) => !s.answered)!;
      next.answered = true;
      next.answer(ack);
      await Promise.resolve();
      await Promise.resolve();
    },
    disconnect: () => (connected = false),
    reconnect: () => {
      connected = true;
      for (const listener of connectListeners) listener();
    },
    listening: () => connectListeners.size,
  };
}

const ids = () => {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
};

describe('BallotBox', () => {
  it('sends a ballot once and keeps its receipt when counted', async () => {
    const server = fakeServer();
    const box = new BallotBox(server.transport, manualTimers().timers, ids());
    box.cast(VOTE, yes, 'Clear enough');
    expect(box.stateOf(VOTE).sending).toMatchObject({ attempts: 1, ballot: { choice: yes, reason: 'Clear enough' } });
    expect(server.sent.map((s) => s.payload)).toEqual([
      { voteId: VOTE, ballotId: '00000000-0000-4000-8000-000000000001', choice: yes, reason: 'Clear enough' },
    ]);
    await server.answer(ok({ receipt: 'R1' }));
    expect(box.stateOf(VOTE)).toMatchObject({ sending: null, refused: null, counted: { receipt: 'R1' } });
  });

  it('sends the same ballot id again on reconnection until it is acknowledged', async () => {
    const server = fakeServer();
    const box = new BallotBox(server.transport, manualTimers().timers, ids());
    box.cast(VOTE, yes, '');
    // The connection drops with the ballot in flight: socket.io fails its ack at once.
    server.disconnect();
    await server.answer(fail(ErrorCode.unavailable, 'socket has been disconnected'));
    expect(box.stateOf(VOTE).sending).not.toBeNull();
    expect(server.sent).toHaveLength(1);
    server.reconnect();
    expect(server.sent).toHaveLength(2);
    await server.answer(ok({ receipt: 'R1' }));
    const [first, retry] = server.sent.map((s) => s.payload);
    expect(retry).toEqual(first);
    expect(box.stateOf(VOTE).counted?.receipt).toBe('R1');
    // Once counted, a later reconnection sends nothing.
    server.reconnect();
    expect(server.sent).toHaveLength(2);
  });

  it('waits for the connection before the first send, and retries after a pause while connected', async () => {
    const server = fakeServer();
    const { timers, advance, pending } = manualTimers();
    const box = new BallotBox(server.transport, timers, ids());
    server.disconnect();
    box.cast(VOTE, yes, '');
    expect(server.sent).toHaveLength(0);
    expect(box.stateOf(VOTE).sending?.attempts).toBe(0);
    server.reconnect();
    expect(server.sent).toHaveLength(1);
    await server.answer(fail(ErrorCode.unavailable, 'operation has timed out'));
    expect(pending()).toBe(1);
    advance(RETRY_AFTER_MS - 1);
    expect(server.sent).toHaveLength(1);
    advance(1);
    expect(server.sent).toHaveLength(2);
    expect(server.sent[1]!.payload.ballotId).toBe(server.sent[0]!.payload.ballotId);
    expect(box.stateOf(VOTE).sending?.attempts).toBe(2);
  });

  it('shows a refusal, keeps the earlier counted ballot, and stops retrying', async () => {
    const server = fakeServer();
    const { timers, pending } = manualTimers();
    const box = new BallotBox(server.transport, timers, ids());
    box.cast(VOTE, yes, '');
    await server.answer(ok({ receipt: 'R1' }));
    box.cast(VOTE, no, '');
    await server.answer(fail(ErrorCode.voteClosed, 'This vote has closed'));
    expect(box.stateOf(VOTE)).toMatchObject({
      counted: { receipt: 'R1', ballot: { choice: yes } },
      sending: null,
      refused: { error: { code: 'vote_closed' }, ballot: { choice: no }, attempts: 1 },
    });
    server.reconnect();
    expect(server.sent).toHaveLength(2);
    expect(pending()).toBe(0);
  });

  it('gives a new id to each new ballot and sends it after the one in flight, so the last cast counts', async () => {
    const server = fakeServer();
    const box = new BallotBox(server.transport, manualTimers().timers, ids());
    box.cast(VOTE, no, '');
    box.cast(VOTE, yes, 'Changed my mind');
    // One at a time: the newer ballot waits for the answer to the older one.
    expect(server.sent).toHaveLength(1);
    await server.answer(ok({ receipt: 'R-no' }));
    expect(box.stateOf(VOTE).counted?.receipt).toBe('R-no');
    expect(server.sent).toHaveLength(2);
    expect(server.sent[1]!.payload).toMatchObject({ choice: yes, reason: 'Changed my mind' });
    expect(server.sent[1]!.payload.ballotId).not.toBe(server.sent[0]!.payload.ballotId);
    await server.answer(ok({ receipt: 'R-yes' }));
    expect(box.stateOf(VOTE)).toMatchObject({ sending: null, counted: { receipt: 'R-yes', ballot: { choice: yes } } });
  });

  it('keeps each vote apart and tells subscribers of every change', async () => {
    const server = fakeServer();
    const box = new BallotBox(server.transport, manualTimers().timers, ids());
    let changes = 0;
    box.subscribe(() => changes++);
    const other = '00000000-0000-4000-8000-000000000099';
    box.cast(VOTE, yes, '');
    box.cast(other, { method: 'ranked', ranking: [1, 0] }, '');
    expect(server.sent).toHaveLength(2);
    await server.answer(ok({ receipt: 'A' }));
    await server.answer(ok({ receipt: 'B' }));
    expect(box.stateOf(VOTE).counted?.receipt).toBe('A');
    expect(box.stateOf(other).counted?.receipt).toBe('B');
    expect(changes).toBeGreaterThanOrEqual(4);
  });

  it('stops listening and retrying when destroyed', async () => {
    const server = fakeServer();
    const { timers, pending } = manualTimers();
    const box = new BallotBox(server.transport, timers, ids());
    box.cast(VOTE, yes, '');
    await server.answer(fail(ErrorCode.rateLimited, 'slow down'));
    expect(pending()).toBe(1);
    box.destroy();
    expect(pending()).toBe(0);
    expect(server.listening()).toBe(0);
  });
});

describe('newBallotId', () => {
  it('makes RFC 4122 version 4 ids, a new one each time', () => {
    const a = newBallotId();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newBallotId()).not.toBe(a);
  });
});
