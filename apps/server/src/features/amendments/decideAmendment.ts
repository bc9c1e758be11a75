import * as Y from 'yjs';
import { standardDocId } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { saveMilestone } from '../../collab/documentStore.ts';
import type { Queryable } from '../../storage/database.ts';
import { lockAmendmentById, setAmendmentStatus } from './amendmentStore.ts';

export interface AdoptedAmendment {
  amendmentId: string;
  standardId: string;
  text: string;
}

/**
 * What a closed amendment vote does: in the closing transaction the amendment is marked
 * adopted or rejected; after commit an adopted one replaces the standard's text as one forward
 * edit (not a rewrite of history) and the new version is kept as a milestone.
 */
export const decideAmendment = {
  async record(tx: Queryable, amendmentId: string, passed: boolean): Promise<AdoptedAmendment | null> {
    const amendment = await lockAmendmentById(tx, amendmentId);
    await setAmendmentStatus(tx, amendmentId, passed ? 'adopted' : 'rejected');
    return passed ? { amendmentId, standardId: amendment.standardId, text: amendment.text } : null;
  },

  async apply(ctx: AppContext, adopted: AdoptedAmendment): Promise<void> {
    const docId = standardDocId(adopted.standardId);
    await ctx.documents.applyDecision(docId, (doc) => {
      const field = doc.getXmlFragment('text');
      field.delete(0, field.length);
      field.insert(
        0,
        adopted.text.split(/\n{2,}/).map((paragraph) => {
          const element = new Y.XmlElement('paragraph');
          const text = new Y.XmlText();
          text.insert(0, paragraph.trim());
          element.insert(0, [text]);
          return element;
        }),
      );
    });
    await saveMilestone(ctx.db, docId, `amended by amendment ${adopted.amendmentId}`);
  },
};
