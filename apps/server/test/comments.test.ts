import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CommentView, ModerationNotice } from '@moot/protocol';
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
} from './support/harness.ts';
import { followSession } from './support/sessionWatch.ts';

/** Keeps the latest comments a socket received. */
function followComments(socket: {
  on(event: 'comments:state', listener: (u: { comments: CommentView[] }) => void): unknown;
}) {
  const seen = { comments: [] as CommentView[] };
  socket.on('comments:state', (u) => (seen.comments = u.comments));
  return seen;
}

describe('comments on standards', () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  let mod: MemberSocket;
  let author: MemberSocket;
  let other: MemberSocket;
  beforeAll(async () => {
    running = await startApp();
    seed = await seedAssembly(running.db);
    mod = (await connectMember(running.url, await redeem(running.url, seed.moderatorInvite, 'Mo'))).socket;
    author = (await connectMember(running.url, await redeem(running.url, seed.memberInvites[0]!, 'Ada Author'))).socket;
    other = (await connectMember(running.url, await redeem(running.url, seed.memberInvites[1]!, 'Ben'))).socket;
  });
  afterAll(async () => {
    for (const s of [mod, author, other]) s?.disconnect();
    await running.close();
  });

  it('lets members comment, and a moderator hide a comment with a reason its author is told', async () => {
    const watcher = await connectWatcher(running.url, seed.watchKey);
    const byMod = followComments(mod);
    const byAuthor = followComments(author);
    const byOther = followComments(other);
    const byObserver = followComments(watcher.socket as unknown as MemberSocket);
    const { commentId } = acked(
      await author.emitWithAck('comment:post', { standardId: seed.standardId, text: 'Honesty needs a definition.' }),
    );
    await vi.waitFor(() =>
      expect(byObserver.comments[0]).toMatchObject({ author: 'Member 2', text: 'Honesty needs a definition.' }),
    );
    expect(await other.emitWithAck('comment:hide', { commentId, reason: { code: 'off_topic' } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    const notices: ModerationNotice[] = [];
    author.on('moderation:notice', (n) => notices.push(n));
    const log = followSession(watcher.socket);
    acked(
      await mod.emitWithAck('comment:hide', {
        commentId,
        reason: { code: 'off_topic', note: 'Please keep to the clause' },
      }),
    );
    await vi.waitFor(() => {
      expect(byOther.comments[0]).toMatchObject({
        text: null,
        hidden: { reason: 'off_topic', note: 'Please keep to the clause' },
      });
      expect(byAuthor.comments[0]).toMatchObject({
        text: 'Honesty needs a definition.',
        hidden: { reason: 'off_topic' },
      });
      expect(byMod.comments[0]).toMatchObject({ text: 'Honesty needs a definition.', hidden: { reason: 'off_topic' } });
      expect(byObserver.comments[0]).toMatchObject({ text: null, hidden: { reason: 'off_topic', note: null } });
      expect(notices).toEqual([
        { action: 'hide_comment', reason: 'off_topic', note: 'Please keep to the clause', until: null },
      ]);
    });
    expect(JSON.stringify(byObserver.comments)).not.toContain('Ada Author');
    // Hiding is recorded in the moderation log (no session yet: it appears once one exists).
    const logged = await running.db.query<{ action: string }>(`SELECT action FROM moderation_actions`);
    expect(logged.map((l) => l.action)).toEqual(['hide_comment']);
    expect(log.state).toBeNull();
    expect(await mod.emitWithAck('comment:hide', { commentId, reason: { code: 'off_topic' } })).toMatchObject({
      ok: false,
      error: { code: 'not_found', reason: { key: 'comment.notFound' } },
    });
    watcher.socket.disconnect();
  });

  it('refuses a comment on a standard of another assembly, and over the length limit', async () => {
    const elsewhere = await seedAssembly(running.db);
    expect(await author.emitWithAck('comment:post', { standardId: elsewhere.standardId, text: 'Hi' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(
      await author.emitWithAck('comment:post', { standardId: seed.standardId, text: 'x'.repeat(2001) }),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
  });
});
