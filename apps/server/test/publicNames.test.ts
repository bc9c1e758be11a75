import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readAudit } from '../src/audit/auditLog.ts';
import { acked, connectWatcher, startSession, type AssemblyInSession } from './support/harness.ts';
import { followSession } from './support/sessionWatch.ts';
import { seat } from './support/staff.ts';
import { participantNames, participantsOf } from '../src/features/exports/names.ts';

/** How the public sees people: facilitators by name, members by pseudonym unless they opt in. */
describe('names on the public side', () => {
  let session: AssemblyInSession;
  beforeAll(async () => {
    session = await startSession({ names: ['Ada', 'Ben', 'Cy'], title: 'Session 1', start: true });
  }, 180_000);
  afterAll(() => session.close());

  it('shows a moderator by name, and a member by pseudonym until they choose to show their name', async () => {
    const { running, seed, mod, members } = session;
    const watcher = await connectWatcher(running.url, seed.watchKey);
    const view = followSession(watcher.socket);
    acked(await mod.emitWithAck('announcement:post', { text: 'Republish' }));
    await vi.waitFor(() => expect(view.state?.attendees.length).toBe(4));
    const names = () => view.state!.attendees.map((a) => `${a.role}:${a.name}`);
    expect(names()).toEqual(['moderator:Mo', 'member:Member 2', 'member:Member 3', 'member:Member 4']);

    acked(await members[0]!.emitWithAck('participant:showName', { showName: true }));
    await vi.waitFor(() => expect(names()).toContain('member:Ada'));
    expect(names()).toContain('member:Member 3');
    // A moderator is always shown by name: there is nothing for them to choose.
    expect(await mod.emitWithAck('participant:showName', { showName: false })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await members[1]!.emitWithAck('participant:showName', { showName: 'yes' } as never)).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });

    acked(await members[0]!.emitWithAck('participant:showName', { showName: false }));
    await vi.waitFor(() => expect(names()).toContain('member:Member 2'));
    const entries = (await readAudit(running.db, seed.assemblyId)).filter((e) => e.action === 'participant.show_name');
    expect(entries.map((e) => e.detail)).toEqual([{ showName: true }, { showName: false }]);
    watcher.socket.disconnect();
  });

  it('shows a facilitator by name with their role, whatever they choose; a note-taker by pseudonym until they opt in', async () => {
    const { running, seed, mod } = session;
    const fay = await seat(running, seed.assemblyId, 'facilitator', 'Fay');
    const nia = await seat(running, seed.assemblyId, 'note_taker', 'Nia');
    const watcher = await connectWatcher(running.url, seed.watchKey);
    const view = followSession(watcher.socket);
    acked(await mod.emitWithAck('announcement:post', { text: 'Republish with the table hosts' }));
    await vi.waitFor(() => expect(view.state?.attendees.length).toBe(6));
    const names = () => view.state!.attendees.map((a) => `${a.role}:${a.name}`);
    expect(names()).toEqual(expect.arrayContaining(['facilitator:Fay', 'note_taker:Member 6']));
    // A facilitator is a public figure: nothing to choose. A note-taker may show their name.
    expect(await fay.socket.emitWithAck('participant:showName', { showName: false })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    acked(await nia.socket.emitWithAck('participant:showName', { showName: true }));
    await vi.waitFor(() => expect(names()).toContain('note_taker:Nia'));
    // The public record names them the same way, a facilitator with their role.
    const publicNameOf = await participantNames(running.db, seed.assemblyId, 'observer');
    expect(publicNameOf(fay.participantId)).toBe('facilitator Fay');
    expect(publicNameOf(nia.participantId)).toBe('Nia');
    // A record written in Welsh says the Welsh role word, and a pseudonym in Welsh (the protocol's words).
    const welshNameOf = await participantNames(running.db, seed.assemblyId, 'observer', 'cy');
    expect(welshNameOf(fay.participantId)).toBe('yr hwylusydd Fay');
    expect(welshNameOf(nia.participantId)).toBe('Nia');
    const seats = await participantsOf(running.db, seed.assemblyId);
    const moderator = seats.find((p) => p.role === 'moderator')!;
    const member = seats.find((p) => p.role === 'member' && !p.showName)!;
    expect(welshNameOf(moderator.id)).toBe(`y cymedrolwr ${moderator.displayName}`);
    expect(welshNameOf(member.id)).toBe(`Aelod ${member.seat}`);
    expect(publicNameOf(member.id)).toBe(`Member ${member.seat}`);
    for (const s of [fay.socket, nia.socket, watcher.socket]) s.disconnect();
  });
});
