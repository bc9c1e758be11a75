import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presentNow } from '../src/features/sessions/floorStore.ts';
import { acked, startSession, type AssemblyInSession } from './support/harness.ts';
import { seat } from './support/staff.ts';

const ended = { ok: false, error: { code: 'bad_request', reason: { key: 'session.ended' } } };

describe('attendance at a sitting that has ended', () => {
  let session: AssemblyInSession;
  let facilitator: Awaited<ReturnType<typeof seat>>;
  let ada: string;
  beforeAll(async () => {
    session = await startSession({ names: ['Ada', 'Ben', 'Cy'], title: 'Sitting', start: true });
    facilitator = await seat(session.running, session.seed.assemblyId, 'facilitator', 'Fay');
    acked(await session.members[0]!.emitWithAck('attendance:checkOut', { sessionId: session.sessionId }));
    const [row] = await session.running.db.query<{ id: string }>(
      `SELECT id FROM participants WHERE assembly_id = $1 AND display_name = 'Ada'`,
      [session.seed.assemblyId],
    );
    ada = row!.id;
    acked(await session.mod.emitWithAck('session:end', { sessionId: session.sessionId }));
  }, 120_000);
  afterAll(async () => {
    facilitator.socket.disconnect();
    await session.close();
  });

  it('refuses a member checking themselves in, and a facilitator checking them in at the door', async () => {
    const { sessionId } = session;
    expect(await session.members[0]!.emitWithAck('attendance:checkIn', { sessionId })).toMatchObject(ended);
    expect(
      await facilitator.socket.emitWithAck('attendance:checkInFor', { sessionId, participantId: ada }),
    ).toMatchObject(ended);
    expect(await presentNow(session.running.db, sessionId, ada)).toBe(false);
  });
});
