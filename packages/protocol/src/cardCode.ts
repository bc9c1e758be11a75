import { z } from 'zod';
import { displayName } from './assemblySchemas.ts';

/**
 * The typed code on an invite card: 12 characters of Crockford's base32 (no I, L, O or U), so
 * 60 random bits, shown in three groups of four. Typing is forgiving: case, spaces, dashes, and
 * O for 0 and I or L for 1 are all accepted.
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 12;
export const normaliseCode = (typed: string): string =>
  typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
export const groupCode = (code: string): string => code.match(/.{1,4}/g)?.join('-') ?? code;
export const typedCodeSchema = z
  .string()
  .max(40)
  .transform(normaliseCode)
  .refine((code) => code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c)), {
    message: `A card's code has ${CODE_LENGTH} letters and digits`,
  });

/** POST `HTTP_ROUTES.inspectCode` / `redeemCode`: the join page with a card's typed code instead of its link. */
export const inspectCodeSchema = z.strictObject({ code: typedCodeSchema });
/** POST redeemCode: an invite card's typed code for a session cookie (kept apart from `http.ts`, so the watch page does not carry it). */
export const redeemCodeSchema = z.strictObject({ code: typedCodeSchema, displayName });
