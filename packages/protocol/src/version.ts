/**
 * The wire protocol version. Client and server send it in the handshake (`auth.protocol`);
 * the server refuses a client of another version with `protocol_mismatch`, so a stale tab
 * reloads instead of speaking a contract the server no longer understands.
 */
export const PROTOCOL_VERSION = 1;
