import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inputsDigest, stampWebBuild, webBuildNeeded } from './webBuildStamp.ts';

describe('rebuilding the web app only when it changed', () => {
  const inputs = ['web/src', 'web/index.html', 'lock.json'];
  let root: string;
  let dist: string;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  const built = () => {
    write('web/dist/index.html', '<!doctype html>');
    stampWebBuild(dist, webBuildNeeded(root, dist, inputs).digest);
  };

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'moot-stamp-'));
    dist = path.join(root, 'web/dist');
    write('web/src/main.tsx', 'render()');
    write('web/src/features/a.ts', 'export const a = 1;');
    write('web/index.html', '<div id="root"></div>');
    write('lock.json', '{}');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('builds when there is no build', () => {
    expect(webBuildNeeded(root, dist, inputs)).toMatchObject({ build: true, reason: 'no build yet' });
  });

  it('builds when a build has no stamp (made by `npm run build`, or an older one)', () => {
    write('web/dist/index.html', '<!doctype html>');
    expect(webBuildNeeded(root, dist, inputs).build).toBe(true);
  });

  it('skips the build when nothing changed since the stamped one', () => {
    built();
    expect(webBuildNeeded(root, dist, inputs).build).toBe(false);
  });

  it.each([
    ['a source edited', () => write('web/src/features/a.ts', 'export const a = 2;')],
    ['a source added', () => write('web/src/features/b.ts', 'export const b = 1;')],
    [
      'a source renamed',
      () => {
        rmSync(path.join(root, 'web/src/features/a.ts'));
        write('web/src/features/c.ts', 'export const a = 1;');
      },
    ],
    ['index.html edited', () => write('web/index.html', '<div id="app"></div>')],
    ['the lockfile changed', () => write('lock.json', '{"x":1}')],
  ])('builds again after %s', (_what, change) => {
    built();
    change();
    expect(webBuildNeeded(root, dist, inputs)).toMatchObject({ build: true, reason: 'its sources changed' });
  });

  it('does not count the build itself or a file outside the inputs', () => {
    built();
    write('web/dist/assets/x.js', 'x');
    write('web/README.md', 'notes');
    expect(webBuildNeeded(root, dist, inputs).build).toBe(false);
  });

  it('reads contents, not times: the same bytes give the same digest', () => {
    const before = inputsDigest(root, inputs);
    write('web/src/main.tsx', 'render()');
    expect(inputsDigest(root, inputs)).toBe(before);
  });
});
