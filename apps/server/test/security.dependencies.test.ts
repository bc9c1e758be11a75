import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * The first versions with the known crash and exhaustion bugs of the transport fixed
 * (research-reliability.md, table 1a, and SECURITY.md). Raise a floor when a new advisory lands.
 */
const FLOORS: Record<string, { version: string; why: string }> = {
  'socket.io': { version: '4.6.2', why: 'CVE-2024-38355: an unhandled error event killed the process' },
  'engine.io': {
    version: '6.6.7',
    why: 'CVE-2022-21676, CVE-2022-41940, CVE-2023-31125 (crafted frames/requests crashed it); 6.6.7 WebTransport auth bypass',
  },
  'socket.io-parser': {
    version: '4.2.6',
    why: 'CVE-2022-2421, CVE-2023-32695 (crafted packets), CVE-2026-33151 (unbounded attachments)',
  },
  ws: {
    version: '8.21.0',
    why: 'CVE-2024-37890 (header flood crash), CVE-2026-45736, CVE-2026-48779 (fragment memory exhaustion)',
  },
  yjs: { version: '13.6.27', why: 'the release whose update handling the server validation was built against' },
};

const parse = (v: string) => v.split(/[.+-]/).slice(0, 3).map(Number) as [number, number, number];
function atLeast(version: string, floor: string): boolean {
  const [a, b] = [parse(version), parse(floor)];
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return true;
}

interface LockEntry {
  version?: string;
  dev?: boolean;
}

describe('transport packages are at or above the versions that fixed known crash bugs', () => {
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  /** Every copy the lockfile installs for production, at any depth. */
  const copies = (name: string) =>
    Object.entries(lock.packages).filter(([key, entry]) => key.endsWith(`node_modules/${name}`) && !entry.dev);

  it.each(Object.entries(FLOORS))('%s', (name, { version: floor, why }) => {
    const found = copies(name);
    expect(found.length, `${name} is not installed`).toBeGreaterThan(0);
    for (const [key, entry] of found) {
      expect(atLeast(entry.version!, floor), `${key} ${entry.version} < ${floor}: ${why}`).toBe(true);
      // What is on disk, not only what the lockfile says.
      const manifest = path.join(ROOT, key, 'package.json');
      if (existsSync(manifest)) {
        const installed = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
        expect(atLeast(installed, floor), `${key} installed ${installed} < ${floor}: ${why}`).toBe(true);
      }
    }
  });

  it('compares versions numerically', () => {
    expect(atLeast('8.21.3', '8.21.0')).toBe(true);
    expect(atLeast('8.3.0', '8.21.0')).toBe(false);
    expect(atLeast('6.2.7', '8.21.0')).toBe(false);
    expect(atLeast('4.6.2', '4.6.2')).toBe(true);
  });
});
