/**
 * The wire protocol version. Client and server send it in the handshake (`auth.protocol`);
 * the server refuses a client of another version with `protocol_mismatch`, so a stale tab
 * reloads instead of speaking a contract the server no longer understands.
 *
 * 2: the session travels as `session:patch` after each change (a tab of version 1 would keep
 * showing the state it had, so it is told to reload).
 */
export const PROTOCOL_VERSION = 2;
