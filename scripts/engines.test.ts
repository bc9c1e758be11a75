import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));

/** The Node versions the README promises: the oldest release of each line Moot supports. */
const PROMISED = ['20.19.0', '22.13.0', '24.0.0'];

interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
  optional?: boolean;
  os?: string[];
}

describe('supported Node versions', () => {
  const ours: string = readJson('package.json').engines.node;

  it('are exactly what the README promises', () => {
    for (const version of PROMISED) expect(semver.satisfies(version, ours), version).toBe(true);
    for (const version of ['18.20.0', '20.18.0', '21.7.0', '23.11.0']) {
      expect(semver.satisfies(version, ours), version).toBe(false);
    }
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`\`${ours}\``);
  });

  // Every package npm installs (the lockfile: production, development and platform binaries)
  // must accept every version we accept, or `npm install` warns EBADENGINE and the package may
  // not run there.
  it('are accepted by every package in the lockfile', () => {
    const packages: Record<string, LockedPackage> = readJson('package-lock.json').packages;
    const refusing = Object.entries(packages).flatMap(([where, pkg]) => {
      const node = pkg.engines && !Array.isArray(pkg.engines) ? pkg.engines.node : undefined;
      if (node === undefined || semver.subset(ours, node)) return [];
      return [`${where}@${pkg.version} wants node ${node}`];
    });
    expect(refusing).toEqual([]);
  });
});
