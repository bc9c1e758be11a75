import * as Y from 'yjs';
import {
  PASSPORT_FORMAT,
  publicName,
  standardDocId,
  type AssemblyView,
  type PassportAmendment,
  type PassportVote,
  type StandardPassport,
  type VoteView,
} from '@moot/protocol';
import { loadAttribution } from '../../collab/authorship.ts';
import { diffStates } from '../../collab/documentDiff.ts';
import { loadDocument, replay } from '../../collab/documentStore.ts';
import type { Queryable } from '../../storage/database.ts';
import { amendmentEditsOf } from '../amendments/amendmentEdits.ts';
import { listAmendments } from '../amendments/amendmentStore.ts';
import { findStandard } from '../charter/charterStore.ts';
import { listCitations, listEntries } from '../evidence/evidenceStore.ts';
import { amendmentNumbers } from '../exports/amendmentNumbers.ts';
import { voteCodes } from '../votes/voteCodes.ts';
import { listVotes } from '../votes/voteStore.ts';
import { passportText, type ClientOrigin } from './passportText.ts';
import { participantsOf } from '../exports/names.ts';

/**
 * A standard's provenance passport, from the stored record (snapshot and log, not a node's
 * memory): who wrote each word (the Yjs item's client id, kept through every fold, to its
 * author in `document_authors`), which adopted amendment wrote it (`amendment_edits`), the
 * amendments with their votes, the evidence cited, the votes on the standard and the minority
 * reports. Everyone is named as the public sees them, whoever reads, so the passport (and its
 * hash) is one and the same for a member and a journalist. Null: no such standard here.
 */
export async function standardPassport(
  db: Queryable,
  assembly: AssemblyView,
  standardId: string,
): Promise<StandardPassport | null> {
  const standard = await findStandard(db, assembly.id, standardId);
  if (!standard) return null;
  const docId = standardDocId(standard.id);
  const [stored, attribution, edits, numbered, people, decided, votes, citations, entries] = await Promise.all([
    loadDocument(db, docId),
    loadAttribution(db, docId),
    amendmentEditsOf(db, docId),
    amendmentNumbers(db, assembly.id),
    publicPeople(db, assembly.id),
    listAmendments(db, assembly.id, 'observer'),
    listVotes(db, assembly.id),
    listCitations(db, assembly.id),
    listEntries(db, assembly.id),
  ]);
  const doc = replay(stored.snapshot, stored.updates);
  let state: Uint8Array;
  try {
    state = Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
  const voteById = new Map(votes.map((v) => [v.id, v]));
  const ours = [...numbered.values()].filter((a) => a.standardId === standard.id);
  const originOf = (client: number): ClientOrigin => {
    const amendmentId = edits.get(client);
    const amendment = amendmentId ? (numbered.get(amendmentId)?.number ?? null) : null;
    if (!attribution.has(client))
      return { key: 'unknown', author: { kind: 'unknown', name: null, role: null }, amendment };
    const participantId = attribution.get(client) ?? null;
    const person = participantId ? people.get(participantId) : undefined;
    if (!person) return { key: 'decision', author: { kind: 'decision', name: null, role: null }, amendment };
    return { key: participantId!, author: { kind: 'person', ...person }, amendment };
  };
  // Reading one state against itself: every character is kept, each with its item's client id.
  const text = passportText(diffStates(state, state), originOf);
  const details = new Map(decided.amendments.map((a) => [a.id, a]));
  const entryById = new Map(entries.map((e) => [e.id, e]));
  return {
    format: PASSPORT_FORMAT,
    assembly: { title: assembly.title },
    standard: { id: standard.id, position: standard.position + 1, title: standard.title, status: standard.status },
    authors: text.authors,
    blocks: text.blocks,
    amendments: ours.map((a): PassportAmendment => {
      const view = details.get(a.id);
      const vote = a.voteId ? voteById.get(a.voteId) : undefined;
      return {
        number: a.number,
        text: a.text,
        reason: view?.reason ?? '',
        status: a.status,
        proposer: view?.proposer ?? '',
        cosigners: view?.cosigners ?? [],
        replaced: view?.suggestion?.quote ?? null,
        vote: vote ? passportVote(vote) : null,
      };
    }),
    citations: (citations.standards[standard.id] ?? []).flatMap((id) => {
      const entry = entryById.get(id);
      return entry
        ? [{ number: entry.number, kind: entry.kind, title: entry.title, speaker: entry.speaker, links: entry.links }]
        : [];
    }),
    votes: votes.filter((v) => v.standardId === standard.id).map(passportVote),
    minorityReports: decided.dissents
      .filter((d) => d.standardId === standard.id)
      .map((d) => ({ text: d.text, signatories: d.signatories })),
  };
}

/** A vote as the record keeps it: when, who could vote, the result and counts. Never a ballot. */
function passportVote(v: VoteView): PassportVote {
  return {
    question: v.question,
    method: v.rules.method,
    status: v.status,
    openedAt: new Date(v.openedAt).toISOString(),
    closedAt: v.closedAt === null ? null : new Date(v.closedAt).toISOString(),
    eligible: v.eligible,
    quorumNeeded: v.quorumNeeded,
    ballots: v.result?.ballots ?? null,
    passed: v.result?.passed ?? null,
    explanation: v.result?.explanation ?? null,
    ...voteCodes(v),
    counts: v.result?.counts ?? null,
  };
}

/** Everyone who ever took part (revoked seats included), by the name the public sees and their role. */
async function publicPeople(db: Queryable, assemblyId: string): Promise<Map<string, { name: string; role: string }>> {
  const rows = await participantsOf(db, assemblyId);
  return new Map(rows.map((p) => [p.id, { name: publicName(p), role: p.role }]));
}
