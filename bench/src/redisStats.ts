import { createClient } from 'redis';

type Client = ReturnType<typeof createClient>;
import { freePort, Proc, sleep } from './procs.ts';

export interface RedisCounters {
  commands: number;
  byCommand: Record<string, number>;
  bytes: number;
}

/**
 * A redis-server of the benchmark's own (pinned with the servers on CPU 0), so `INFO` deltas
 * count only the system under test, not whatever else shares the machine's Redis.
 */
export class BenchRedis {
  private constructor(
    readonly proc: Proc,
    readonly url: string,
    private readonly client: Client,
  ) {}

  static async start(): Promise<BenchRedis> {
    const port = await freePort();
    const proc = Proc.exec(
      'redis',
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      0,
    );
    const url = `redis://127.0.0.1:${port}`;
    for (let attempt = 0; attempt < 100; attempt++) {
      const client = createClient({ url, socket: { reconnectStrategy: false } });
      client.on('error', () => {});
      try {
        await client.connect();
        return new BenchRedis(proc, url, client as Client);
      } catch {
        await sleep(50);
      }
    }
    await proc.kill();
    throw new Error('redis-server did not start');
  }

  async counters(): Promise<RedisCounters> {
    const [commandstats, stats] = [await this.client.info('commandstats'), await this.client.info('stats')];
    const byCommand: Record<string, number> = {};
    for (const m of commandstats.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
      // Our own INFO calls are not the system's traffic.
      if (m[1] !== 'info') byCommand[m[1]!] = Number(m[2]);
    }
    const stat = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(stats)?.[1] ?? 0);
    return {
      commands: Object.values(byCommand).reduce((a, b) => a + b, 0),
      byCommand,
      bytes: stat('total_net_input_bytes') + stat('total_net_output_bytes'),
    };
  }

  static delta(a: RedisCounters, b: RedisCounters): RedisCounters {
    const byCommand: Record<string, number> = {};
    for (const [k, v] of Object.entries(b.byCommand))
      if (v - (a.byCommand[k] ?? 0) > 0) byCommand[k] = v - (a.byCommand[k] ?? 0);
    return { commands: b.commands - a.commands, byCommand, bytes: b.bytes - a.bytes };
  }

  async stop(): Promise<void> {
    await this.client.quit().catch(() => {});
    await this.proc.kill();
  }
}
