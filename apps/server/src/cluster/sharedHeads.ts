/**
 * Small shared registers that the nodes advance one at a time: a head (a version and its data)
 * per name, replaced only if it still has the version the writer read (compare-and-set), so two
 * nodes writing at once never both succeed. Derived data with an expiry, never the truth: the
 * database is. Redis on several nodes (`RedisCluster.heads`), this node's memory on one.
 */
export interface SharedHead {
  version: string;
  data: string;
}

export interface SharedHeads {
  /** The head's version only (cheap: no data), or null when there is none. */
  version(name: string): Promise<string | null>;
  read(name: string): Promise<SharedHead | null>;
  /** Replaces the head with `next` if its version is still `expected` (null: no head); answers whether it did. */
  advance(name: string, expected: string | null, next: SharedHead, ttlMs: number): Promise<boolean>;
}

/** One node: the heads live in this process (and expire like Redis keys). */
export class MemoryHeads implements SharedHeads {
  private readonly heads = new Map<string, SharedHead & { expires: number }>();

  async version(name: string): Promise<string | null> {
    return (await this.read(name))?.version ?? null;
  }

  async read(name: string): Promise<SharedHead | null> {
    const head = this.heads.get(name);
    if (head && head.expires <= Date.now()) this.heads.delete(name);
    return this.heads.get(name) ?? null;
  }

  async advance(name: string, expected: string | null, next: SharedHead, ttlMs: number): Promise<boolean> {
    if (((await this.read(name))?.version ?? null) !== expected) return false;
    this.heads.set(name, { ...next, expires: Date.now() + ttlMs });
    return true;
  }
}

/** What a Redis connection must offer for `redisHeads` (node-redis' client does). */
export interface RedisCommands {
  hGet(key: string, field: string): Promise<unknown>;
  hGetAll(key: string): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** Replaces the head atomically if its version is still ARGV[1] ('' = no head). */
const ADVANCE = `
local current = redis.call('HGET', KEYS[1], 'version')
if (current or '') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'version', ARGV[2], 'data', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1`;

/** Several nodes: one Redis hash per head, under `prefix`; the compare-and-set is one Lua script. */
export function redisHeads(commands: RedisCommands, prefix: string): SharedHeads {
  const key = (name: string) => `${prefix}:head:${name}`;
  return {
    async version(name) {
      const version = await commands.hGet(key(name), 'version');
      return typeof version === 'string' ? version : null;
    },
    async read(name) {
      const head = (await commands.hGetAll(key(name))) as Record<string, string>;
      return typeof head.version === 'string' && typeof head.data === 'string'
        ? { version: head.version, data: head.data }
        : null;
    },
    async advance(name, expected, next, ttlMs) {
      const done = await commands.eval(ADVANCE, {
        keys: [key(name)],
        arguments: [expected ?? '', next.version, next.data, String(Math.max(1, Math.round(ttlMs)))],
      });
      return Number(done) === 1;
    },
  };
}
