import { createHash } from 'node:crypto';

/** What a mark is kept against: a hash of the paragraph's words (formatting aside). */
export const wordingOf = (text: string): string =>
  createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('base64url').slice(0, 16);
