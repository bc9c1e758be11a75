import type { Logger } from 'pino';
import type { DocumentRegistry } from './collab/documentRegistry.ts';
import type { WatcherCount } from './features/watch/watcherCount.ts';
import type { MootServer, WatchNamespace } from './realtime/socketData.ts';
import type { Database } from './storage/database.ts';

/** What every feature's handlers are built from; assembled once in `createApp`. */
export interface AppContext {
  db: Database;
  logger: Logger;
  io: MootServer;
  watch: WatchNamespace;
  documents: DocumentRegistry;
  watchers: WatcherCount;
  sessionLifetimeMs: number;
  secureCookies: boolean;
}
