import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APPEAL_LIMITS,
  HTTP_ROUTES,
  WATCH_KEY_HEADER,
  pseudonym,
  type AppealCase,
  type AuditExport,
  type CommentView,
  type ModerationNotice,
} from '@moot/protocol';
import {
  acked,
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
import { randomUUID } from 'node:crypto';
import { listAppealCases } from '../src/features/appeals/appealStore.ts';
import { createAssembly } from '../src/features/assemblies/assemblyStore.ts';
import { addStandard } from '../src/features/charter/charterStore.ts';
import { inviteParticipant } from '../src/features/identity/participantStore.ts';
import { MIGRATIONS, migrate } from '../src/storage/migrations.ts';
import { openPglite } from '../src/storage/pglite.ts';
import { followSession } from './support/sessionWatch.ts';
import { seat } from './support/staff.ts';

type Listening = { on(event: string, listener: (payload: never) => void): unknown };

/** The latest `appeals:state` and `comments:state` a socket received. */
function follow(socket: MemberSocket | WatcherSocket) {
  const seen = { cases: [] as AppealCase[], comments: [] as CommentView[], notices: [] as ModerationNotice[] };
  const s = socket as unknown as Listening;
  s.on('appeals:state', (u: { cases: AppealCase[] }) => (seen.cases = u.cases));
  s.on('comments:state', (u: { comments: CommentView[] }) => (seen.comments = u.comments));
  s.on('moderation:notice', (n: ModerationNotice) => seen.notices.push(n));
  return seen;
}

/** The id of the newest moderation action about `participantId`, as the member's `appeals:state` names it. */
const newestCase = (seen: { cases: AppealCase[] }, action: AppealCase['action']) =>
  seen.cases.filter((c) => c.action === action).sort((a, b) => b.at - a.at)[0];

describe('appeals against moderation', () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  let mo: MemberSocket;
  let nia: MemberSocket;
  let ada: MemberSocket;
  let adaCookie: string;
  let ben: MemberSocket;
  let observer: WatcherSocket;
  let adaSeat: number;
  let sessionId: string;
  beforeAll(async () => {
    running = await startApp();
    seed = await seedAssembly(running.db);
    mo = (await connectMember(running.url, await redeem(running.url, seed.moderatorInvite, 'Mo'))).socket;
    nia = (await seat(running, seed.assemblyId, 'moderator', 'Nia')).socket;
    adaCookie = await redeem(running.url, seed.memberInvites[0]!, 'Ada Lovelace');
    ada = (await connectMember(running.url, adaCookie)).socket;
    ben = (await connectMember(running.url, await redeem(running.url, seed.memberInvites[1]!, 'Ben'))).socket;
    observer = (await connectWatcher(running.url, seed.watchKey)).socket;
    const [row] = await running.db.query<{ seat: number }>(
      `SELECT seat FROM participants WHERE assembly_id = $1 AND display_name = 'Ada Lovelace'`,
      [seed.assemblyId],
    );
    adaSeat = row!.seat;
    ({ sessionId } = acked(await mo.emitWithAck('session:create', { title: 'Sitting' })));
    acked(await mo.emitWithAck('session:start', { sessionId }));
  }, 60_000);
  afterAll(async () => {
    for (const s of [mo, nia, ada, ben, observer]) s?.disconnect();
    await running?.close();
  });

  const adaId = async () =>
    (
      await running.db.query<{ id: string }>(
        `SELECT id FROM participants WHERE assembly_id = $1 AND display_name = 'Ada Lovelace'`,
        [seed.assemblyId],
      )
    )[0]!.id;

  it('overturns a hidden comment on appeal by another moderator: the comment is back for everyone, and the public log and record say so under the pseudonym', async () => {
    const byAda = follow(ada);
    const byMo = follow(mo);
    const byBen = follow(ben);
    const byObserver = follow(observer);
    const watchLog = followSession(observer);
    const { commentId } = acked(
      await ada.emitWithAck('comment:post', { standardId: seed.standardId, text: 'Leaders should publish diaries.' }),
    );
    acked(await mo.emitWithAck('comment:hide', { commentId, reason: { code: 'off_topic', note: 'Not this clause' } }));
    await vi.waitFor(() =>
      expect(newestCase(byAda, 'hide_comment')?.commentText).toBe('Leaders should publish diaries.'),
    );
    const hidden = newestCase(byAda, 'hide_comment')!;
    expect(hidden).toMatchObject({
      actedBy: { name: 'Mo' },
      reason: 'off_topic',
      note: 'Not this clause',
      appeal: null,
    });

    // Only members appeal (the roles table): a moderator is refused before anything is read.
    expect(await mo.emitWithAck('appeal:file', { actionId: hidden.actionId, reason: 'For her' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // Ben may not appeal Ada's action: to him it does not exist.
    expect(await ben.emitWithAck('appeal:file', { actionId: hidden.actionId, reason: 'Let her speak' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    const filed = acked(
      await ada.emitWithAck('appeal:file', { actionId: hidden.actionId, reason: 'It is about this clause: diaries.' }),
    );
    expect(filed.waitsForModerator).toBe(false);
    await vi.waitFor(() => expect(byMo.cases.map((c) => c.appeal?.status)).toEqual(['pending']));
    expect(byMo.cases[0]).toMatchObject({
      member: { name: 'Ada Lovelace' },
      commentText: 'Leaders should publish diaries.',
    });
    // One appeal per action.
    expect(await ada.emitWithAck('appeal:file', { actionId: hidden.actionId, reason: 'Again' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', reason: { key: 'appeal.already' } },
    });

    // The moderator who hid it cannot decide, whatever they choose, and nothing changes.
    for (const decision of ['overturn', 'uphold'] as const) {
      expect(
        await mo.emitWithAck('appeal:decide', { appealId: filed.appealId, decision, reason: 'I was right' }),
      ).toMatchObject({ ok: false, error: { code: 'forbidden', reason: { key: 'appeal.ownAction' } } });
    }
    const [still] = await running.db.query<{ decision: string | null }>(
      'SELECT decision FROM moderation_appeals WHERE id = $1',
      [filed.appealId],
    );
    expect(still!.decision).toBeNull();

    // A member cannot decide at all (the roles table); Nia can.
    expect(
      await ben.emitWithAck('appeal:decide', { appealId: filed.appealId, decision: 'overturn', reason: 'x' }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    acked(
      await nia.emitWithAck('appeal:decide', {
        appealId: filed.appealId,
        decision: 'overturn',
        reason: 'Diaries are what the clause is about.',
      }),
    );
    const shown = (seen: { comments: CommentView[] }) => seen.comments.find((c) => c.id === commentId);
    await vi.waitFor(() => {
      for (const seen of [byBen, byObserver, byMo, byAda]) {
        expect(shown(seen)).toMatchObject({ text: 'Leaders should publish diaries.', hidden: null });
      }
    });
    await vi.waitFor(() => expect(newestCase(byAda, 'hide_comment')?.appeal?.status).toBe('overturned'));
    expect(newestCase(byAda, 'hide_comment')!.appeal).toMatchObject({
      decidedBy: { name: 'Nia' },
      decisionReason: 'Diaries are what the clause is about.',
    });
    // Decided once.
    expect(
      await nia.emitWithAck('appeal:decide', {
        appealId: filed.appealId,
        decision: 'uphold',
        reason: 'Second thoughts',
      }),
    ).toMatchObject({ ok: false, error: { code: 'bad_request', reason: { key: 'appeal.decided' } } });

    // The watch page's log: the hide, its appeal and the outcome, both reasons, under the pseudonym.
    await vi.waitFor(() => {
      const entry = watchLog.state?.moderationLog.find((m) => m.action === 'hide_comment');
      expect(entry).toMatchObject({
        participantName: pseudonym(adaSeat),
        note: null,
        appeal: {
          status: 'overturned',
          reason: 'It is about this clause: diaries.',
          decisionReason: 'Diaries are what the clause is about.',
        },
      });
    });
    expect(JSON.stringify(watchLog.state)).not.toContain('Ada Lovelace');

    // The public record: the appeal by the member's pseudonym, the decision by the moderator's name.
    const response = await fetch(running.url + HTTP_ROUTES.auditJson, {
      headers: { [WATCH_KEY_HEADER]: seed.watchKey },
    });
    const audit = (await response.json()) as AuditExport;
    const text = JSON.stringify(audit);
    expect(text).not.toContain('Ada Lovelace');
    expect(text).not.toContain('Not this clause');
    expect(audit.entries.find((e) => e.action === 'appeal.filed')).toMatchObject({
      actor: pseudonym(adaSeat),
      detail: { appealed: 'hide_comment', text: 'It is about this clause: diaries.' },
    });
    // Moderators are public figures, named with their role (exports/names.ts namedInPublic).
    expect(audit.entries.find((e) => e.action === 'appeal.overturned')).toMatchObject({
      actor: 'moderator Nia',
      subject: pseudonym(adaSeat),
      detail: { appealed: 'hide_comment', text: 'Diaries are what the clause is about.' },
    });
  });

  it('upholds: the comment stays hidden, the member is told the outcome and the reason', async () => {
    const byAda = follow(ada);
    const { commentId } = acked(
      await ada.emitWithAck('comment:post', { standardId: seed.standardId, text: 'Rude words' }),
    );
    acked(await nia.emitWithAck('comment:hide', { commentId, reason: { code: 'disrespect' } }));
    await vi.waitFor(() => expect(newestCase(byAda, 'hide_comment')?.commentText).toBe('Rude words'));
    const { appealId } = acked(
      await ada.emitWithAck('appeal:file', { actionId: newestCase(byAda, 'hide_comment')!.actionId, reason: 'Unfair' }),
    );
    acked(await mo.emitWithAck('appeal:decide', { appealId, decision: 'uphold', reason: 'The words were rude.' }));
    await vi.waitFor(() =>
      expect(newestCase(byAda, 'hide_comment')!.appeal).toMatchObject({
        status: 'upheld',
        decisionReason: 'The words were rude.',
        decidedBy: { name: 'Mo' },
      }),
    );
    const [row] = await running.db.query<{ hidden: boolean }>(
      'SELECT hidden_at IS NOT NULL AS hidden FROM comments WHERE id = $1',
      [commentId],
    );
    expect(row!.hidden).toBe(true);
  });

  it('lifts an overturned mute at once (only the mute appealed: a later one stands), and the member may comment again', async () => {
    const byAda = follow(ada);
    const me = await adaId();
    acked(await mo.emitWithAck('moderation:mute', { participantId: me, minutes: 30, reason: { code: 'disruption' } }));
    await vi.waitFor(() => expect(newestCase(byAda, 'mute')?.appeal).toBeNull());
    const firstMute = newestCase(byAda, 'mute')!;
    expect(await ada.emitWithAck('comment:post', { standardId: seed.standardId, text: 'While muted' })).toMatchObject({
      ok: false,
      error: { code: 'muted' },
    });
    // Appealing is not speaking: a muted member appeals.
    const { appealId } = acked(
      await ada.emitWithAck('appeal:file', { actionId: firstMute.actionId, reason: 'I was reading the clause aloud.' }),
    );
    acked(await nia.emitWithAck('appeal:decide', { appealId, decision: 'overturn', reason: 'Reading aloud is fine.' }));
    await vi.waitFor(() => expect(byAda.notices.at(-1)?.action).toBe('unmute'));
    acked(await ada.emitWithAck('comment:post', { standardId: seed.standardId, text: 'Free again' }));

    // A second mute, and then the appeal of an older one overturned: the one in force stands.
    acked(await mo.emitWithAck('moderation:mute', { participantId: me, minutes: 5, reason: { code: 'disruption' } }));
    await vi.waitFor(() => expect(byAda.cases.filter((c) => c.action === 'mute')).toHaveLength(2));
    acked(await mo.emitWithAck('moderation:unmute', { participantId: me }));
    acked(await mo.emitWithAck('moderation:mute', { participantId: me, minutes: 10, reason: { code: 'other' } }));
    await vi.waitFor(() => expect(byAda.cases.filter((c) => c.action === 'mute')).toHaveLength(3));
    const older = byAda.cases.filter((c) => c.action === 'mute').sort((a, b) => a.at - b.at)[1]!;
    const { appealId: second } = acked(
      await ada.emitWithAck('appeal:file', { actionId: older.actionId, reason: 'That one too.' }),
    );
    acked(await nia.emitWithAck('appeal:decide', { appealId: second, decision: 'overturn', reason: 'Agreed.' }));
    const [row] = await running.db.query<{ muted: boolean }>(
      'SELECT muted_until > now() AS muted FROM participants WHERE id = $1',
      [me],
    );
    expect(row!.muted).toBe(true);
    acked(await mo.emitWithAck('moderation:unmute', { participantId: me }));
  });

  it('lets a removed member appeal from a new connection; overturned, they may check in to the live sitting again', async () => {
    const me = await adaId();
    acked(await ada.emitWithAck('attendance:checkIn', { sessionId }));
    acked(await mo.emitWithAck('moderation:remove', { sessionId, participantId: me, reason: { code: 'disruption' } }));
    // Removed from the sitting, not from the assembly: the seat's cookie still opens the socket.
    ada.disconnect();
    let byAda = { cases: [] as AppealCase[] } as ReturnType<typeof follow>;
    ada = (
      await connectMember(running.url, adaCookie, {
        listen: (socket) => {
          byAda = follow(socket);
        },
      })
    ).socket;
    await vi.waitFor(() => expect(newestCase(byAda, 'remove')).toBeDefined());
    expect(await ada.emitWithAck('attendance:checkIn', { sessionId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const { appealId } = acked(
      await ada.emitWithAck('appeal:file', {
        actionId: newestCase(byAda, 'remove')!.actionId,
        reason: 'I left calmly.',
      }),
    );
    acked(await nia.emitWithAck('appeal:decide', { appealId, decision: 'overturn', reason: 'Removal was too much.' }));
    acked(await ada.emitWithAck('attendance:checkIn', { sessionId }));
  });

  it('refuses reasons that are empty or too long, and actions that cannot be appealed', async () => {
    const byAda = follow(ada);
    acked(await ada.emitWithAck('clock:ping', {}));
    const me = await adaId();
    acked(await mo.emitWithAck('moderation:mute', { participantId: me, minutes: 1, reason: { code: 'other' } }));
    await vi.waitFor(() => expect(newestCase(byAda, 'mute')?.appeal).toBeNull());
    const actionId = newestCase(byAda, 'mute')!.actionId;
    for (const reason of ['', '   ', 'x'.repeat(APPEAL_LIMITS.maxReasonLength + 1)]) {
      expect(await ada.emitWithAck('appeal:file', { actionId, reason })).toMatchObject({
        ok: false,
        error: { code: 'bad_request' },
      });
    }
    // An unmute is not a sanction: there is nothing to appeal.
    acked(await mo.emitWithAck('moderation:unmute', { participantId: me }));
    const [unmute] = await running.db.query<{ id: string }>(
      `SELECT id FROM moderation_actions WHERE participant_id = $1 AND action = 'unmute' ORDER BY at DESC LIMIT 1`,
      [me],
    );
    expect(await ada.emitWithAck('appeal:file', { actionId: unmute!.id, reason: 'Hm' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    // Past the window: too late (the action's time moved back, as if taken long ago).
    await running.db.query(`UPDATE moderation_actions SET at = now() - interval '15 days' WHERE id = $1`, [actionId]);
    expect(await ada.emitWithAck('appeal:file', { actionId, reason: 'Late' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', reason: { key: 'appeal.tooLate', params: { days: APPEAL_LIMITS.windowDays } } },
    });
  });

  it('with one moderator, the appeal waits (and says so); that moderator still cannot decide it', async () => {
    const lone = await seedAssembly(running.db);
    const loneMo = (await connectMember(running.url, await redeem(running.url, lone.moderatorInvite, 'Lone'))).socket;
    const member = (await connectMember(running.url, await redeem(running.url, lone.memberInvites[0]!, 'Cy'))).socket;
    try {
      const byMember = follow(member);
      const byLone = follow(loneMo);
      const { commentId } = acked(
        await member.emitWithAck('comment:post', { standardId: lone.standardId, text: 'Hi' }),
      );
      acked(await loneMo.emitWithAck('comment:hide', { commentId, reason: { code: 'other' } }));
      await vi.waitFor(() => expect(newestCase(byMember, 'hide_comment')).toBeDefined());
      const actionId = newestCase(byMember, 'hide_comment')!.actionId;
      // Another assembly's member and moderator reach nothing of it.
      expect(await ben.emitWithAck('appeal:file', { actionId, reason: 'Mine?' })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      const filed = acked(await member.emitWithAck('appeal:file', { actionId, reason: 'Please look again.' }));
      expect(filed.waitsForModerator).toBe(true);
      await vi.waitFor(() => expect(byLone.cases[0]?.appeal?.waitsForModerator).toBe(true));
      expect(
        await loneMo.emitWithAck('appeal:decide', { appealId: filed.appealId, decision: 'uphold', reason: 'Fine' }),
      ).toMatchObject({ ok: false, error: { code: 'forbidden', reason: { key: 'appeal.ownAction' } } });
      expect(
        await nia.emitWithAck('appeal:decide', { appealId: filed.appealId, decision: 'overturn', reason: 'Not mine' }),
      ).toMatchObject({ ok: false, error: { code: 'not_found' } });
      // A second moderator appointed: the appeal no longer waits, and they may decide.
      const second = (await seat(running, lone.assemblyId, 'moderator', 'Second')).socket;
      try {
        const [pending] = await listAppealCases(running.db, lone.assemblyId, { role: 'moderator' });
        expect(pending!.appeal!.waitsForModerator).toBe(false);
        acked(
          await second.emitWithAck('appeal:decide', { appealId: filed.appealId, decision: 'overturn', reason: 'OK' }),
        );
      } finally {
        second.disconnect();
      }
    } finally {
      loneMo.disconnect();
      member.disconnect();
    }
  });
});

describe('the appeals migration (25)', () => {
  it('names the comment of every hide recorded before it, so those hides can be appealed and restored', async () => {
    const db = await openPglite();
    try {
      await migrate(
        db,
        MIGRATIONS.filter((m) => m.id < 25),
      );
      const { assembly } = await createAssembly(db, { title: 'Old', charge: 'Why?' });
      const { participant: moderator } = await inviteParticipant(db, assembly.id, 'moderator');
      const { participant: member } = await inviteParticipant(db, assembly.id, 'member');
      const standard = await addStandard(db, assembly.id, moderator.id, 'Honesty');
      // Two hides by one moderator of one member's comments, as the old command wrote them: the
      // comment's hiding time and the action's time are one transaction's now().
      const hide = async (text: string, at: string) => {
        const commentId = randomUUID();
        await db.query(
          `INSERT INTO comments (id, assembly_id, standard_id, author_id, text, hidden_reason, hidden_by, hidden_at)
           VALUES ($1, $2, $3, $4, $5, 'off_topic', $6, $7)`,
          [commentId, assembly.id, standard.id, member.id, text, moderator.id, at],
        );
        await db.query(
          `INSERT INTO moderation_actions (id, assembly_id, participant_id, action, reason, by_id, at)
           VALUES ($1, $2, $3, 'hide_comment', 'off_topic', $4, $5)`,
          [randomUUID(), assembly.id, member.id, moderator.id, at],
        );
        return commentId;
      };
      const first = await hide('First', '2026-01-01T10:00:00Z');
      const second = await hide('Second', '2026-01-01T10:05:00Z');
      await migrate(db);
      const rows = await db.query<{ at: Date; commentId: string | null }>(
        'SELECT at, comment_id AS "commentId" FROM moderation_actions ORDER BY at',
      );
      expect(rows.map((r) => r.commentId)).toEqual([first, second]);
    } finally {
      await db.close();
    }
  });
});
