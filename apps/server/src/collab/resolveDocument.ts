import { ErrorCode, refusal } from '@moot/protocol';
import { AppError } from '../realtime/appError.ts';
import type { SocketData } from '../realtime/socketData.ts';
import type { Queryable } from '../storage/database.ts';

export type DocumentReader = Pick<SocketData, 'assembly' | 'role' | 'participant'>;

/**
 * Who may open one kind of document (`<kind>:<id>`), and whether it is locked for them: null if
 * there is no such document in their assembly; throws (`forbidden`) to refuse one that exists.
 * Each feature owns the rule for its documents.
 */
export type DocumentRule = (db: Queryable, who: DocumentReader, id: string) => Promise<{ locked: boolean } | null>;

/** The rule for each kind of document, registered by the features in `app.ts`. */
export type DocumentRules = ReadonlyMap<string, DocumentRule>;

/**
 * Who may open which document: the rule registered for its kind. Anything else (a kind nobody
 * registered, a document another assembly owns) is "not found", whether or not it exists.
 */
export async function resolveDocument(
  rules: DocumentRules,
  db: Queryable,
  who: DocumentReader,
  docId: string,
): Promise<{ locked: boolean }> {
  const [kind, id] = docId.split(':');
  const rule = kind && id ? rules.get(kind) : undefined;
  const found = rule ? await rule(db, who, id!) : null;
  if (found) return found;
  throw new AppError(ErrorCode.notFound, 'No such document in this assembly', refusal('document', 'notFound'));
}
