import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_ROUTES, WATCH_KEY_HEADER } from '@moot/protocol';
import { CollabClient } from './support/collabClient.ts';
import { databaseFingerprint } from './support/fingerprint.ts';
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

type Raw = { timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> } };

/**
 * Assembly A's member and moderator try every id of assembly B they could learn or guess —
 * its documents, standards, votes and sessions, its watch key on exports — and watch B's
 * activity for any byte of it reaching them.
 */
describe('isolation between assemblies', () => {
  let running: RunningApp;
  let a: SeededAssembly;
  let b: SeededAssembly;
  let memberA: MemberSocket;
  let modA: MemberSocket;
  let cookieA: string;
  let modB: MemberSocket;
  let editorB: CollabClient;
  let voteB: string;
  let sessionB: string;
  const seenByA: string[] = [];

  beforeAll(async () => {
    running = await startApp();
    a = await seedAssembly(running.db);
    b = await seedAssembly(running.db);
    cookieA = await redeem(running.url, a.memberInvites[0]!, 'Ada');
    memberA = (await connectMember(running.url, cookieA)).socket;
    modA = (await connectMember(running.url, await redeem(running.url, a.moderatorInvite, 'Mo A'))).socket;
    modB = (await connectMember(running.url, await redeem(running.url, b.moderatorInvite, 'Mo B'))).socket;
    const memberB = (await connectMember(running.url, await redeem(running.url, b.memberInvites[0]!, 'Bea'))).socket;
    editorB = new CollabClient(memberB, b.docId);
    await editorB.open();
    for (const socket of [memberA, modA]) socket.onAny((event, ...args) => seenByA.push(JSON.stringify([event, args])));
    ({ sessionId: sessionB } = acked(await modB.emitWithAck('session:create', { title: 'B session' })));
    acked(await modB.emitWithAck('session:start', { sessionId: sessionB }));
    ({ voteId: voteB } = acked(
      await modB.emitWithAck('vote:open', {
        subject: { kind: 'question', question: 'B question?' },
        rules: { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false },
        quorumShare: 0,
      }),
    ));
  });
  afterAll(async () => {
    for (const s of [memberA, modA, modB, editorB.socket]) s.disconnect();
    await running.close();
  });

  const attempts = (): [string, 'member' | 'moderator', string, unknown][] => [
    ['open a document', 'member', 'doc:open', { docId: b.docId }],
    ['write a document it never opened', 'member', 'doc:sync', { docId: b.docId, message: new Uint8Array([0, 0]) }],
    ['retitle a standard', 'member', 'standard:retitle', { standardId: b.standardId, title: 'Hijacked' }],
    ['set a ladder', 'member', 'standard:setLadder', { standardId: b.standardId, steps: ['x'] }],
    ['comment on a standard', 'member', 'comment:post', { standardId: b.standardId, text: 'from A' }],
    ['propose an amendment', 'member', 'amendment:propose', { standardId: b.standardId, text: 'from A', reason: '' }],
    [
      'cast a ballot',
      'member',
      'vote:cast',
      { voteId: voteB, ballotId: randomUUID(), choice: { method: 'yes_no', choice: 'yes' }, reason: '' },
    ],
    ['close a vote', 'moderator', 'vote:close', { voteId: voteB }],
    ['lock a standard', 'moderator', 'standard:lock', { standardId: b.standardId }],
    ['remove a standard', 'moderator', 'standard:remove', { standardId: b.standardId }],
    [
      'open a vote on a standard',
      'moderator',
      'vote:open',
      {
        subject: { kind: 'adopt_standard', standardId: b.standardId },
        rules: { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false },
        quorumShare: 0,
      },
    ],
    ['add to an agenda', 'moderator', 'agenda:add', { sessionId: sessionB, title: 'From A', minutes: 5 }],
    ['end a session', 'moderator', 'session:end', { sessionId: sessionB }],
  ];

  it("cannot touch anything of assembly B by its ids, and B's rows stay exactly as they were", async () => {
    const before = await databaseFingerprint(running);
    for (const [what, as, event, payload] of attempts()) {
      const socket = (as === 'member' ? memberA : modA) as unknown as Raw;
      const ack = (await socket.timeout(2000).emitWithAck(event, payload)) as { ok: boolean };
      expect(ack.ok, `A's ${as} could ${what} of B`).toBe(false);
    }
    expect(await databaseFingerprint(running)).toEqual(before);
  });

  it("receives no byte of B's activity: edits, votes, sessions", async () => {
    editorB.text.insert(0, 'Only for assembly B. ');
    acked(await modB.emitWithAck('vote:close', { voteId: voteB }));
    acked(await modB.emitWithAck('session:end', { sessionId: sessionB }));
    acked(await modB.emitWithAck('standard:retitle', { standardId: b.standardId, title: 'B renamed' }));
    // A round trip on A's sockets: everything B sent before it has been delivered (or not) by now.
    await memberA.emitWithAck('clock:ping', {});
    await modA.emitWithAck('clock:ping', {});
    const seen = seenByA.join('\n');
    for (const id of [b.assemblyId, b.docId, b.standardId, voteB, sessionB, 'B renamed', 'B question?']) {
      expect(seen).not.toContain(id);
    }
  });

  it("exports only the caller's own assembly, whatever watch key is added", async () => {
    const withBoth = await fetch(running.url + HTTP_ROUTES.charterJson, {
      headers: { cookie: cookieA, [WATCH_KEY_HEADER]: b.watchKey },
    });
    const body = JSON.stringify(await withBoth.json());
    expect(body).toContain('Honesty'); // A's standard
    expect(body).not.toContain('B renamed'); // B's, renamed above
    // The watch key alone does reach B's export: the cookie, not the header, chose A's.
    const withKey = await fetch(running.url + HTTP_ROUTES.charterJson, { headers: { [WATCH_KEY_HEADER]: b.watchKey } });
    expect(JSON.stringify(await withKey.json())).toContain('B renamed');
  });
});
