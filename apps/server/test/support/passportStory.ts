import { randomUUID } from 'node:crypto';
import { expect, vi } from 'vitest';
import * as Y from 'yjs';
import { CollabClient } from './collabClient.ts';
import { acked, connectMember, redeem, type MemberSocket, type RunningApp, type SeededAssembly } from './harness.ts';

const paragraph = (text: string) => {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
};

export interface PassportStory {
  mod: MemberSocket;
  /** Ada, Ben and Cai: connected, checked in; Ben shows his name to the public. */
  members: MemberSocket[];
  cookies: string[];
  writers: CollabClient[];
  /** Every ballot id cast (none may reach a passport). */
  ballotIds: string[];
  /** Each member's seat, by name. */
  seats: Map<string, number>;
  close(): void;
}

/**
 * A standard three members wrote, by real clients: Ada a paragraph of two sentences, Ben a
 * second paragraph, Cai a word inside Ada's first sentence; an evidence entry cited; the
 * standard adopted by vote; Ben's suggestion ("their diaries" → "a weekly diary") adopted by
 * vote; Cai's minority report. Every step as members and the moderator take it over the socket.
 */
export async function writeStandardByThree(running: RunningApp, seed: SeededAssembly): Promise<PassportStory> {
  const mod = (await connectMember(running.url, await redeem(running.url, seed.moderatorInvite, 'Mo'))).socket;
  const members: MemberSocket[] = [];
  const cookies: string[] = [];
  const writers: CollabClient[] = [];
  const ballotIds: string[] = [];
  for (const [i, name] of ['Ada', 'Ben', 'Cai'].entries()) {
    const cookie = await redeem(running.url, seed.memberInvites[i]!, name);
    cookies.push(cookie);
    const { socket } = await connectMember(running.url, cookie);
    members.push(socket);
    const writer = new CollabClient(socket, seed.docId);
    await writer.open();
    writers.push(writer);
  }
  const seats = new Map(
    (
      await running.db.query<{ name: string; seat: number }>(
        'SELECT display_name AS name, seat FROM participants WHERE assembly_id = $1',
        [seed.assemblyId],
      )
    ).map((r) => [r.name, r.seat]),
  );
  const yesNo = { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false } as const;
  const decide = async (voteId: string) => {
    for (const m of members) {
      const ballotId = randomUUID();
      ballotIds.push(ballotId);
      acked(await m.emitWithAck('vote:cast', { voteId, ballotId, choice: { method: 'yes_no', choice: 'yes' } }));
    }
    return acked(await mod.emitWithAck('vote:close', { voteId }));
  };
  const settle = () =>
    vi.waitFor(() => {
      for (const w of writers) expect(w.unacked).toBe(0);
      expect(new Set(writers.map((w) => JSON.stringify(w.doc.getXmlFragment('text').toJSON()))).size).toBe(1);
    });

  acked(await members[1]!.emitWithAck('participant:showName', { showName: true }));
  const { sessionId } = acked(await mod.emitWithAck('session:create', { title: 'Drafting' }));
  acked(await mod.emitWithAck('session:start', { sessionId }));
  for (const m of members) acked(await m.emitWithAck('attendance:checkIn', { sessionId }));

  const [ada, ben, cai] = writers as [CollabClient, CollabClient, CollabClient];
  ada.doc.getXmlFragment('text').insert(0, [paragraph('Leaders answer questions. They do so in public.')]);
  await settle();
  ben.doc.getXmlFragment('text').insert(1, [paragraph('They publish their diaries.')]);
  await settle();
  ((cai.doc.getXmlFragment('text').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(
    'Leaders answer'.length,
    ' every',
  );
  await settle();

  const { entryId } = acked(
    await mod.emitWithAck('evidence:add', {
      entry: { kind: 'briefing', title: 'Open diaries abroad', summary: 'What others publish.', balance: 'for' },
    }),
  );
  acked(await mod.emitWithAck('evidence:cite', { on: { standardId: seed.standardId }, entryIds: [entryId] }));
  acked(await mod.emitWithAck('standard:lock', { standardId: seed.standardId }));
  const adoption = acked(
    await mod.emitWithAck('vote:open', {
      subject: { kind: 'adopt_standard', standardId: seed.standardId },
      rules: yesNo,
    }),
  );
  expect((await decide(adoption.voteId)).passed).toBe(true);

  const run = (ben.doc.getXmlFragment('text').get(1) as Y.XmlElement).get(0) as Y.XmlText;
  const at = 'They publish '.length;
  const anchor = (index: number, assoc: number) =>
    Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(run, index, assoc))).toString('base64');
  const { amendmentId } = acked(
    await members[1]!.emitWithAck('amendment:suggest', {
      standardId: seed.standardId,
      start: anchor(at, 0),
      end: anchor(at + 'their diaries'.length, -1),
      quote: 'their diaries',
      content: [{ type: 'text', text: 'a weekly diary' }],
      reason: 'One a week is enough.',
    }),
  );
  const tabled = acked(await mod.emitWithAck('amendment:table', { amendmentId, rules: yesNo }));
  expect((await decide(tabled.voteId)).passed).toBe(true);
  await vi.waitFor(() => expect(run.toString()).toBe('They publish a weekly diary.'));
  await settle();
  acked(
    await members[2]!.emitWithAck('dissent:write', { standardId: seed.standardId, text: 'Diaries should be daily.' }),
  );
  return {
    mod,
    members,
    cookies,
    writers,
    ballotIds,
    seats,
    close: () => {
      for (const w of writers) w.detach();
      for (const s of [mod, ...members]) s.disconnect();
    },
  };
}
