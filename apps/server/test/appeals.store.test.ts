import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  anotherModerator,
  decideAppeal,
  fileAppeal,
  listAppealCases,
  undo,
} from '../src/features/appeals/appealStore.ts';
import { createAssembly } from '../src/features/assemblies/assemblyStore.ts';
import { addStandard } from '../src/features/charter/charterStore.ts';
import { hideComment, postComment } from '../src/features/comments/commentStore.ts';
import { inviteParticipant } from '../src/features/identity/participantStore.ts';
import { recordModeration, setMutedUntil } from '../src/features/sessions/moderationStore.ts';
import type { Database } from '../src/storage/database.ts';
import { describeOnEngines, type OpenEngine } from './support/services.ts';

/** The appeals store's SQL, the same on both engines: filing once, the actor refused, overturning undoes. */
function appealsContract(open: OpenEngine) {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await open());
  });
  afterAll(async () => {
    await dispose();
  });

  it('files once, refuses the actor, and an overturn restores the comment and lifts the mute in force', async () => {
    const { assembly } = await createAssembly(db, { title: 'A', charge: 'Why?' });
    const mo = (await inviteParticipant(db, assembly.id, 'moderator')).participant;
    const member = (await inviteParticipant(db, assembly.id, 'member')).participant;
    const standard = await addStandard(db, assembly.id, mo.id, 'Honesty');
    const hid = await db.transaction(async (tx) => {
      const commentId = await postComment(tx, {
        assemblyId: assembly.id,
        standardId: standard.id,
        authorId: member.id,
        text: 'Hm',
      });
      await hideComment(tx, { assemblyId: assembly.id, commentId, reason: 'other', note: null, by: mo.id });
      const actionId = await recordModeration(tx, {
        assemblyId: assembly.id,
        sessionId: null,
        participantId: member.id,
        action: 'hide_comment',
        reason: 'other',
        note: 'a note',
        until: null,
        by: mo.id,
        commentId,
      });
      return { commentId, actionId };
    });
    expect(await anotherModerator(db, assembly.id, mo.id)).toBe(false);
    const { appealId } = await db.transaction((tx) =>
      fileAppeal(tx, { assemblyId: assembly.id, actionId: hid.actionId, memberId: member.id, reason: 'Why?' }),
    );
    await expect(
      db.transaction((tx) =>
        fileAppeal(tx, { assemblyId: assembly.id, actionId: hid.actionId, memberId: member.id, reason: 'Again' }),
      ),
    ).rejects.toMatchObject({ reason: { key: 'appeal.already' } });
    const [mine] = await listAppealCases(db, assembly.id, { role: 'member', participantId: member.id });
    expect(mine).toMatchObject({
      commentText: 'Hm',
      note: 'a note',
      appeal: { status: 'pending', waitsForModerator: true },
    });
    await expect(
      db.transaction((tx) =>
        decideAppeal(tx, { assemblyId: assembly.id, appealId, by: mo.id, decision: 'overturn', reason: 'No' }),
      ),
    ).rejects.toMatchObject({ code: 'forbidden', reason: { key: 'appeal.ownAction' } });

    const nia = (await inviteParticipant(db, assembly.id, 'moderator')).participant;
    expect(await anotherModerator(db, assembly.id, mo.id)).toBe(true);
    const undone = await db.transaction(async (tx) =>
      undo(
        tx,
        await decideAppeal(tx, { assemblyId: assembly.id, appealId, by: nia.id, decision: 'overturn', reason: 'Yes' }),
      ),
    );
    expect(undone).toEqual({ unmuted: false, readmitted: false, restored: true });
    const [comment] = await db.query<{ hidden: boolean }>(
      'SELECT hidden_at IS NOT NULL AS hidden FROM comments WHERE id = $1',
      [hid.commentId],
    );
    expect(comment!.hidden).toBe(false);
    const [decided] = await listAppealCases(db, assembly.id, { role: 'moderator' });
    expect(decided!.appeal).toMatchObject({
      status: 'overturned',
      decisionReason: 'Yes',
      decidedBy: { participantId: nia.id },
    });

    // A mute: lifted only while it is the one in force.
    const until = new Date(Date.now() + 600_000);
    const muted = await db.transaction(async (tx) => {
      await setMutedUntil(tx, member.id, until);
      return recordModeration(tx, {
        assemblyId: assembly.id,
        sessionId: null,
        participantId: member.id,
        action: 'mute',
        reason: 'other',
        note: null,
        until,
        by: mo.id,
      });
    });
    const { appealId: muteAppeal } = await db.transaction((tx) =>
      fileAppeal(tx, { assemblyId: assembly.id, actionId: muted, memberId: member.id, reason: 'Please' }),
    );
    const lifted = await db.transaction(async (tx) =>
      undo(
        tx,
        await decideAppeal(tx, {
          assemblyId: assembly.id,
          appealId: muteAppeal,
          by: nia.id,
          decision: 'overturn',
          reason: 'OK',
        }),
      ),
    );
    expect(lifted.unmuted).toBe(true);
    const [row] = await db.query<{ mutedUntil: Date | null }>(
      'SELECT muted_until AS "mutedUntil" FROM participants WHERE id = $1',
      [member.id],
    );
    expect(row!.mutedUntil).toBeNull();
  });
}

await describeOnEngines('the appeals store', appealsContract);
