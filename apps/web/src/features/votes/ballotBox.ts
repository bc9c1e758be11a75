import { ErrorCode } from '@moot/protocol';
import type { Ack, BallotChoice, CastBallot, ProtocolError } from '@moot/protocol';
import type { Timers } from '../comments/coalescer.ts';

/** One ballot as the member cast it; `ballotId` is made once and reused for every retry of it. */
export interface Ballot {
  ballotId: string;
  choice: BallotChoice;
  reason: string;
}

export interface BallotState {
  /** The last ballot the server acknowledged, with its receipt: it counts until a newer one is. */
  counted: { ballot: Ballot; receipt: string | null } | null;
  /** The ballot being sent, or waiting for the connection to be sent again with the same id. */
  sending: { ballot: Ballot; attempts: number } | null;
  /** Why the last ballot was refused (the counted one, if any, still counts). */
  refused: { ballot: Ballot; error: ProtocolError; attempts: number } | null;
}

export const NO_BALLOT: BallotState = { counted: null, sending: null, refused: null };

/** How the box reaches the server; the real one is the member's socket. */
export interface BallotTransport {
  connected(): boolean;
  send(payload: CastBallot): Promise<Ack<{ receipt: string | null }>>;
  onConnect(listener: () => void): () => void;
}

/** Refusals that say nothing about the ballot itself: the same ballot is sent again. */
const RETRYABLE = new Set<string>([ErrorCode.unavailable, ErrorCode.rateLimited, ErrorCode.internal]);
/** While connected, a lost or refused-for-now ballot is sent again after this pause. */
export const RETRY_AFTER_MS = 2000;

const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A random (version 4) UUID; `crypto.randomUUID` exists only on HTTPS pages, this everywhere. */
export function newBallotId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A member's ballots, one state per vote. Each cast gets a new ballot id; that ballot is then sent
 * until the server answers for it — again on every reconnection and, while connected, after a
 * pause — always with the same id, so the server counts it once however often it arrives. One
 * ballot per vote is in flight at a time, so the server sees a member's ballots in the order cast
 * and the last one cast is the one that counts.
 */
export class BallotBox {
  private readonly states = new Map<string, BallotState>();
  private readonly inFlight = new Set<string>();
  private readonly retries = new Map<string, unknown>();
  private readonly listeners = new Set<() => void>();
  private readonly stopListening: () => void;
  private destroyed = false;

  constructor(
    private readonly transport: BallotTransport,
    private readonly timers: Timers = realTimers,
    private readonly newId: () => string = newBallotId,
  ) {
    this.stopListening = transport.onConnect(this.resend);
  }

  stateOf = (voteId: string): BallotState => this.states.get(voteId) ?? NO_BALLOT;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Casts a new ballot (replacing any earlier one of this member's once it is acknowledged). */
  cast(voteId: string, choice: BallotChoice, reason: string): Ballot {
    const ballot: Ballot = { ballotId: this.newId(), choice, reason };
    this.set(voteId, { ...this.stateOf(voteId), sending: { ballot, attempts: 0 }, refused: null });
    this.cancelRetry(voteId);
    this.attempt(voteId);
    return ballot;
  }

  destroy(): void {
    this.destroyed = true;
    this.stopListening();
    for (const voteId of [...this.retries.keys()]) this.cancelRetry(voteId);
    this.listeners.clear();
  }

  private set(voteId: string, state: BallotState): void {
    this.states.set(voteId, state);
    for (const listener of this.listeners) listener();
  }

  private attempt(voteId: string): void {
    const sending = this.stateOf(voteId).sending;
    if (this.destroyed || !sending || this.inFlight.has(voteId) || !this.transport.connected()) return;
    const { ballot } = sending;
    this.inFlight.add(voteId);
    this.set(voteId, { ...this.stateOf(voteId), sending: { ballot, attempts: sending.attempts + 1 } });
    void this.transport
      .send({ voteId, ballotId: ballot.ballotId, choice: ballot.choice, reason: ballot.reason })
      .then((ack) => this.settle(voteId, ballot, ack));
  }

  private settle(voteId: string, ballot: Ballot, ack: Ack<{ receipt: string | null }>): void {
    this.inFlight.delete(voteId);
    if (this.destroyed) return;
    const state = this.stateOf(voteId);
    const current = state.sending?.ballot.ballotId === ballot.ballotId;
    if (ack.ok) {
      // A ballot that was already replaced still counted until the newer one arrives.
      this.set(voteId, {
        counted: { ballot, receipt: ack.data.receipt },
        sending: current ? null : state.sending,
        refused: null,
      });
    } else if (current && RETRYABLE.has(ack.error.code)) {
      if (this.transport.connected()) this.scheduleRetry(voteId);
      return; // Otherwise the reconnection sends it again.
    } else if (current) {
      this.set(voteId, {
        ...state,
        sending: null,
        refused: { ballot, error: ack.error, attempts: state.sending?.attempts ?? 1 },
      });
    }
    // The member cast again while this one travelled: send the newer ballot now.
    if (!current) this.attempt(voteId);
  }

  private scheduleRetry(voteId: string): void {
    this.cancelRetry(voteId);
    this.retries.set(
      voteId,
      this.timers.setTimeout(() => {
        this.retries.delete(voteId);
        this.attempt(voteId);
      }, RETRY_AFTER_MS),
    );
  }

  private cancelRetry(voteId: string): void {
    const handle = this.retries.get(voteId);
    if (handle === undefined) return;
    this.timers.clearTimeout(handle);
    this.retries.delete(voteId);
  }

  private readonly resend = () => {
    for (const [voteId, state] of this.states) {
      if (!state.sending) continue;
      this.cancelRetry(voteId);
      this.attempt(voteId);
    }
  };
}
