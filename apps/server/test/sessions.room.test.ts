import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RosterEntry, StandardView } from '@moot/protocol';
import { acked, connectWatcher, startSession, type AssemblyInSession, type MemberSocket } from './support/harness.ts';
import { followSession } from './support/sessionWatch.ts';

/** What a session's room shows: who is listed, how groups get standards, what carries over between sessions. */
describe('the session room', () => {
  let session: AssemblyInSession;
  beforeAll(async () => {
    session = await startSession({ names: ['Ada', 'Ben', 'Cy'], title: 'Session 1', start: true });
  }, 180_000);
  afterAll(() => session.close());

  it('lists the seats someone joined, never an unused invite as "not here"', async () => {
    const { mod, running, seed } = session;
    const { entry } = acked(await mod.emitWithAck('roster:invite', { role: 'member' })) as { entry: RosterEntry };
    const moderatorView = followSession(mod);
    const watcher = await connectWatcher(running.url, seed.watchKey);
    const observerView = followSession(watcher.socket);
    acked(await mod.emitWithAck('announcement:post', { text: 'Republish please' }));
    for (const view of [moderatorView, observerView]) {
      await vi.waitFor(() => expect(view.state?.announcements.map((a) => a.text)).toContain('Republish please'));
      expect(view.state!.attendees.map((a) => a.participantId)).not.toContain(entry.participantId);
      expect(view.state!.attendees).toHaveLength(4);
    }
    watcher.socket.disconnect();
  });

  it('deals ticked standards out between groups when asked, instead of giving every group all of them', async () => {
    const { mod, sessionId } = session;
    const [a, b, c] = await addStandards(mod, ['Care', 'Candour', 'Courage']);
    const view = followSession(mod);
    expect(await mod.emitWithAck('groups:form', { sessionId, count: 2, standardIds: [a!], split: true })).toMatchObject(
      {
        ok: false,
        error: {
          code: 'bad_request',
          message: expect.stringMatching(/one for each group/),
          reason: { key: 'group.fewerStandardsThanGroups', params: { standards: 1, groups: 2 } },
        },
      },
    );

    acked(await mod.emitWithAck('groups:form', { sessionId, count: 2, standardIds: [a!, b!, c!], split: true }));
    await vi.waitFor(() => expect(view.state?.groups.filter((g) => !g.ended)).toHaveLength(2));
    const dealt = view.state!.groups.filter((g) => !g.ended).sort((x, y) => x.number - y.number);
    expect(dealt.map((g) => g.standardIds)).toEqual([[a, c], [b]]);

    acked(await mod.emitWithAck('groups:form', { sessionId, count: 2, standardIds: [a!, b!] }));
    await vi.waitFor(() =>
      expect(view.state?.groups.filter((g) => !g.ended).map((g) => g.standardIds)).toEqual([
        [a, b],
        [a, b],
      ]),
    );
    acked(await mod.emitWithAck('groups:end', { sessionId }));
  });

  it("starts the next session without the last one's announcement and moderation log", async () => {
    const { mod, members, sessionId, running, seed } = session;
    const view = followSession(mod);
    const watcher = await connectWatcher(running.url, seed.watchKey);
    const observerView = followSession(watcher.socket);
    acked(await mod.emitWithAck('announcement:post', { text: 'Session 1 only' }));
    const ada = (await running.db.query<{ id: string }>(`SELECT id FROM participants WHERE display_name = 'Ada'`))[0]!;
    acked(
      await mod.emitWithAck('moderation:mute', { participantId: ada.id, minutes: 1, reason: { code: 'off_topic' } }),
    );
    await vi.waitFor(() => expect(view.state?.moderationLog.length).toBeGreaterThan(0));
    acked(await mod.emitWithAck('moderation:unmute', { participantId: ada.id }));
    acked(await mod.emitWithAck('session:end', { sessionId }));

    const next = acked(await mod.emitWithAck('session:create', { title: 'Session 2' }));
    acked(await mod.emitWithAck('session:start', next));
    for (const state of [view, observerView]) {
      await vi.waitFor(() => expect(state.state?.title).toBe('Session 2'));
      expect(state.state!.announcements).toEqual([]);
      expect(state.state!.moderationLog).toEqual([]);
    }
    // What happens in session 2 shows there.
    acked(await mod.emitWithAck('announcement:post', { text: 'Welcome to session 2' }));
    await vi.waitFor(() => expect(view.state?.announcements.map((a) => a.text)).toEqual(['Welcome to session 2']));
    expect(members).toHaveLength(3);
    watcher.socket.disconnect();
  });
});

async function addStandards(mod: MemberSocket, titles: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const title of titles) ids.push((acked(await mod.emitWithAck('standard:add', { title })) as StandardView).id);
  return ids;
}
