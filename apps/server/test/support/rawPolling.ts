import { NAMESPACES, PROTOCOL_VERSION } from '@moot/protocol';
import { encode } from './rawEngine.ts';

/** Engine.IO v4 separates the packets of one polling payload with this byte. */
const SEPARATOR = '\x1e';

/**
 * A client below Socket.IO on HTTP long-polling: each request is a plain `fetch`, so a test can
 * send any header (a foreign `Origin`), any body, or stop polling altogether.
 */
export class RawPolling {
  private constructor(
    readonly url: string,
    readonly sid: string,
    readonly headers: Record<string, string>,
  ) {}

  static handshakeUrl(url: string): string {
    return `${url}/socket.io/?EIO=4&transport=polling`;
  }

  /** Opens an Engine.IO session over polling (the open packet `0{"sid":…}`). */
  static async open(url: string, headers: Record<string, string> = {}): Promise<RawPolling> {
    const response = await fetch(RawPolling.handshakeUrl(url), { headers });
    const body = await response.text();
    if (response.status !== 200 || !body.startsWith('0')) throw new Error(`refused: ${response.status} ${body}`);
    return new RawPolling(url, (JSON.parse(body.slice(1)) as { sid: string }).sid, headers);
  }

  get sessionUrl(): string {
    return `${RawPolling.handshakeUrl(this.url)}&sid=${encodeURIComponent(this.sid)}`;
  }

  /** One long-poll: the packets the server had (or waited for), as Engine.IO text packets. */
  async poll(headers: Record<string, string> = this.headers): Promise<{ status: number; packets: string[] }> {
    const response = await fetch(this.sessionUrl, { headers });
    const body = await response.text();
    return { status: response.status, packets: response.status === 200 ? body.split(SEPARATOR) : [] };
  }

  /** Sends an Engine.IO payload (packets already encoded as text) in one POST. */
  async post(body: string, headers: Record<string, string> = this.headers): Promise<number> {
    const response = await fetch(this.sessionUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8', ...headers },
      body,
    });
    await response.arrayBuffer();
    return response.status;
  }

  /** A Socket.IO packet as the msgpack wire parser frames it; polling carries binary as base64 (`b…`). */
  static packet(packet: unknown): string {
    return `b${Buffer.from(encode(packet)).toString('base64')}`;
  }

  /** Joins the watch namespace and reads until the server's CONNECT reply arrives. */
  async watch(watchKey: string): Promise<void> {
    const status = await this.post(
      RawPolling.packet({ type: 0, nsp: NAMESPACES.watch, data: { protocol: PROTOCOL_VERSION, watchKey } }),
    );
    if (status !== 200) throw new Error(`CONNECT refused: ${status}`);
    for (let i = 0; i < 20; i++) {
      const { status: polled, packets } = await this.poll();
      if (polled !== 200) throw new Error(`poll refused: ${polled}`);
      if (packets.some((p) => p.startsWith('b'))) return;
    }
    throw new Error('no CONNECT reply');
  }
}
