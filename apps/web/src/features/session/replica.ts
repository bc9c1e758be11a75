// Loaded on demand (`SessionStore`): the watch page's bundle budget has no room for it up front.
export { SessionReplica } from '@moot/protocol';
