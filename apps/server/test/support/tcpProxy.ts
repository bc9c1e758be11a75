import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of a service, whose new connections can be held: accepted but not
 * forwarded until `release()`. A test cuts one connection (Redis `CLIENT KILL`) while holding,
 * so its reconnection waits for as long as the test needs, with every other connection intact.
 */
export class TcpProxy {
  private held: (() => void)[] | null = null;
  private readonly open = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    let proxy: TcpProxy | null = null;
    const server = createServer((client) => {
      proxy!.open.add(client);
      client.on('close', () => proxy!.open.delete(client));
      const forward = () => {
        if (client.destroyed) return;
        const upstream = connect(target.port, target.host);
        proxy!.open.add(upstream);
        const end = () => {
          client.destroy();
          upstream.destroy();
          proxy!.open.delete(upstream);
        };
        for (const socket of [client, upstream]) socket.on('error', end).on('close', end);
        client.pipe(upstream);
        upstream.pipe(client);
      };
      if (proxy!.held) proxy!.held.push(forward);
      else forward();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = new TcpProxy(server, (server.address() as { port: number }).port);
    return proxy;
  }

  /** New connections wait (connected to the proxy, unanswered) until `release`. */
  hold(): void {
    this.held ??= [];
  }

  release(): void {
    const waiting = this.held ?? [];
    this.held = null;
    for (const forward of waiting) forward();
  }

  /** How many connections are waiting. */
  get waiting(): number {
    return this.held?.length ?? 0;
  }

  async close(): Promise<void> {
    this.release();
    for (const socket of this.open) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
