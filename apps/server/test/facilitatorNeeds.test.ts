import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { GroupView, SessionState } from '@moot/protocol';
import { acked, startSession, type AssemblyInSession } from './support/harness.ts';
import { memberAdminClient, organiserOf } from './support/organise.ts';
import { followSession } from './support/sessionWatch.ts';
import { seat } from './support/staff.ts';

/**
 * Facilitators see the access needs of the members they steer (issue 14 §2): as needs, only with
 * consent, only their own group's while groups run (the whole room's at the door), and never a
 * name, contact detail or demographic with them.
 */
describe("a facilitator sees their members' needs, and nobody else's", () => {
  let session: AssemblyInSession;
  let fay: Awaited<ReturnType<typeof seat>>;
  let gus: Awaited<ReturnType<typeof seat>>;
  let view: { readonly state: SessionState | null };
  const seatOf: Record<string, string> = {};
  const CSV =
    'id,name,email,Region\n' +
    'N1,Needs One,one@private.example,Zz-North\n' +
    'N2,Needs Two,two@private.example,Zz-South\n' +
    'N3,Withdrew Three,three@private.example,Zz-North\n';

  beforeAll(async () => {
    session = await startSession({ names: ['Ada', 'Ben', 'Cy'], title: 'Sitting', start: true });
    const { running, seed, mod, sessionId } = session;
    fay = await seat(running, seed.assemblyId, 'facilitator', 'Fay');
    gus = await seat(running, seed.assemblyId, 'facilitator', 'Gus');
    view = followSession(mod);
    // The organiser imports the lottery's members and records needs with (or without) consent.
    const admin = memberAdminClient(
      running.url,
      await organiserOf(running.url, running.db, seed.assemblyId),
      seed.assemblyId,
    );
    const csv = new TextEncoder().encode(CSV);
    acked(
      await admin('members:import', { csv, previewHash: acked(await admin('members:preview', { csv })).previewHash }),
    );
    const { members } = acked(await admin('members:list', {}));
    const idOf = (name: string) => members.find((m) => m.name === name)!.memberId;
    acked(
      await admin('members:setNeeds', { memberId: idOf('Needs One'), needs: ['captions', 'welsh'], consent: 'given' }),
    );
    acked(
      await admin('members:setNeeds', { memberId: idOf('Needs Two'), needs: ['step_free_room'], consent: 'given' }),
    );
    acked(
      await admin('members:setNeeds', {
        memberId: idOf('Withdrew Three'),
        needs: ['bsl_interpreter'],
        consent: 'given',
      }),
    );
    // Consent withdrawn: what was recorded goes.
    acked(await admin('members:setNeeds', { memberId: idOf('Withdrew Three'), needs: [], consent: 'withdrawn' }));
    for (const row of await running.db.query<{ name: string; participant_id: string }>(
      'SELECT name, participant_id FROM members WHERE assembly_id = $1',
      [seed.assemblyId],
    )) {
      seatOf[row.name] = row.participant_id;
    }
    // At the door: the moderator checks the three in.
    for (const name of Object.keys(seatOf)) {
      acked(await mod.emitWithAck('attendance:checkInFor', { sessionId, participantId: seatOf[name]! }));
    }
  }, 180_000);
  afterAll(async () => {
    for (const s of [fay, gus]) s?.socket.disconnect();
    await session?.close();
  });

  const needsOf = async (socket: typeof fay.socket) =>
    acked(await socket.emitWithAck('members:tableNeeds', { sessionId: session.sessionId }));

  it('at the door (no groups running), shows the whole room’s needs recorded with consent, and nothing else', async () => {
    const shown = await needsOf(fay.socket);
    expect(shown.members).toEqual(
      expect.arrayContaining([
        { participantId: seatOf['Needs One'], needs: ['captions', 'welsh'] },
        { participantId: seatOf['Needs Two'], needs: ['step_free_room'] },
      ]),
    );
    // Consent withdrawn: nothing shown for them at all.
    expect(shown.members.map((m) => m.participantId)).not.toContain(seatOf['Withdrew Three']);
    expect(shown.members).toHaveLength(2);
    const text = JSON.stringify(shown);
    for (const secret of ['Needs One', 'private.example', 'Zz-North', 'Zz-South', 'N1'])
      expect(text).not.toContain(secret);
  });

  it('while groups run, shows a facilitator of group A only group A’s needs, never group B’s', async () => {
    const { mod, sessionId } = session;
    acked(await mod.emitWithAck('groups:form', { sessionId, count: 2 }));
    await vi.waitFor(() => expect(view.state?.groups).toHaveLength(2));
    const [one, two] = view.state!.groups as [GroupView, GroupView];
    const move = async (participantId: string, groupId: string) =>
      acked(await mod.emitWithAck('groups:move', { sessionId, participantId, groupId }));
    await move(fay.participantId, one.id);
    await move(gus.participantId, two.id);
    await move(seatOf['Needs One']!, one.id);
    await move(seatOf['Withdrew Three']!, one.id);
    await move(seatOf['Needs Two']!, two.id);
    expect((await needsOf(fay.socket)).members).toEqual([
      { participantId: seatOf['Needs One'], needs: ['captions', 'welsh'] },
    ]);
    expect((await needsOf(gus.socket)).members).toEqual([
      { participantId: seatOf['Needs Two'], needs: ['step_free_room'] },
    ]);
    // The moderator and members hold no such view: the permissions table refuses them.
    expect(await mod.emitWithAck('members:tableNeeds', { sessionId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await session.members[0]!.emitWithAck('members:tableNeeds', { sessionId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
