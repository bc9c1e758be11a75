import { LIMITS } from '@moot/protocol';
import { PerClient, type Clock } from './perClient.ts';
import { KnownSecrets, type LoadSecretHashes } from './knownSecrets.ts';
import { SecretGuesses } from './secretGuesses.ts';

/**
 * Every per-address limit of one node (numbers in `LIMITS`), kept in its memory: behind a load
 * balancer an address gets each node's budget. `now` lets tests move time by hand.
 */
export interface Throttles {
  /** Failed look-ups of invite links, watch links and session cookies. */
  secrets: SecretGuesses;
  /** Socket.IO handshakes, on either namespace. */
  handshakes: PerClient;
  /** Export and record downloads. */
  exports: PerClient;
}

/** `liveSecrets` reads every secret that opens something, for addresses out of failed tries. */
export function createThrottles(
  liveSecrets: LoadSecretHashes | null,
  now?: Clock,
  handshakeBurst: number = LIMITS.handshakeBurst,
): Throttles {
  return {
    secrets: new SecretGuesses(liveSecrets && new KnownSecrets(liveSecrets), now),
    handshakes: new PerClient(LIMITS.handshakesPerSecond, handshakeBurst, now),
    exports: new PerClient(LIMITS.exportsPerSecond, LIMITS.exportBurst, now),
  };
}
