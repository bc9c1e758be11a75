import type { Queryable } from '../../storage/database.ts';

/**
 * Which Yjs client id an adopted amendment wrote its words under. The decision is applied under
 * a client id of its own (see `documentRegistry.applyDecision`), so every character it wrote
 * carries that id through every fold: recorded here, the provenance passport can say of any
 * word which amendment put it there, as `document_authors` says who.
 */
export async function recordAmendmentEdit(
  tx: Queryable,
  edit: { amendmentId: string; docId: string; clientId: number },
): Promise<void> {
  await tx.query(
    `INSERT INTO amendment_edits (amendment_id, doc_id, client_id) VALUES ($1, $2, $3)
     ON CONFLICT (amendment_id) DO NOTHING`,
    [edit.amendmentId, edit.docId, edit.clientId],
  );
}

/** The amendments that wrote into a document, by the client id each wrote under. */
export async function amendmentEditsOf(db: Queryable, docId: string): Promise<Map<number, string>> {
  const rows = await db.query<{ client: string; amendmentId: string }>(
    `SELECT client_id::text AS client, amendment_id AS "amendmentId" FROM amendment_edits WHERE doc_id = $1`,
    [docId],
  );
  return new Map(rows.map((r) => [Number(r.client), r.amendmentId]));
}
