import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
/** deploy/nginx.conf without its comments (a commented-out `ip_hash;` pins nothing). */
const nginx = readFileSync(path.join(root, 'deploy/nginx.conf'), 'utf8').replace(/#.*$/gm, '');

/** The body of the first `<head> {` block, braces balanced (nginx blocks nest). */
function block(head: RegExp): string | null {
  const start = head.exec(nginx);
  if (!start) return null;
  let depth = 0;
  for (let i = start.index + start[0].length - 1; i < nginx.length; i++) {
    if (nginx[i] === '{') depth++;
    else if (nginx[i] === '}' && --depth === 0) return nginx.slice(start.index + start[0].length, i);
  }
  return null;
}

const directives = (body: string, name: string) =>
  [...body.matchAll(new RegExp(`(?:^|[;{}\\s])${name}\\s+([^;]*);`, 'g'))].map((m) => m[1]!.trim());

describe("the compose cluster's nginx: sticky sessions for Socket.IO", () => {
  const sockets = block(/location\s+\/socket\.io\/\s*\{/);
  const upstreamName = sockets ? /proxy_pass\s+http:\/\/([\w-]+)\s*;/.exec(sockets)?.[1] : undefined;
  const upstream = upstreamName ? block(new RegExp(`upstream\\s+${upstreamName}\\s*\\{`)) : null;

  it('sends /socket.io/ to an upstream of its own', () => {
    expect(sockets).not.toBeNull();
    expect(upstreamName).toBeDefined();
    expect(upstream).not.toBeNull();
  });

  it('pins each client to one node (ip_hash): the requests of a long-polling session, and its upgrade, reach the node holding it', () => {
    expect(upstream).toMatch(/(?:^|[;{\s])ip_hash\s*;/);
    // No other balancing method that would replace it.
    expect(upstream).not.toMatch(/(?:^|[;{\s])(?:least_conn|random|hash)\s/);
  });

  it('spreads sockets over the same nodes as every other request', () => {
    const nodes = (body: string | null) =>
      directives(body ?? '', 'server')
        .map((s) => s.split(/\s+/)[0])
        .sort();
    const all = nodes(block(/upstream\s+moot\s*\{/));
    expect(all.length).toBeGreaterThan(1);
    expect(nodes(upstream)).toEqual(all);
  });
});
