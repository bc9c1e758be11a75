import { readFileSync } from 'node:fs';
import type { LatencySummary } from './types.ts';

/** Fixed 50 µs buckets up to 10 s: exact enough for percentiles, constant memory at millions of samples. */
export class Histogram {
  private readonly buckets = new Uint32Array(200_000);
  count = 0;
  max = 0;

  record(ms: number): void {
    const i = Math.min(this.buckets.length - 1, Math.max(0, Math.floor(ms * 20)));
    this.buckets[i]!++;
    this.count++;
    if (ms > this.max) this.max = ms;
  }

  percentile(p: number): number {
    if (this.count === 0) return 0;
    const rank = Math.ceil((p / 100) * this.count);
    let seen = 0;
    for (let i = 0; i < this.buckets.length; i++) {
      seen += this.buckets[i]!;
      if (seen >= rank) return (i + 1) / 20;
    }
    return this.max;
  }

  /** The non-empty buckets, for sending to another process (hold/observers.ts). */
  sparse(): [number, number][] {
    const out: [number, number][] = [];
    for (let i = 0; i < this.buckets.length; i++) if (this.buckets[i]) out.push([i, this.buckets[i]!]);
    return out;
  }

  /** Adds another process's histogram (its `sparse()`); max is that of the buckets, to 50 µs. */
  add(sparse: [number, number][]): void {
    for (const [i, n] of sparse) {
      this.buckets[i]! += n;
      this.count += n;
      this.max = Math.max(this.max, (i + 1) / 20);
    }
  }

  summary(): LatencySummary {
    return { count: this.count, p50: this.percentile(50), p99: this.percentile(99), max: this.max };
  }
}

export function percentiles(values: number[]): { p50: number; p99: number; max: number; count: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return { p50: at(50), p99: at(99), max: sorted.at(-1) ?? 0, count: sorted.length };
}

/** Linux reports CPU time in clock ticks; 100 per second on every kernel config we run on. */
const TICK_MS = 10;

/** User + system CPU of a process (all threads) so far, in ms, from /proc; null once it is gone. */
export function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

export function rssBytes(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;
