/**
 * `npx tsx scripts/buildWeb.ts`: builds apps/web only when its inputs changed since the last
 * build (`npm start` and `npm run cluster` run this; `npm run build` always builds).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { stampWebBuild, webBuildNeeded } from './webBuildStamp.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'apps/web/dist');

const decision = webBuildNeeded(ROOT, DIST);
if (!decision.build) {
  console.log('apps/web/dist is up to date with its sources: not rebuilding');
} else {
  console.log(`building apps/web (${decision.reason})`);
  const { status } = spawnSync('npm', ['run', 'build', '--workspace', 'apps/web'], { cwd: ROOT, stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
  stampWebBuild(DIST, decision.digest);
}
