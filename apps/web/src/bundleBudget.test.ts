import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { overBudget, pageWeight, type BuiltChunk } from '../bundleBudget.ts';

function chunk(fileName: string, code: string, more: Partial<BuiltChunk> = {}): BuiltChunk {
  return {
    type: 'chunk',
    fileName,
    code,
    isEntry: false,
    facadeModuleId: null,
    imports: [],
    dynamicImports: [],
    ...more,
  };
}

// Random bytes barely compress, so each chunk's gzipped size is known to within a few bytes.
const noise = (bytes: number) => randomBytes(bytes).toString('base64');
const WATCH = '/repo/apps/web/src/features/watch/WatchPage.tsx';

describe('the bundle budget', () => {
  const chunks = [
    chunk('index.js', noise(3000), {
      isEntry: true,
      imports: ['react.js'],
      dynamicImports: ['watch.js', 'assembly.js'],
    }),
    chunk('react.js', noise(2000)),
    chunk('watch.js', noise(1000), {
      facadeModuleId: WATCH,
      imports: ['yjs.js', 'react.js'],
      dynamicImports: ['editor.js'],
    }),
    chunk('yjs.js', noise(1500)),
    chunk('editor.js', noise(50_000)),
    chunk('assembly.js', noise(9000), { facadeModuleId: '/repo/apps/web/src/features/assembly/AssemblyPage.tsx' }),
  ];

  it('counts the entry, the route and their static imports once each, not what they load on demand', () => {
    const weight = pageWeight(chunks, 'src/features/watch/WatchPage.tsx');
    expect(weight.files).toEqual(['index.js', 'react.js', 'watch.js', 'yjs.js']);
    const expected = weight.files.reduce(
      (sum, name) => sum + gzipSync(chunks.find((c) => c.fileName === name)!.code).byteLength,
      0,
    );
    expect(weight.gzipBytes).toBe(expected);
  });

  it('passes under the budget and explains what to do over it', () => {
    const weight = pageWeight(chunks, 'src/features/watch/WatchPage.tsx');
    const kb = weight.gzipBytes / 1000;
    expect(overBudget(weight, { route: 'watch', maxKb: Math.ceil(kb) })).toBeNull();
    expect(overBudget(weight, { route: 'watch', maxKb: Math.floor(kb) - 1 })).toMatch(
      /^watch loads [\d.]+ KB of gzipped JavaScript, over its budget of \d+ KB \(index\.js, react\.js, watch\.js, yjs\.js\)/,
    );
  });

  it('fails loudly when the route is no longer a chunk of its own', () => {
    expect(() => pageWeight(chunks, 'src/features/nowhere/Page.tsx')).toThrow(/No chunk is built from/);
  });
});
