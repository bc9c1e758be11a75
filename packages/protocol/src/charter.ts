/** Lifecycle of a standard: its structure and status are server-owned (not CRDT). */
export const STANDARD_STATUSES = ['drafting', 'locked', 'adopted', 'rejected'] as const;
export type StandardStatus = (typeof STANDARD_STATUSES)[number];

/** One clause of the charter, as every client sees it. Its text lives in the Yjs document `docId`. */
export interface StandardView {
  id: string;
  position: number;
  title: string;
  status: StandardStatus;
  docId: string;
  /** Possible consequences of a breach, mildest first; edited before adoption. */
  ladder: string[];
}

/** The Yjs document of a standard, and the rich-text fields (XML fragments) inside it. */
export const standardDocId = (standardId: string): string => `standard:${standardId}`;
export const STANDARD_FIELDS = ['text', 'breach'] as const;
export type StandardField = (typeof STANDARD_FIELDS)[number];

/**
 * A standard's easy-read version (short sentences, everyday words): a second Yjs document with
 * one field, `text`, edited and locked with the standard and exported with it.
 */
export const easyReadDocId = (standardId: string): string => `easy:${standardId}`;

/**
 * Why a command about the charter's standards was refused (`charter.*`): `is<Status>` says what
 * the standard is now when the command needed it otherwise (locking a locked one, say).
 */
export const CHARTER_REASONS = [
  'standardNotFound',
  'full',
  'titleLocked',
  'titleDecided',
  'isDrafting',
  'isLocked',
  'isAdopted',
  'isRejected',
  'ladderFixed',
] as const;
