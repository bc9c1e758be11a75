import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES, type AssemblyClientEvent, type Role, type WatchClientEvent } from '@moot/protocol';
import {
  connectMember,
  connectWatcher,
  redeem,
  seedAssembly,
  startApp,
  type MemberSocket,
  type RunningApp,
  type SeededAssembly,
  type WatcherSocket,
} from './support/harness.ts';

type Raw = { timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> } };

/**
 * Walks the permissions table: every event, every role. A payload that no schema accepts is
 * sent, so an allowed role gets `bad_request` (it passed the permission check and was parsed)
 * and a refused role gets `forbidden` (it never reached the parser or the handler).
 */
describe('the permissions table, event by event and role by role', () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  const sockets = {} as Record<Role, MemberSocket | WatcherSocket>;
  beforeAll(async () => {
    running = await startApp();
    seed = await seedAssembly(running.db);
    sockets.moderator = (
      await connectMember(running.url, await redeem(running.url, seed.moderatorInvite, 'Mo'))
    ).socket;
    sockets.member = (
      await connectMember(running.url, await redeem(running.url, seed.memberInvites[0]!, 'Ada'))
    ).socket;
    sockets.observer = (await connectWatcher(running.url, seed.watchKey)).socket;
  });
  afterAll(async () => {
    for (const socket of Object.values(sockets)) socket.disconnect();
    await running.close();
  });

  // JSON.parse makes `__proto__` an own key, as a hostile client's payload would.
  const invalid = JSON.parse('{"unexpected": true, "__proto__": {"polluted": true}}') as object;

  for (const role of ROLES) {
    for (const event of Object.keys(PERMISSIONS.assembly) as AssemblyClientEvent[]) {
      const allowed = (PERMISSIONS.assembly[event] as readonly Role[]).includes(role);
      it(`${role} → ${event} (assembly namespace): ${role === 'observer' ? 'no handler' : allowed ? 'parsed' : 'forbidden'}`, async () => {
        const emit = (sockets[role] as unknown as Raw).timeout(1000).emitWithAck(event, invalid);
        if (role === 'observer') {
          // Observers live on /watch, where only the watch events exist.
          if (!(event in PERMISSIONS.watch)) await expect(emit).rejects.toThrow();
          else await expect(emit).resolves.toMatchObject({ ok: false, error: { code: 'bad_request' } });
          return;
        }
        await expect(emit).resolves.toMatchObject({
          ok: false,
          error: { code: allowed ? 'bad_request' : 'forbidden' },
        });
      });
    }
    for (const event of Object.keys(PERMISSIONS.watch) as WatchClientEvent[]) {
      if (role !== 'observer') continue;
      it(`observer → ${event} (watch namespace): parsed`, async () => {
        const emit = (sockets.observer as unknown as Raw).timeout(1000).emitWithAck(event, invalid);
        await expect(emit).resolves.toMatchObject({ ok: false, error: { code: 'bad_request' } });
      });
    }
  }

  it('leaves Object.prototype untouched', () => {
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('rate-limits a socket that floods, with a typed error', async () => {
    const raw = sockets.member as unknown as Raw;
    const results = await Promise.all(
      Array.from({ length: 400 }, () => raw.timeout(5000).emitWithAck('doc:close', { docId: seed.docId })),
    );
    const codes = results.map((r) =>
      (r as { ok: boolean }).ok ? 'ok' : (r as { error: { code: string } }).error.code,
    );
    expect(codes).toContain('ok');
    expect(codes).toContain('rate_limited');
  });
});
