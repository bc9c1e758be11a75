import { hashSecret } from '../../storage/secrets.ts';

/** Every socket opened with one session cookie, on any node (closed together at logout). Keyed by the token's hash. */
export const sessionRoom = (sessionToken: string): string => sessionRoomOfHash(hashSecret(sessionToken));

/** The same room from the stored hash (a device signed out from another device has only that). */
export const sessionRoomOfHash = (tokenHash: Uint8Array): string => `session:${Buffer.from(tokenHash).toString('hex')}`;
