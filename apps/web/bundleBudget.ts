import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** The part of a built chunk the budget needs (Rollup's and Rolldown's OutputChunk have these). */
export interface BuiltChunk {
  type: 'chunk';
  fileName: string;
  code: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  dynamicImports: string[];
}

export interface PageWeight {
  /** Every JavaScript file the page loads before it can show anything: the entry, the route and their static imports. */
  files: string[];
  gzipBytes: number;
}

/**
 * What a route costs a phone: the entry chunk, the route's own (lazily imported) chunk, and
 * everything either imports statically, each file counted once, gzipped. Chunks the route only
 * imports dynamically (loaded on demand, if ever) are not counted.
 */
export function pageWeight(chunks: readonly BuiltChunk[], routeModule: string): PageWeight {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const route = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(routeModule));
  if (!route) throw new Error(`No chunk is built from ${routeModule}: is the route still lazily imported?`);
  const files = new Set<string>();
  const visit = (chunk: BuiltChunk) => {
    if (files.has(chunk.fileName)) return;
    files.add(chunk.fileName);
    for (const name of chunk.imports) {
      const imported = byName.get(name);
      if (imported) visit(imported);
    }
  };
  for (const entry of chunks.filter((chunk) => chunk.isEntry)) visit(entry);
  visit(route);
  let gzipBytes = 0;
  for (const name of files) gzipBytes += gzipSync(byName.get(name)!.code).byteLength;
  return { files: [...files].sort(), gzipBytes };
}

export interface Budget {
  /** The route's module, as its path ends, e.g. `src/features/watch/WatchPage.tsx`. */
  route: string;
  /** Gzipped JavaScript allowed, in kilobytes (1 KB = 1000 bytes, as Vite reports sizes). */
  maxKb: number;
}

/** A message when the route is over its budget, else null. */
export function overBudget(weight: PageWeight, budget: Budget): string | null {
  const kb = weight.gzipBytes / 1000;
  if (kb <= budget.maxKb) return null;
  return (
    `${budget.route} loads ${kb.toFixed(1)} KB of gzipped JavaScript, over its budget of ${budget.maxKb} KB ` +
    `(${weight.files.join(', ')}). Move what it does not need behind a dynamic import().`
  );
}

/** Fails the build when a route's JavaScript grows over its budget; prints each route's weight. */
export function bundleBudget(budgets: readonly Budget[]): Plugin {
  return {
    name: 'moot-bundle-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((item): item is typeof item & BuiltChunk => item.type === 'chunk');
      for (const budget of budgets) {
        const weight = pageWeight(chunks, budget.route);
        const problem = overBudget(weight, budget);
        if (problem) this.error(problem);
        this.info(`${budget.route}: ${(weight.gzipBytes / 1000).toFixed(1)} KB gzipped of ${budget.maxKb} KB`);
      }
    },
  };
}
