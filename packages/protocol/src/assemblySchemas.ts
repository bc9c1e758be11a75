import { z } from 'zod';
import { SECRET_PATTERN } from './assembly.ts';
import { LIMITS } from './limits.ts';

// The schemas of `assembly.ts`, apart from it so that a page that only reads its views and names
// (the watch page) does not load zod: a bundler keeps a module whole.

/** A participant's display name. */
export const displayName = z
  .string()
  .trim()
  .min(LIMITS.minDisplayNameLength, 'Please enter a name')
  .max(LIMITS.maxDisplayNameLength, `A name is at most ${LIMITS.maxDisplayNameLength} characters`);

/** An invite or watch secret (`SECRET_PATTERN`). */
export const secret = z.string().regex(SECRET_PATTERN, 'Not a valid link');
