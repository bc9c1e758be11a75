import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StandardView } from '@moot/protocol';
import { readAudit } from '../src/audit/auditLog.ts';
import { setStandardStatus } from '../src/features/charter/charterStore.ts';
import {
  acked,
  connectMember,
  connectWatcher,
  redeem,
  seedAssembly,
  startApp,
  type RunningApp,
  type SeededAssembly,
} from './support/harness.ts';

describe('the charter', () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  beforeAll(async () => {
    running = await startApp();
    seed = await seedAssembly(running.db);
  }, 180_000);
  afterAll(() => running.close());

  it('members add standards, moderators reorder and remove them, and everyone sees each change', async () => {
    const member = await connectMember(running.url, await redeem(running.url, seed.memberInvites[0]!, 'Ada'));
    const moderator = await connectMember(running.url, await redeem(running.url, seed.moderatorInvite, 'Mo'));
    const watcher = await connectWatcher(running.url, seed.watchKey);
    let watched: StandardView[] = watcher.snapshot.standards;
    watcher.socket.on('charter:updated', ({ standards }) => (watched = standards));

    const added = await member.socket.emitWithAck('standard:add', { title: '  Fairness  ' });
    expect(added).toMatchObject({ ok: true, data: { title: 'Fairness', status: 'drafting', position: 1 } });
    await vi.waitFor(() => expect(watched.map((s) => s.title)).toEqual(['Honesty', 'Fairness']));

    const fairness = (added as { data: StandardView }).data;
    expect(await member.socket.emitWithAck('standard:move', { standardId: fairness.id, toIndex: 0 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await moderator.socket.emitWithAck('standard:move', { standardId: fairness.id, toIndex: 0 })).ok).toBe(
      true,
    );
    await vi.waitFor(() => expect(watched.map((s) => s.title)).toEqual(['Fairness', 'Honesty']));
    expect((await moderator.socket.emitWithAck('standard:remove', { standardId: seed.standardId })).ok).toBe(true);
    await vi.waitFor(() => expect(watched.map((s) => s.title)).toEqual(['Fairness']));
    expect(await moderator.socket.emitWithAck('standard:remove', { standardId: seed.standardId })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    // A removed standard's document cannot be opened any more.
    expect(await member.socket.emitWithAck('doc:open', { docId: seed.docId })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await member.socket.emitWithAck('standard:add', { title: 'x'.repeat(201) })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    const actions = (await readAudit(running.db, seed.assemblyId)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['standard.added', 'standard.moved', 'standard.removed']));
    for (const s of [member.socket, moderator.socket, watcher.socket]) s.disconnect();
  });

  it('keeps each assembly apart: a document of another assembly is not found', async () => {
    const other = await seedAssembly(running.db);
    const member = await connectMember(running.url, await redeem(running.url, seed.memberInvites[1]!, 'Ben'));
    expect(await member.socket.emitWithAck('doc:open', { docId: other.docId })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const watcher = await connectWatcher(running.url, seed.watchKey);
    expect(await watcher.socket.emitWithAck('doc:open', { docId: other.docId })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    member.socket.disconnect();
    watcher.socket.disconnect();
  });

  it('finds no document of a kind no feature registered, even one named like an object property', async () => {
    const member = await connectMember(running.url, await redeem(running.url, seed.memberInvites[2]!, 'Cy'));
    const watcher = await connectWatcher(running.url, seed.watchKey);
    const id = seed.standardId;
    for (const docId of [`constructor:${id}`, `proto:${id}`, `minutes:${id}`]) {
      for (const socket of [member.socket, watcher.socket]) {
        expect(await socket.emitWithAck('doc:open', { docId })).toMatchObject({
          ok: false,
          error: { code: 'not_found' },
        });
      }
    }
    member.socket.disconnect();
    watcher.socket.disconnect();
  });

  it('keeps the title of a locked or adopted standard as fixed as its text', async () => {
    const fresh = await seedAssembly(running.db);
    const member = await connectMember(running.url, await redeem(running.url, fresh.memberInvites[0]!, 'Ada'));
    const moderator = await connectMember(running.url, await redeem(running.url, fresh.moderatorInvite, 'Mo'));
    const watcher = await connectWatcher(running.url, fresh.watchKey);
    let watched: StandardView[] = watcher.snapshot.standards;
    watcher.socket.on('charter:updated', ({ standards }) => (watched = standards));
    const retitle = (title: string) =>
      member.socket.emitWithAck('standard:retitle', { standardId: fresh.standardId, title });

    acked(await moderator.socket.emitWithAck('standard:lock', { standardId: fresh.standardId }));
    expect(await retitle('Renamed while locked')).toMatchObject({
      ok: false,
      error: {
        code: 'locked',
        message: expect.stringMatching(/locked: its title cannot change until a moderator unlocks it/),
        reason: { key: 'charter.titleLocked' },
      },
    });
    expect(
      await moderator.socket.emitWithAck('standard:retitle', { standardId: fresh.standardId, title: 'Mod too' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    await running.db.transaction((tx) =>
      setStandardStatus(tx, fresh.assemblyId, fresh.standardId, ['locked'], 'adopted'),
    );
    expect(await retitle('Renamed once adopted')).toMatchObject({
      ok: false,
      error: {
        code: 'locked',
        message: expect.stringMatching(/adopted: its title cannot change$/),
        reason: { key: 'charter.titleDecided' },
      },
    });
    expect(watched.map((s) => s.title)).toEqual(['Honesty']);
    const retitles = (await readAudit(running.db, fresh.assemblyId)).filter((e) => e.action === 'standard.retitled');
    expect(retitles).toEqual([]);
    for (const s of [member.socket, moderator.socket, watcher.socket]) s.disconnect();
  });

  it('locks on a single node without writing outside the JSON log (no cluster to tell)', async () => {
    const warnings = vi.spyOn(console, 'warn');
    try {
      const fresh = await seedAssembly(running.db);
      const moderator = await connectMember(running.url, await redeem(running.url, fresh.moderatorInvite, 'Mo'));
      acked(await moderator.socket.emitWithAck('standard:lock', { standardId: fresh.standardId }));
      acked(await moderator.socket.emitWithAck('standard:unlock', { standardId: fresh.standardId }));
      moderator.socket.disconnect();
      expect(warnings.mock.calls.flat().join('\n')).not.toMatch(/serverSideEmit/);
    } finally {
      warnings.mockRestore();
    }
  });
});
