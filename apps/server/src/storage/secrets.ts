import { createHash, randomBytes } from 'node:crypto';

/** 128 random bits, base64url: the secret in an invite, watch link or session cookie. */
export const newSecret = (): string => randomBytes(16).toString('base64url');

/** Only hashes are stored, so a database dump opens no door. */
export const hashSecret = (secret: string): Buffer => createHash('sha256').update(secret).digest();
