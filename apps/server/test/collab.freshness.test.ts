import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DocumentAccess } from '../src/collab/documentAccess.ts';
import { standardDocument } from '../src/features/charter/standardDocument.ts';
import { listParticipants } from '../src/features/identity/participantStore.ts';
import { setMutedUntil } from '../src/features/sessions/moderationStore.ts';
import { Silence } from '../src/features/sessions/silence.ts';
import type { Database } from '../src/storage/database.ts';
import { seedAssembly, type SeededAssembly } from './support/harness.ts';
import { memoryDatabase } from './support/memoryDatabase.ts';

/**
 * The per-edit checks (may this person still write here? are they muted?) answer from what they
 * know and refresh behind, so no keystroke waits for the database once an answer is known.
 * A TTL of 0 makes every known answer stale at once.
 */
describe('the per-edit checks answer at once and refresh behind', () => {
  let db: Database;
  let seed: SeededAssembly;
  let memberId: string;
  beforeAll(async () => {
    db = await memoryDatabase();
    seed = await seedAssembly(db);
    memberId = (await listParticipants(db, seed.assemblyId)).find((p) => p.role === 'member')!.id;
  });
  afterAll(() => db.close());

  it('silence: the known answer stands while a fresh one is read; forget reads at once', async () => {
    const silence = new Silence(db, 0);
    expect(await silence.isSilenced(memberId)).toBe(false);
    await setMutedUntil(db, memberId, new Date(Date.now() + 60_000));
    expect(await silence.isSilenced(memberId)).toBe(false); // stale, and a read started behind it
    await vi.waitFor(async () => expect(await silence.isSilenced(memberId)).toBe(true));

    await setMutedUntil(db, memberId, null);
    silence.forget(memberId); // this node unmuted: no stale answer
    expect(await silence.isSilenced(memberId)).toBe(false);
  });

  it('document access: a lock decided elsewhere takes hold after one stale answer; forget at once', async () => {
    const access = new DocumentAccess(db, new Map([['standard', standardDocument]]), 0);
    const who = {
      assembly: { id: seed.assemblyId },
      role: 'member',
      participant: { id: memberId },
    } as unknown as Parameters<DocumentAccess['check']>[0];
    expect(await access.check(who, seed.docId)).toEqual({ locked: false });
    await db.query("UPDATE standards SET status = 'locked' WHERE id = $1", [seed.standardId]);
    expect(await access.check(who, seed.docId)).toEqual({ locked: false }); // stale
    await vi.waitFor(async () => expect(await access.check(who, seed.docId)).toEqual({ locked: true }));

    await db.query("UPDATE standards SET status = 'drafting' WHERE id = $1", [seed.standardId]);
    access.forget(seed.docId);
    expect(await access.check(who, seed.docId)).toEqual({ locked: false });
  });
});
