import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StandardView } from '@moot/protocol';
import { readAudit } from '../src/audit/auditLog.ts';
import {
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
  });
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
});
