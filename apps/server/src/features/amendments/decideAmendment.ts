import * as Y from 'yjs';
import { standardDocId, type SuggestionView } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import { saveMilestone } from '../../collab/documentStore.ts';
import type { Queryable } from '../../storage/database.ts';
import { recordAmendmentEdit } from './amendmentEdits.ts';
import { lockAmendmentById, setAmendmentStatus } from './amendmentStore.ts';
import { applySuggestion } from './suggestion.ts';

export interface AdoptedAmendment {
  amendmentId: string;
  assemblyId: string;
  standardId: string;
  proposerId: string;
  text: string;
  suggestion: SuggestionView | null;
}

/**
 * What a closed amendment vote does: in the closing transaction the amendment is marked
 * adopted or rejected; after commit an adopted one changes the standard's text as one forward
 * edit (not a rewrite of history), credited to its proposer, and the new version is kept as a
 * milestone. A suggestion replaces exactly its range, keeping every other word's formatting;
 * one whose text was edited since changes nothing and is marked stale instead.
 */
export const decideAmendment = {
  async record(tx: Queryable, amendmentId: string, passed: boolean): Promise<AdoptedAmendment | null> {
    const amendment = await lockAmendmentById(tx, amendmentId);
    await setAmendmentStatus(tx, amendmentId, passed ? 'adopted' : 'rejected');
    if (!passed) return null;
    return {
      amendmentId,
      assemblyId: amendment.assemblyId,
      standardId: amendment.standardId,
      proposerId: amendment.proposerId,
      text: amendment.text,
      suggestion: amendment.suggestion,
    };
  },

  async apply(ctx: AppContext, adopted: AdoptedAmendment): Promise<void> {
    const docId = standardDocId(adopted.standardId);
    const { suggestion } = adopted;
    let clientId = 0;
    const refused = await ctx.documents.applyDecision(
      docId,
      (doc) => {
        clientId = doc.clientID;
        return suggestion ? applySuggestion(doc, suggestion) : replaceWholeText(doc, adopted.text);
      },
      adopted.proposerId,
    );
    await ctx.db.transaction(async (tx) => {
      if (refused) await setAmendmentStatus(tx, adopted.amendmentId, 'stale');
      else await recordAmendmentEdit(tx, { amendmentId: adopted.amendmentId, docId, clientId });
      await recordAudit(tx, {
        assemblyId: adopted.assemblyId,
        actorId: null,
        action: refused ? 'amendment.stale' : 'amendment.applied',
        target: adopted.amendmentId,
        detail: refused ? { why: refused } : { proposerId: adopted.proposerId },
      });
    });
    if (!refused) await saveMilestone(ctx.db, docId, `amended by amendment ${adopted.amendmentId}`);
  },
};

/** New wording of the whole text (an amendment proposed as a whole): plain paragraphs. */
function replaceWholeText(doc: Y.Doc, text: string): null {
  const field = doc.getXmlFragment('text');
  field.delete(0, field.length);
  field.insert(
    0,
    text.split(/\n{2,}/).map((paragraph) => {
      const element = new Y.XmlElement('paragraph');
      const run = new Y.XmlText();
      run.insert(0, paragraph.trim());
      element.insert(0, [run]);
      return element;
    }),
  );
  return null;
}
