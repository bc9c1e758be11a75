import { LIMITS } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import { AppError } from '../../realtime/appError.ts';
import { SerialBursts } from '../../realtime/serialBursts.ts';
import type { Queryable } from '../../storage/database.ts';
import { closeVoteNow } from './closeVote.ts';
import * as quorum from './quorumStore.ts';

/** Arrivals and departures settle this long before quorum is looked at (a crowd reconnecting is one look). */
const SETTLE_MS = 200;
/** A timer set for the database's clock fires this much late rather than a moment early. */
const MARGIN_MS = 25;

interface Timer {
  timer: NodeJS.Timeout;
  due: number;
}

export interface QuorumWatchOptions {
  /** How long presence below quorum must last before the vote pauses (`LIMITS.quorumGraceSeconds`). */
  graceMs?: number;
  /** How often every node looks at every open vote (`LIMITS.voteClockSweepMs`). */
  sweepMs?: number;
}

/**
 * Quorum while a vote is open, and votes that close themselves (issue 17 §5). Every decision is
 * made in the database under the vote's row lock, from the one place presence is counted (the
 * live sockets of every node, through the adapter, with attendance and paper ticks in the
 * database): so two nodes looking at once agree, and the state is the database's, not a node's.
 *
 * - A shortfall starts a clock in the row (`quorum_short_since`); only once it has lasted the
 *   grace does the vote pause, so a member's connection dropping and coming back never flaps it.
 *   Quorum back: the vote resumes at once.
 * - A deadline is a column, so it survives restarts: every node looks at every open vote on
 *   start and every `sweepMs` (a node that died leaves no timer), and sets a timer for each
 *   deadline it sees. When it passes, every node may try to close; the row lock lets one.
 * Looks happen on presence changes on this node, on attendance changes, on a vote opening, at
 * timers, and at the sweep.
 */
export class QuorumWatch {
  private readonly bursts = new SerialBursts((assemblyId) => this.look(assemblyId));
  /** Per vote: its deadline. Per assembly: the end of a grace under way. */
  private readonly deadlines = new Map<string, Timer>();
  private readonly rechecks = new Map<string, Timer>();
  private sweeper: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly graceMs: number;
  private readonly sweepMs: number;

  constructor(
    private readonly context: () => AppContext,
    options: QuorumWatchOptions = {},
  ) {
    this.graceMs = options.graceMs ?? LIMITS.quorumGraceSeconds * 1000;
    this.sweepMs = options.sweepMs ?? LIMITS.voteClockSweepMs;
  }

  /** Looks at every open vote now and every `sweepMs` from now. */
  start(): void {
    if (this.closed || this.sweeper) return;
    void this.sweep();
    this.sweeper = setInterval(() => void this.sweep(), this.sweepMs);
    this.sweeper.unref();
  }

  /** Presence or attendance changed in this assembly, or a vote opened: look soon. */
  changed(assemblyId: string, delayMs = SETTLE_MS): void {
    void this.bursts.schedule(assemblyId, delayMs);
  }

  /** Looks now; resolves once the look is done (what a test waits for after changing a vote by hand). */
  lookNow(assemblyId: string): Promise<void> {
    return this.bursts.schedule(assemblyId, 0);
  }

  close(): void {
    this.closed = true;
    if (this.sweeper) clearInterval(this.sweeper);
    for (const { timer } of [...this.deadlines.values(), ...this.rechecks.values()]) clearTimeout(timer);
    this.deadlines.clear();
    this.rechecks.clear();
    this.bursts.close();
  }

  private async sweep(): Promise<void> {
    try {
      for (const assemblyId of await quorum.assembliesWatched(this.context().db)) this.changed(assemblyId, 0);
    } catch (err) {
      this.context().logger.warn({ err }, 'vote clock sweep failed');
    }
  }

  private async look(assemblyId: string): Promise<void> {
    if (this.closed) return;
    const ctx = this.context();
    try {
      const ids = await quorum.watchedVotes(ctx.db, assemblyId);
      if (ids.length === 0) return;
      const online = await ctx.sessions.onlineParticipants(assemblyId);
      let changed = false;
      for (const id of ids) {
        const step = await ctx.db.transaction((tx) => this.decide(tx, assemblyId, id, online));
        if (!step) continue;
        if (step.close) {
          await this.closeAtDeadline(assemblyId, id);
          continue;
        }
        changed ||= step.changed;
        if (step.deadlineIn !== null) this.at(this.deadlines, id, step.deadlineIn, assemblyId);
        if (step.recheckIn !== null) this.at(this.rechecks, assemblyId, step.recheckIn, assemblyId);
      }
      if (changed) await ctx.votes.publish(assemblyId);
    } catch (err) {
      ctx.logger.warn({ err, assemblyId }, 'quorum look failed');
    }
  }

  /** One vote, under its row lock: pause, resume, or start or finish the grace. */
  private async decide(
    tx: Queryable,
    assemblyId: string,
    voteId: string,
    online: ReadonlySet<string>,
  ): Promise<{ close: boolean; changed: boolean; deadlineIn: number | null; recheckIn: number | null } | null> {
    const v = await quorum.lockQuorum(tx, voteId);
    if (v?.status !== 'open') return null;
    const base = { close: false, changed: false, deadlineIn: v.msToDeadline, recheckIn: null };
    if (v.msToDeadline !== null && v.msToDeadline <= 0) return { ...base, close: true };
    if (v.continued || v.quorumNeeded === 0 || !v.sessionId) return base;
    const present = await quorum.presentForVote(tx, v.sessionId, voteId, online);
    const detail = { present, needed: v.quorumNeeded };
    if (present >= v.quorumNeeded) {
      if (v.shortForMs !== null || v.paused) await quorum.clearShortfall(tx, voteId);
      if (!v.paused) return base;
      await recordAudit(tx, { assemblyId, actorId: null, action: 'vote.resumed', target: voteId, detail });
      return { ...base, changed: true };
    }
    if (v.paused) {
      if (v.pausedPresent === present) return base;
      await quorum.setPausedPresent(tx, voteId, present);
      return { ...base, changed: true };
    }
    if (v.shortForMs === null) {
      await quorum.startShortfall(tx, voteId);
      return { ...base, recheckIn: this.graceMs };
    }
    if (v.shortForMs < this.graceMs) return { ...base, recheckIn: this.graceMs - v.shortForMs };
    await quorum.pause(tx, voteId, present);
    await recordAudit(tx, { assemblyId, actorId: null, action: 'vote.paused', target: voteId, detail });
    return { ...base, changed: true };
  }

  private async closeAtDeadline(assemblyId: string, voteId: string): Promise<void> {
    const ctx = this.context();
    try {
      await closeVoteNow(ctx, assemblyId, voteId, 'deadline');
    } catch (err) {
      // Paper totals not agreed yet: ballots are refused after the deadline, and the sweep
      // closes it once two facilitators' counts agree.
      if (err instanceof AppError) ctx.logger.info({ voteId, reason: err.message }, 'vote past its deadline waits');
      else throw err;
    }
  }

  /** One timer per key: a request due sooner replaces it (a later one waits for it, then looks again). */
  private at(timers: Map<string, Timer>, key: string, inMs: number, assemblyId: string): void {
    if (this.closed) return;
    // setTimeout takes at most 2^31 − 1 ms; a deadline further away is looked at again by then.
    const delay = Math.min(Math.max(0, inMs) + MARGIN_MS, 2 ** 31 - 1);
    const due = Date.now() + delay;
    const previous = timers.get(key);
    if (previous && previous.due <= due) return;
    if (previous) clearTimeout(previous.timer);
    const timer = setTimeout(() => {
      timers.delete(key);
      this.changed(assemblyId, 0);
    }, delay);
    timer.unref();
    timers.set(key, { timer, due });
  }
}
