import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_ROUTES, WATCH_KEY_HEADER, type AuditExport, type RosterState } from '@moot/protocol';
import {
  acked,
  connectMember,
  redeem,
  seedAssembly,
  startApp,
  type MemberSocket,
  type RunningApp,
  type SeededAssembly,
} from './support/harness.ts';

const disconnected = (socket: MemberSocket) => new Promise<string>((resolve) => socket.once('disconnect', resolve));
const nextRoster = (socket: MemberSocket) =>
  new Promise<RosterState>((resolve) => socket.once('roster:state', resolve));
const refusedWith = (code: string) => ({ ok: false, error: { code } });

describe("the moderators' roster", () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  let other: SeededAssembly;
  let mod: MemberSocket;
  let modId: string;
  let coMod: MemberSocket;
  beforeAll(async () => {
    running = await startApp();
    seed = await seedAssembly(running.db);
    other = await seedAssembly(running.db);
    const connected = await connectMember(running.url, await redeem(running.url, seed.moderatorInvite, 'Mo'));
    mod = connected.socket;
    modId = connected.snapshot.me!.id;
    // A second moderator, invited through the roster itself, watches the pushes.
    const { inviteSecret } = acked(await mod.emitWithAck('roster:invite', { role: 'moderator' }));
    coMod = (await connectMember(running.url, await redeem(running.url, inviteSecret, 'Cora'))).socket;
  });
  afterAll(async () => {
    mod.disconnect();
    coMod.disconnect();
    await running.close();
  });

  const seatNamed = async (name: string) => {
    const { participants } = acked(await mod.emitWithAck('roster:list', {}));
    return participants.find((p) => p.displayName === name)!;
  };

  it('lists every seat with its role, and null for a name until its holder joins', async () => {
    const { participants } = acked(await mod.emitWithAck('roster:list', {}));
    expect(participants.map((p) => p.seat)).toEqual([...participants.map((p) => p.seat)].sort((a, b) => a - b));
    expect(participants.find((p) => p.participantId === modId)).toMatchObject({ role: 'moderator', displayName: 'Mo' });
    expect(participants.filter((p) => p.role === 'member' && p.displayName === null)).toHaveLength(
      seed.memberInvites.length,
    );
  });

  it('invites with a link that works once redeemed, pushes the roster to every moderator, and audits it', async () => {
    const pushed = nextRoster(coMod);
    const { entry, inviteSecret } = acked(await mod.emitWithAck('roster:invite', { role: 'member' }));
    expect(entry).toMatchObject({ role: 'member', displayName: null });
    expect((await pushed).participants.map((p) => p.participantId)).toContain(entry.participantId);
    // Joining pushes the roster too, with the name chosen.
    const joined = nextRoster(coMod);
    const { snapshot } = await connectMember(running.url, await redeem(running.url, inviteSecret, 'Nia'));
    expect((await joined).participants.find((p) => p.participantId === entry.participantId)?.displayName).toBe('Nia');
    expect(snapshot.me).toMatchObject({ id: entry.participantId, role: 'member', displayName: 'Nia' });
    expect(await seatNamed('Nia')).toMatchObject({ participantId: entry.participantId, seat: entry.seat });
    const audited = await running.db.query<{ actor_id: string; detail: unknown }>(
      `SELECT actor_id, detail FROM audit_log WHERE action = 'participant.invited' AND target = $1`,
      [entry.participantId],
    );
    expect(audited).toEqual([{ actor_id: modId, detail: { role: 'member' } }]);
  });

  it('re-issues a link: the old one stops working, the new one works', async () => {
    const { entry, inviteSecret: first } = acked(await mod.emitWithAck('roster:invite', { role: 'member' }));
    const { inviteSecret: second } = acked(
      await mod.emitWithAck('roster:reissue', { participantId: entry.participantId }),
    );
    await expect(redeem(running.url, first, 'Old link')).rejects.toThrow(/404/);
    await redeem(running.url, second, 'Osian');
    expect((await seatNamed('Osian')).participantId).toBe(entry.participantId);
  });

  it('promotes a member: their connection closes and comes back as a moderator', async () => {
    const cookie = await redeem(running.url, seed.memberInvites[0]!, 'Ada');
    const { socket: ada, snapshot } = await connectMember(running.url, cookie);
    const closed = disconnected(ada);
    const pushed = nextRoster(coMod);
    acked(await mod.emitWithAck('roster:setRole', { participantId: snapshot.me!.id, role: 'moderator' }));
    expect(await closed).toBe('io server disconnect');
    expect((await pushed).participants.find((p) => p.participantId === snapshot.me!.id)?.role).toBe('moderator');
    const { socket: again, snapshot: after } = await connectMember(running.url, cookie);
    expect(after.me?.role).toBe('moderator');
    expect(
      await mod.emitWithAck('roster:setRole', { participantId: snapshot.me!.id, role: 'moderator' }),
    ).toMatchObject(refusedWith('bad_request'));
    again.disconnect();
    // The public record says who became a moderator: now a public figure, by role and name.
    const record = (await (
      await fetch(running.url + HTTP_ROUTES.auditJson, { headers: { [WATCH_KEY_HEADER]: seed.watchKey } })
    ).json()) as AuditExport;
    const change = record.entries.find((e) => e.action === 'participant.role_changed');
    expect(change).toMatchObject({ subject: 'moderator Ada', detail: { role: 'moderator' } });
  });

  it('revokes a seat: connections close, the cookie and the link open nothing more', async () => {
    const { entry, inviteSecret } = acked(await mod.emitWithAck('roster:invite', { role: 'member' }));
    const cookie = await redeem(running.url, inviteSecret, 'Rhys');
    const { socket: rhys } = await connectMember(running.url, cookie);
    const closed = disconnected(rhys);
    const pushed = nextRoster(coMod);
    acked(await mod.emitWithAck('roster:revoke', { participantId: entry.participantId }));
    expect(await closed).toBe('io server disconnect');
    expect((await pushed).participants.map((p) => p.participantId)).not.toContain(entry.participantId);
    await expect(connectMember(running.url, cookie)).rejects.toMatchObject({ message: 'unauthorized' });
    await expect(redeem(running.url, inviteSecret, 'Rhys again')).rejects.toThrow(/404/);
    expect(await mod.emitWithAck('roster:revoke', { participantId: entry.participantId })).toMatchObject(
      refusedWith('not_found'),
    );
    expect(await mod.emitWithAck('roster:reissue', { participantId: entry.participantId })).toMatchObject(
      refusedWith('not_found'),
    );
  });

  it('refuses a moderator changing or revoking their own seat, so one always remains', async () => {
    expect(await mod.emitWithAck('roster:setRole', { participantId: modId, role: 'member' })).toMatchObject(
      refusedWith('bad_request'),
    );
    expect(await mod.emitWithAck('roster:revoke', { participantId: modId })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', reason: { key: 'roster.ownSeat' } },
    });
    expect(mod.connected).toBe(true);
  });

  it("cannot reach another assembly's seats", async () => {
    const cookie = await redeem(running.url, other.memberInvites[0]!, 'Elsewhere');
    const { socket: stranger, snapshot } = await connectMember(running.url, cookie);
    const id = snapshot.me!.id;
    for (const [event, payload] of [
      ['roster:reissue', { participantId: id }],
      ['roster:setRole', { participantId: id, role: 'moderator' }],
      ['roster:revoke', { participantId: id }],
    ] as const) {
      expect(await mod.emitWithAck(event as 'roster:revoke', payload as { participantId: string })).toMatchObject(
        refusedWith('not_found'),
      );
    }
    expect(stranger.connected).toBe(true);
    const [row] = await running.db.query<{ role: string; revoked: boolean }>(
      'SELECT role, revoked_at IS NOT NULL AS revoked FROM participants WHERE id = $1',
      [id],
    );
    expect(row).toEqual({ role: 'member', revoked: false });
    stranger.disconnect();
  });
});
