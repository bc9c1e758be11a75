import { randomUUID } from 'node:crypto';
import { vi } from 'vitest';
import type * as Y from 'yjs';
import { readMaps } from '../../src/features/consensus/markStore.ts';
import { CollabClient, paragraph } from './collabClient.ts';
import { acked, connectMember, redeem, type MemberSocket, type RunningApp, type SeededAssembly } from './harness.ts';

export interface DecidingEvening {
  mod: MemberSocket;
  /** The three members, connected and checked in to the evening's sitting. */
  members: MemberSocket[];
  sessionId: string;
  /** The receipts of the final ballot's three ballots (none may reach the report). */
  receipts: string[];
  close(): void;
}

const keyOf = (node: Y.XmlElement | Y.XmlText | Y.XmlHook) => `${node._item!.id.client}:${node._item!.id.clock}`;

/**
 * The evening an assembly's report sums up, by real clients over the socket: the Borough Council
 * commissioned it; a live sitting ("Deciding evening") the three members checked in to; the
 * standard written in two paragraphs, the first agreed by all three and the second disagreed by
 * all three (the consensus map, waited for until stored); the standard adopted with a ladder
 * ("Advice", "Apology"); the final ballot over the standard (two strongly agree, one disagrees:
 * supported) and its ladder (three strongly disagree); a breach case opened against the Director
 * of Housing; one briefing heard.
 */
export async function decidingEvening(
  running: RunningApp,
  seed: SeededAssembly,
  names: { moderator: string; members: [string, string, string] },
): Promise<DecidingEvening> {
  const connect = async (invite: string, name: string) =>
    (await connectMember(running.url, await redeem(running.url, invite, name))).socket;
  const mod = await connect(seed.moderatorInvite, names.moderator);
  const members: MemberSocket[] = [];
  for (const [i, name] of names.members.entries()) members.push(await connect(seed.memberInvites[i]!, name));
  await running.db.query(`UPDATE assemblies SET commissioned_by = 'The Borough Council' WHERE id = $1`, [
    seed.assemblyId,
  ]);
  const { sessionId } = acked(await mod.emitWithAck('session:create', { title: 'Deciding evening' }));
  acked(await mod.emitWithAck('session:start', { sessionId }));
  for (const m of members) acked(await m.emitWithAck('attendance:checkIn', { sessionId }));

  const writer = new CollabClient(members[0]!, seed.docId);
  await writer.open();
  const text = writer.doc.getXmlFragment('text');
  text.insert(0, [paragraph('Leaders tell the truth.'), paragraph('Leaders publish their diaries.')]);
  const keys = text.toArray().map(keyOf);
  await vi.waitUntil(() => writer.unacked === 0);
  for (const m of members) {
    acked(await m.emitWithAck('consensus:mark', { standardId: seed.standardId, paragraph: keys[0]!, mark: 'agree' }));
    acked(
      await m.emitWithAck('consensus:mark', { standardId: seed.standardId, paragraph: keys[1]!, mark: 'disagree' }),
    );
  }
  // The consensus map is stored a moment after the marks; the report reads the stored one.
  await vi.waitUntil(async () => (await readMaps(running.db, seed.assemblyId))[0]?.paragraphs[0]?.agree === 3);

  acked(await mod.emitWithAck('standard:setLadder', { standardId: seed.standardId, steps: ['Advice', 'Apology'] }));
  acked(await mod.emitWithAck('standard:lock', { standardId: seed.standardId }));
  const adopt = acked(
    await mod.emitWithAck('vote:open', {
      subject: { kind: 'adopt_standard', standardId: seed.standardId },
      rules: { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false },
      quorumShare: 0.5,
    }),
  ).voteId;
  for (const m of members)
    acked(
      await m.emitWithAck('vote:cast', {
        voteId: adopt,
        ballotId: randomUUID(),
        choice: { method: 'yes_no', choice: 'yes' },
        reason: '',
      }),
    );
  acked(await mod.emitWithAck('vote:close', { voteId: adopt }));
  const final = acked(
    await mod.emitWithAck('vote:open', {
      subject: {
        kind: 'final_ballot',
        items: [
          { standardId: seed.standardId, part: 'standard' },
          { standardId: seed.standardId, part: 'ladder' },
        ],
      },
      rules: { method: 'support', threshold: { share: 0.6, base: 'answering' } },
      quorumShare: 0.5,
    }),
  ).voteId;
  const receipts: string[] = [];
  for (const [i, m] of members.entries()) {
    const cast = await m.emitWithAck('vote:cast', {
      voteId: final,
      ballotId: randomUUID(),
      choice: { method: 'support', answers: [i === 2 ? 3 : 0, 4] },
      reason: '',
    });
    receipts.push(acked(cast).receipt ?? '');
  }
  acked(await mod.emitWithAck('vote:close', { voteId: final }));

  acked(
    await mod.emitWithAck('case:open', {
      respondent: { role: 'Director of Housing', name: 'Pat Example' },
      standardIds: [seed.standardId],
      summary: 'The diary was not published.',
      evidence: [],
    }),
  );
  acked(
    await mod.emitWithAck('evidence:add', {
      entry: {
        kind: 'briefing',
        title: 'How councils publish diaries',
        summary: 'Most do, monthly.',
        balance: 'context',
      },
    }),
  );
  return {
    mod,
    members,
    sessionId,
    receipts,
    close: () => {
      writer.detach();
      for (const s of [mod, ...members]) s.disconnect();
    },
  };
}
