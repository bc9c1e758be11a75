import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Livestream } from '@moot/protocol';
import { readAudit } from '../src/audit/auditLog.ts';
import {
  acked,
  connectMember,
  connectWatcher,
  redeem,
  seedAssembly,
  startApp,
  type MemberSocket,
  type RunningApp,
  type SeededAssembly,
} from './support/harness.ts';

const PEERTUBE = 'video.example.org';
const YOUTUBE = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';

/** The directives of a page's CSP, by name. */
async function csp(url: string): Promise<Record<string, string[]>> {
  const header = (await fetch(url)).headers.get('content-security-policy') ?? '';
  return Object.fromEntries(
    header.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('the livestream on the watch page', () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  let moderator: MemberSocket;
  let member: MemberSocket;
  beforeAll(async () => {
    running = await startApp({ peertubeHosts: [PEERTUBE] });
    seed = await seedAssembly(running.db);
    moderator = (await connectMember(running.url, await redeem(running.url, seed.moderatorInvite, 'Mo'))).socket;
    member = (await connectMember(running.url, await redeem(running.url, seed.memberInvites[0]!, 'Ada'))).socket;
  });
  afterAll(async () => {
    moderator?.disconnect();
    member?.disconnect();
    await running.close();
  });

  it('frames exactly YouTube no-cookie, Vimeo and the configured PeerTube hosts (CSP frame-src)', async () => {
    for (const page of ['/healthz', '/api/session'])
      expect((await csp(running.url + page))['frame-src']).toEqual([
        'https://www.youtube-nocookie.com',
        'https://player.vimeo.com',
        `https://${PEERTUBE}`,
      ]);
  });

  it('sends observers the embed a moderator set, on connection and when it changes', async () => {
    const seen: (Livestream | null)[] = [];
    const { socket: watcher } = await connectWatcher(running.url, seed.watchKey, (s) =>
      s.on('livestream:state', ({ livestream }) => seen.push(livestream)),
    );
    await vi.waitFor(() => expect(seen).toEqual([null]));
    const set = acked(await moderator.emitWithAck('livestream:set', { url: YOUTUBE }));
    expect(set.livestream).toEqual({
      provider: 'youtube',
      url: YOUTUBE,
      embedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(set.livestream));
    watcher.disconnect();

    // A later observer gets it on connection: it is stored (the newest `assembly.livestream` entry).
    const later: (Livestream | null)[] = [];
    const { socket: again } = await connectWatcher(running.url, seed.watchKey, (s) =>
      s.on('livestream:state', ({ livestream }) => later.push(livestream)),
    );
    await vi.waitFor(() => expect(later).toEqual([set.livestream]));
    again.disconnect();
    const entries = (await readAudit(running.db, seed.assemblyId)).filter((e) => e.action === 'assembly.livestream');
    expect(entries.at(-1)?.detail).toEqual({ provider: 'youtube', url: YOUTUBE });
  });

  it.each([
    'https://evil.example/w/kkGMgK9ZtnKfYAgnEtQxbv',
    'https://tube.not-listed.example/w/kkGMgK9ZtnKfYAgnEtQxbv',
    'http://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
    'javascript:alert(1)',
  ])('refuses %s with a clear bad_request and keeps the livestream it had', async (url) => {
    const ack = await moderator.emitWithAck('livestream:set', { url });
    expect(ack).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: /YouTube or Vimeo/, reason: { key: 'livestream.notEmbeddable' } },
    });
    const states: (Livestream | null)[] = [];
    const { socket: watcher } = await connectWatcher(running.url, seed.watchKey, (s) =>
      s.on('livestream:state', ({ livestream }) => states.push(livestream)),
    );
    await vi.waitFor(() => expect(states.at(-1)?.provider).toBe('youtube'));
    watcher.disconnect();
  });

  it('takes a listed PeerTube video, and an empty address removes the livestream', async () => {
    const peertube = acked(
      await moderator.emitWithAck('livestream:set', { url: `https://${PEERTUBE}/w/kkGMgK9ZtnKfYAgnEtQxbv` }),
    );
    expect(peertube.livestream?.embedUrl).toBe(`https://${PEERTUBE}/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv`);
    const memberSaw: (Livestream | null)[] = [];
    member.on('livestream:state', ({ livestream }) => memberSaw.push(livestream));
    expect(acked(await moderator.emitWithAck('livestream:set', { url: '' })).livestream).toBeNull();
    await vi.waitFor(() => expect(memberSaw.at(-1)).toBeNull());
  });

  it('is for moderators only', async () => {
    const ack = await member.emitWithAck('livestream:set', { url: YOUTUBE });
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('the livestream frames without PeerTube hosts configured', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(() => running.close());

  it('lists only YouTube no-cookie and Vimeo', async () => {
    expect((await csp(running.url + '/healthz'))['frame-src']).toEqual([
      'https://www.youtube-nocookie.com',
      'https://player.vimeo.com',
    ]);
  });
});
