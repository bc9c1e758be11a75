import { hashSecret } from '../../storage/secrets.ts';

/** Every socket opened with one session cookie, on any node (closed together at logout). Keyed by the token's hash. */
export const sessionRoom = (sessionToken: string): string => `session:${hashSecret(sessionToken).toString('hex')}`;
