/**
 * The members feature's limits (importing the civic lottery's CSV, invite cards, published
 * aggregates), in a module of their own beside `limits.ts`, so the watch page (which has a size budget) does not carry them.
 */
export const MEMBER_LIMITS = {
  /**
   * Importing members from a stratified-selection tool's CSV: the file's size in bytes, its
   * rows (people, not counting the header), its columns, and one field's length in characters.
   * A quota file is held to the same limits.
   */
  maxImportBytes: 512 * 1024,
  maxImportRows: 2000,
  maxImportColumns: 40,
  maxImportFieldLength: 200,
  /** Distinct values one demographic category may have (an age band, a region…). */
  maxCategoryValues: 60,
  /**
   * Invite cards issued in one request (an A4 sheet holds 8): the ids fit the HTTP API's 16 KiB
   * JSON body; the organisers' page asks in batches of this many.
   */
  maxCardsAtOnce: 300,
  /** How long a printed invite card works, in days: each assembly chooses, within these bounds. */
  minInviteDays: 1,
  maxInviteDays: 365,
  defaultInviteDays: 60,
  /** A published aggregate shows a count below this as "fewer than N" (never the count itself). */
  publishedMinimumCount: 5,
} as const;
