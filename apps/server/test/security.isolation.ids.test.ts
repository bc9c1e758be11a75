import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { z } from 'zod';
import { PERMISSIONS, SCHEMAS, standardDocId, type Role } from '@moot/protocol';
import { CollabClient, paragraph } from './support/collabClient.ts';
import { databaseFingerprint, documentBytes } from './support/fingerprint.ts';
import { ADOPTED_PARAGRAPH, furnishAssembly, type FurnishedAssembly } from './support/furnish.ts';
import { startApp, type MemberSocket, type RunningApp } from './support/harness.ts';
import type { IdKind } from './support/idKinds.ts';
import { payloadsOf, withValueAt, type IdSlot } from './support/payloads.ts';

type Raw = {
  timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> };
  emit(event: string, payload: unknown): void;
};
type Namespace = keyof typeof SCHEMAS;

/** Events the protocol gives no acknowledgement (fire and forget): refusal shows only as nothing changing. */
const NO_ACK = new Set(['doc:awareness']);
/** How a command naming another assembly's record may be refused. */
const REFUSALS = ['not_found', 'forbidden', 'bad_request'];

/** Well-formed Yjs messages for the binary fields, so only the ids around them are wrong. */
const BYTES: Record<string, () => Uint8Array> = {
  message: () => {
    const doc = new Y.Doc();
    doc.getXmlFragment('text').insert(0, [new Y.XmlText('Written from another assembly')]);
    const encoder = encoding.createEncoder();
    syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc));
    return encoding.toUint8Array(encoder);
  },
  update: () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awareness.setLocalState({ cursor: null });
    return awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]);
  },
  stateVector: () => Y.encodeStateVector(new Y.Doc()),
  // A member import or a quota file: the commands that read one name no record.
  csv: () => new TextEncoder().encode('name,Region\nAda,North\n'),
};
const bytesFor = (field: string) => BYTES[field]?.();

const EVENTS = (Object.keys(SCHEMAS) as Namespace[]).flatMap((namespace) =>
  Object.entries(SCHEMAS[namespace]).map(([event, schema]) => ({ namespace, event, schema: schema as z.ZodType })),
);

/**
 * Every id slot of every client event's payloads, found by walking the schemas with placeholder
 * ids when the file is collected; the same walk runs again with real ids when a test runs.
 */
const SLOTS = EVENTS.map(({ namespace, event, schema }) => {
  const payloads = payloadsOf(event, schema, (kind) => `<${kind}>`, bytesFor);
  const seen = new Set<string>();
  const slots: { payload: number; slot: IdSlot }[] = [];
  payloads.forEach((p, payload) => {
    for (const slot of p.ids) {
      const key = slot.path.join('.');
      if (seen.has(key)) continue;
      seen.add(key);
      slots.push({ payload, slot });
    }
  });
  return { namespace, event, schema, slots };
});

interface Arrangement {
  /** Which of the assembly's records of a kind to name (by the state `furnishAssembly` names it with). */
  prefer?: Partial<Record<IdKind, string>>;
  /** The same, for one field (its dotted path) where two fields of a kind must name different records. */
  preferAt?: Record<string, string>;
  /** The payload as this command needs it beyond its ids (a paper count that adds up), before ids are swapped. */
  adjust?: (payload: unknown) => unknown;
  /** Something the caller does first, as a client would (open the document it writes to). */
  before?: (own: FurnishedAssembly, send: (event: string, payload: unknown) => Promise<unknown>) => Promise<unknown>;
}
const openDocumentFirst: Arrangement['before'] = (own, send) =>
  send('doc:open', { docId: own.records.document.standard });

/** A paragraph a member wrote into assembly A's drafting standard, for the consensus map's marks. */
let writtenParagraph = '';
const writeParagraphFirst: Arrangement['before'] = async (own) => {
  const writer = new CollabClient(own.members[0]!, own.records.document.standard!);
  await writer.open();
  const text = writer.doc.getXmlFragment('text');
  text.insert(text.length, [paragraph('A paragraph to mark.')]);
  const id = text.get(text.length - 1)._item!.id;
  writtenParagraph = `${id.client}:${id.clock}`;
  await vi.waitUntil(() => writer.unacked === 0);
  writer.detach();
};

/** The words a suggestion quotes from the adopted standard's paragraph. */
const QUOTED = 'in turn';
/** Anchors around `QUOTED` in the adopted standard of the assembly being walked, read by `before`, used by `adjust`. */
let anchored: { start: string; end: string } | null = null;
/** Reads the adopted standard's text as a co-editor and anchors `QUOTED`, as the web client does for a selection. */
const anchorQuotedWords: Arrangement['before'] = async (own, send) => {
  const docId = standardDocId(own.records.standard.adopted!);
  const reader = new CollabClient(own.moderator, docId);
  try {
    await reader.open();
    const run = () => (reader.doc.getXmlFragment('text').get(0) as Y.XmlElement | undefined)?.get(0) as Y.XmlText;
    await vi.waitFor(() => expect(run()?.toString()).toBe(ADOPTED_PARAGRAPH));
    const from = ADOPTED_PARAGRAPH.indexOf(QUOTED);
    const at = (index: number, assoc: number) =>
      Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(run(), index, assoc))).toString(
        'base64',
      );
    anchored = { start: at(from, 0), end: at(from + QUOTED.length, -1) };
  } finally {
    reader.detach();
  }
  return send('doc:close', { docId });
};

/**
 * What a command needs beyond "one of everything" for the payload with its own assembly's ids
 * to be accepted. Each test ends by sending exactly that payload and expecting it accepted, so
 * a new command this walk cannot yet satisfy fails here, saying so, rather than passing because
 * it was refused for some other reason.
 */
/** The app the walk runs against (set before the first test). */
let running: RunningApp;

const ARRANGE: Partial<Record<string, Arrangement>> = {
  // A vote is continued only while paused for lost quorum: paused as the quorum watch would, with
  // a quorum out of reach so that it stays paused.
  'vote:continue': {
    before: async (own) => {
      await running.db.query(
        'UPDATE votes SET quorum_needed = 1000, paused_at = now(), paused_present = 0 WHERE id = $1',
        [own.records.vote.open!],
      );
      // The watch counts who is present into the row now, not during the walk's before-and-after.
      await running.app.context.quorum.lookNow(own.seed.assemblyId);
    },
  },
  'doc:sync': { before: openDocumentFirst },
  'doc:awareness': { before: openDocumentFirst },
  'standard:lock': { prefer: { standard: 'drafting' } },
  // A suggestion anchors real words of a locked or adopted standard's text (the adopted one has a paragraph).
  'amendment:suggest': {
    prefer: { standard: 'adopted' },
    before: anchorQuotedWords,
    adjust: (payload) => ({ ...(payload as object), ...anchored, quote: QUOTED }),
  },
  // The control (A's own ids accepted) needs a standard still being drafted: a locked one's title is fixed.
  'standard:retitle': { prefer: { standard: 'drafting' } },
  'standard:move': { prefer: { standard: 'drafting' } },
  'standard:unlock': { prefer: { standard: 'locked' } },
  'standard:setLadder': { prefer: { standard: 'drafting' } },
  'agenda:start': { prefer: { agendaItem: 'pending' } },
  // The programme changes only sittings that have not started; an agenda is copied from another sitting.
  'programme:edit': { prefer: { session: 'planned' } },
  'programme:cancel': { prefer: { session: 'planned' } },
  'programme:copyAgenda': { preferAt: { sessionId: 'planned', fromSessionId: 'live' } },
  'programme:swap': { preferAt: { sessionId: 'planned', withSessionId: 'later' } },
  'case:openVote': { prefer: { case: 'deliberating' } },
  // A panel is drawn once prepared (its pool is the members without a conflict on the case).
  'case:drawPanel': { before: (own, send) => send('case:preparePanel', { caseId: own.records.case.open, size: 1 }) },
  // Questions go to an expert session: the pending item is one (test/support/furnish.ts).
  'question:ask': { prefer: { agendaItem: 'pending' } },
  // The respondent reports progress on a standard it has answered.
  'response:update': {
    before: (own) =>
      own.respondent.emitWithAck('response:publish', {
        standardId: own.records.standard.adopted!,
        stance: 'accept',
        reasons: 'Agreed',
        timeline: 'This year',
      }),
  },
  // Totals must add up to the members ticked as voting on paper: one, ticked by the moderator first.
  'vote:enterPaperTotals': {
    adjust: (payload) => ({ ...(payload as object), counts: { yes: 1 } }),
    before: (own) =>
      own.moderator.emitWithAck('vote:markPaper', {
        voteId: own.records.vote.open!,
        participantId: own.records.participant.handUp!,
      }),
  },
  // A final ballot is opened with support rules; its paper totals need one open, with a member ticked.
  'vote:open': {
    prefer: { standard: 'locked' },
    adjust: (payload) => {
      const p = payload as { subject: { kind: string } };
      return p.subject.kind === 'final_ballot'
        ? { ...p, rules: { method: 'support', threshold: { share: 0.5, base: 'answering' } } }
        : p;
    },
  },
  'vote:enterSupportPaperTotals': {
    prefer: { vote: 'finalBallot' },
    adjust: (payload) => ({ ...(payload as object), counts: [[1, 0, 0, 0, 0]] }),
    before: async (own) => {
      const opened = await own.moderator.emitWithAck('vote:open', {
        subject: { kind: 'final_ballot', items: [{ standardId: own.records.standard.locked!, part: 'standard' }] },
        rules: { method: 'support', threshold: { share: 0.5, base: 'answering' } },
        quorumShare: 0,
      });
      if (!opened.ok) throw new Error(`could not open a final ballot: ${opened.error.message}`);
      own.records.vote.finalBallot = opened.data.voteId;
      await own.moderator.emitWithAck('vote:markPaper', {
        voteId: opened.data.voteId,
        participantId: own.records.participant.handUp!,
      });
    },
  },
  // The caller (the moderator) must be checked in to check out.
  'attendance:checkOut': {
    before: (own, send) => send('attendance:checkIn', { sessionId: own.records.session.live! }),
  },
  'consensus:mark': {
    prefer: { standard: 'drafting' },
    before: writeParagraphFirst,
    adjust: (payload) => ({ ...(payload as object), paragraph: writtenParagraph }),
  },
  'queue:endTurn': {
    before: (own) => own.moderator.emitWithAck('queue:next', { sessionId: own.records.session.live! }),
  },
  // A group's queue: the member with a hand up moved into the first group, their hand with them.
  'groupQueue:next': { before: (own) => handInFirstGroup(own) },
  'groupQueue:endTurn': {
    before: async (own) => {
      await handInFirstGroup(own);
      return own.moderator.emitWithAck('groupQueue:next', {
        sessionId: own.records.session.live!,
        groupId: own.records.group.first!,
      });
    },
  },
  // Ballot by ballot needs a ranked vote with one member ticked for paper.
  'vote:enterPaperBallots': {
    before: async (own) => {
      const opened = await own.moderator.emitWithAck('vote:open', {
        subject: { kind: 'question', question: 'Ranked?' },
        rules: { method: 'ranked', options: ['a', 'b'] },
        quorumShare: 0,
      });
      rankedVote = (opened as { ok: true; data: { voteId: string } }).data.voteId;
      return own.moderator.emitWithAck('vote:markPaper', {
        voteId: rankedVote,
        participantId: own.records.participant.handUp!,
      });
    },
    adjust: (payload) => ({ ...(payload as object), voteId: rankedVote, ballots: [{ options: [0], count: 1 }] }),
  },
};
let rankedVote = '';
async function handInFirstGroup(own: FurnishedAssembly): Promise<void> {
  const sessionId = own.records.session.live!;
  const participantId = own.records.participant.handUp!;
  await own.moderator.emitWithAck('groups:move', { sessionId, participantId, groupId: own.records.group.first! });
  await own.moderator.emitWithAck('queue:raiseFor', { sessionId, participantId, kind: 'new_point' });
}

/**
 * Each command's every id, set to a real record of the same kind in another assembly: generated
 * from `SCHEMAS`, so a command added to the protocol is tried here on its first run, and an id
 * field whose kind is unknown fails the collection with what to add (test/support/idKinds.ts).
 *
 * Per command, a fresh assembly A holds one record of every kind (test/support/furnish.ts); its
 * moderator (a member for member-only commands, an observer on the watch namespace) sends a
 * payload its schema accepts, whose ids are A's own but one, set to assembly B's. Each attempt
 * must be refused and change no row of any table (but the audit log), no byte of B's documents,
 * and send nothing to B's moderator, members or observer. A list of ids is tried as B's alone
 * and as A's plus B's. Then the same payload with all of A's ids must be accepted: the refusals
 * were about B's ids, not about a state A was not in.
 */
describe("every id a command names is checked against the caller's assembly", () => {
  let b: FurnishedAssembly;
  let reachedB = 0;
  /** B's documents, byte for byte: nothing in this walk may ever change them. */
  let documentsOfB: string[];

  beforeAll(async () => {
    // The walk opens more sockets from one address than a real one would in a burst: not what it
    // tests. Each furnishing waits for its adopted standard to be folded once nobody holds it:
    // 50 ms instead of 2 s of that wait, for each of the hundred assemblies.
    running = await startApp({ handshakeBurst: 100_000, unloadAfterMs: 50 });
    b = await furnishAssembly(running);
    for (const socket of [b.moderator, ...b.members, b.observer, b.respondent, b.leader]) {
      (socket as MemberSocket).onAny(() => reachedB++);
    }
    documentsOfB = await documentsOf(b);
  }, 180_000);
  afterAll(async () => {
    b?.disconnect();
    await running?.close();
  });

  const callerIn = (a: FurnishedAssembly, namespace: Namespace, event: string): Raw => {
    if (namespace === 'watch') return a.observer as unknown as Raw;
    const roles = PERMISSIONS.assembly[event as keyof typeof PERMISSIONS.assembly] as readonly Role[];
    if (roles.includes('moderator')) return a.moderator as unknown as Raw;
    if (roles.includes('member')) return a.members[0] as unknown as Raw;
    if (roles.includes('facilitator')) return a.facilitator as unknown as Raw;
    if (roles.includes('respondent')) return a.respondent as unknown as Raw;
    if (roles.includes('leader')) return a.leader as unknown as Raw;
    throw new Error(`${event}: neither a moderator nor a member may send it; teach this walk who does`);
  };

  const send = async (caller: Raw, event: string, payload: unknown) => {
    if (NO_ACK.has(event)) {
      caller.emit(event, payload);
      await caller.timeout(5000).emitWithAck('clock:ping', {});
      return null;
    }
    try {
      return (await caller.timeout(5000).emitWithAck(event, payload)) as {
        ok: boolean;
        error?: { code: string; message: string };
      };
    } catch (error) {
      throw new Error(`${event} was not acknowledged; if the protocol gives it no ack, add it to NO_ACK`, {
        cause: error,
      });
    }
  };

  /**
   * B's side of the wire: every socket of B has answered a ping, so anything sent before has arrived.
   * Observers' document packets wait for the stream's window, so it is flushed first (a leak to B's
   * observer is then on the wire ahead of the ping's answer, not after it).
   */
  const settleB = () => {
    running.app.observers.flushAll();
    return Promise.all(
      [b.moderator, ...b.members, b.observer, b.respondent, b.leader].map((s) =>
        (s as unknown as Raw).timeout(5000).emitWithAck('clock:ping', {}),
      ),
    );
  };
  const documentsOf = (f: FurnishedAssembly) => Promise.all(f.docIds.map((docId) => documentBytes(running, docId)));

  for (const { namespace, event, schema, slots } of SLOTS) {
    if (slots.length === 0) {
      it(`${namespace} ${event}: names no record (its generated payload parses)`, () => {
        for (const { value } of payloadsOf(event, schema, () => '00000000-0000-4000-8000-000000000000', bytesFor)) {
          expect(schema.safeParse(value).success).toBe(true);
        }
      });
      continue;
    }
    it(`${namespace} ${event}: each id set to another assembly's record is refused and changes nothing; A's own are accepted`, async () => {
      const a = await furnishAssembly(running);
      try {
        const arrangement = ARRANGE[event] ?? {};
        const caller = callerIn(a, namespace, event);
        const ownId = (kind: IdKind, path: (string | number)[] = []) => {
          const preferred = arrangement.preferAt?.[path.join('.')] ?? arrangement.prefer?.[kind];
          const id = preferred ? a.records[kind][preferred] : Object.values(a.records[kind])[0];
          if (!id) throw new Error(`${event}: assembly A has no ${preferred ?? ''} ${kind}`);
          return id;
        };
        await arrangement.before?.(a, (e, p) => send(caller, e, p));
        const payloads = payloadsOf(event, schema, ownId, bytesFor).map((p) => ({
          ...p,
          value: arrangement.adjust ? arrangement.adjust(p.value) : p.value,
        }));
        // Nothing may change while the attempts run: every digest is compared with this one.
        const rows = await databaseFingerprint(running);
        for (const { payload, slot } of slots) {
          const base = payloads[payload]!.value;
          expect(schema.safeParse(base).success, `${event}: the generated payload does not parse`).toBe(true);
          const where = slot.path.join('.');
          const foreign = Object.values(b.records[slot.kind]);
          const tries = slot.list
            ? foreign.flatMap((id) => [[id], ...(slot.list!.max >= 2 ? [[ownId(slot.kind, slot.path), id]] : [])])
            : foreign;
          for (const value of tries) {
            const attempt = withValueAt(base, slot.path, value);
            await settleB(); // what B itself had in flight is counted before the attempt, not after
            const reached = reachedB;
            const ack = await send(caller, event, attempt);
            const what = `${event} with ${where} = another assembly's ${slot.kind} ${JSON.stringify(value)}`;
            if (ack) {
              expect(ack.ok, `${what} was accepted`).toBe(false);
              expect(REFUSALS, `${what}: ${JSON.stringify(ack)}`).toContain(ack.error?.code);
            }
            await settleB();
            expect(await databaseFingerprint(running), `${what} changed a row`).toEqual(rows);
            expect(await documentsOf(b), `${what} changed a document of B`).toEqual(documentsOfB);
            expect(reachedB, `${what} sent something to B's sockets`).toBe(reached);
          }
        }
        // The control: everything A's own, as generated. Refused means ARRANGE must give this command its state.
        for (const index of new Set(slots.map((s) => s.payload))) {
          const { value } = payloads[index]!;
          const ack = await send(caller, event, value);
          if (ack && !ack.ok) {
            throw new Error(
              `${event} with assembly A's own ids was refused (${ack.error?.code}: ${ack.error?.message}), so the ` +
                `refusals above prove nothing; give it what it needs in ARRANGE. Payload: ${JSON.stringify(value)}`,
            );
          }
        }
      } finally {
        a.disconnect();
      }
    }, 180_000);
  }
});
