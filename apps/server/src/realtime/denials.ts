import type { Server } from 'socket.io';
import { LIMITS } from '@moot/protocol';
import { PerClient, type Clock } from '../throttle/perClient.ts';
import type { AssemblySocket, WatchSocket } from './socketData.ts';

type AnySocket = AssemblySocket | WatchSocket;

/** Where denials go: each written one, and per assembly how many were not written in a window. */
export interface DenialSinks {
  denied(socket: AnySocket, event: string): Promise<void>;
  suppressed(assemblyId: string, count: number): Promise<void>;
}

/**
 * Refused commands and crafted packets become `security.denied` audit rows, but a flood of them
 * must not grow the audit table without bound: reconnecting resets anything kept per socket, so
 * the budget is kept per address and per key (the participant, or the assembly's watch link,
 * which every observer shares) and survives reconnects. A denial is written only while both have
 * room; beyond that it is counted, the socket is disconnected, and one summary row per assembly
 * and window says how many were not written. Kept in this node's memory (a restart forgets it).
 */
export class DenialLedger {
  private readonly byAddress: PerClient;
  private readonly byKey: PerClient;
  private readonly unwritten = new Map<string, number>();
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly sinks: DenialSinks,
    options: { now?: Clock; windowMs?: number; burst?: number } = {},
  ) {
    const perSecond = LIMITS.auditedDenialsPerMinute / 60;
    const burst = options.burst ?? LIMITS.auditedDenialBurst;
    this.byAddress = new PerClient(perSecond, burst, options.now);
    this.byKey = new PerClient(perSecond, burst, options.now);
    this.timer = setInterval(() => void this.flush(), options.windowMs ?? LIMITS.deniedSummaryWindowMs);
    this.timer.unref();
  }

  /** Records one denial; false when it was over budget (counted for the summary, not written). */
  async record(socket: AnySocket, event: string): Promise<boolean> {
    const { address, assembly, participant } = socket.data;
    const byAddress = this.byAddress.bucket(address);
    const byKey = this.byKey.bucket(participant ? `participant:${participant.id}` : `watch:${assembly.id}`);
    const fromAddress = byAddress.take();
    const fromKey = byKey.take();
    if (fromAddress && fromKey) {
      await this.sinks.denied(socket, event);
      return true;
    }
    if (fromAddress) byAddress.give();
    if (fromKey) byKey.give();
    this.unwritten.set(assembly.id, (this.unwritten.get(assembly.id) ?? 0) + 1);
    return false;
  }

  /** Writes one summary row per assembly for the denials not written since the last flush. */
  async flush(): Promise<void> {
    const counts = [...this.unwritten];
    this.unwritten.clear();
    for (const [assemblyId, count] of counts) await this.sinks.suppressed(assemblyId, count);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}

const ledgers = new WeakMap<object, DenialLedger>();

/** Where one server's denials are recorded; set once per server in `attachNamespaces`. */
export function recordDenialsWith(io: Server, ledger: DenialLedger): void {
  ledgers.set(io, ledger);
}

/**
 * A refused command (a role that may not send it, or a crafted packet): audited within the
 * budget; past it, not written, and the socket that keeps sending them is disconnected.
 */
export async function recordDenial(socket: AnySocket, event: string): Promise<void> {
  const ledger = ledgers.get(socket.nsp.server);
  if (!ledger) return;
  if (!(await ledger.record(socket, event))) socket.disconnect(true);
}
