import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Everything the web build reads, relative to the repository root: the app's sources and
 * config, the protocol it bundles, and the lockfile (which pins every library it bundles).
 */
export const WEB_BUILD_INPUTS = [
  'apps/web/src',
  'apps/web/public',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'apps/web/bundleBudget.ts',
  'apps/web/package.json',
  'packages/protocol/src',
  'packages/protocol/package.json',
  'package-lock.json',
];

/** Written into the build once it succeeds (a dotfile: the server's static files skip it). */
export const STAMP_FILE = '.inputs-sha256';

function filesUnder(absolute: string): string[] {
  if (!existsSync(absolute)) return [];
  if (!statSync(absolute).isDirectory()) return [absolute];
  return readdirSync(absolute, { withFileTypes: true })
    .filter((entry) => entry.name !== 'node_modules')
    .flatMap((entry) => filesUnder(path.join(absolute, entry.name)));
}

/**
 * One SHA-256 over every input's path and bytes. Content, not modification times: a checkout or
 * a copy changes times without changing the build, and an edit inside the same second does not.
 */
export function inputsDigest(root: string, inputs: readonly string[] = WEB_BUILD_INPUTS): string {
  const hash = createHash('sha256');
  const files = inputs.flatMap((input) => filesUnder(path.join(root, input)));
  for (const file of files.map((f) => path.relative(root, f).split(path.sep).join('/')).sort()) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

/** `digest` is of the inputs as they are now: stamp it once a build from them succeeds. */
export type BuildDecision = { digest: string } & ({ build: false } | { build: true; reason: string });

/** Whether `dist` must be built again: it is missing, was not stamped, or its inputs changed since. */
export function webBuildNeeded(root: string, dist: string, inputs?: readonly string[]): BuildDecision {
  const digest = inputsDigest(root, inputs);
  const stampPath = path.join(dist, STAMP_FILE);
  if (!existsSync(path.join(dist, 'index.html'))) return { digest, build: true, reason: 'no build yet' };
  if (!existsSync(stampPath)) return { digest, build: true, reason: 'the build has no stamp of its inputs' };
  if (readFileSync(stampPath, 'utf8').trim() !== digest) return { digest, build: true, reason: 'its sources changed' };
  return { digest, build: false };
}

/**
 * Records the inputs a successful build was made from (read before it started, so an edit made
 * while it ran is built next time).
 */
export function stampWebBuild(dist: string, digest: string): void {
  writeFileSync(path.join(dist, STAMP_FILE), `${digest}\n`);
}
