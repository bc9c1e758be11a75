import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Dependencies run one way (README, "Dependencies run one way"): features sit on the core and
 * the core never imports a feature; only the composition root knows both. Imports are read with
 * the TypeScript parser, so `import type`, re-exports, `import()` and `declare module` all count.
 */
const SRC = path.resolve(import.meta.dirname, '../src');
const LAYERS = {
  core: [
    'realtime',
    'storage',
    'cluster',
    'collab',
    'http',
    'metrics',
    'audit',
    'throttle',
    'appContext.ts',
    'config.ts',
  ],
  features: ['features'],
  compositionRoot: ['app.ts', 'main.ts', 'cli.ts'],
} as const;
type Layer = keyof typeof LAYERS;

const COMPILER_OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
};

/** Every module specifier a file names, in any of the forms TypeScript knows. */
function moduleSpecifiers(fileName: string, text: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      if (ts.isStringLiteral(node.moduleReference.expression)) found.push(node.moduleReference.expression.text);
    } else if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) {
      found.push(node.name.text); // `declare module './x.ts' { … }` adds to x: it depends on x
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      if (ts.isStringLiteral(node.argument.literal)) found.push(node.argument.literal.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [first] = node.arguments;
      if (first && ts.isStringLiteralLike(first)) found.push(first.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS));
  return found;
}

/** The server's own files; tests beside the code (`*.test.ts`, `*.test-support.ts`) may import anything. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.(test|test-support|d)\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The import graph among the files under `root`, keyed and valued by paths relative to it. */
function importGraph(root: string): { graph: Map<string, string[]>; unresolved: string[] } {
  const graph = new Map<string, string[]>();
  const unresolved: string[] = [];
  for (const file of sourceFiles(root)) {
    const targets = new Set<string>();
    for (const specifier of moduleSpecifiers(file, readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) continue; // packages, node: built-ins, @moot/protocol
      const resolved = ts.resolveModuleName(specifier, file, COMPILER_OPTIONS, ts.sys).resolvedModule;
      if (!resolved) unresolved.push(`${path.relative(root, file)} → ${specifier}`);
      else if (!path.relative(root, resolved.resolvedFileName).startsWith('..')) {
        targets.add(path.relative(root, resolved.resolvedFileName));
      }
    }
    graph.set(path.relative(root, file), [...targets]);
  }
  return { graph, unresolved };
}

/** Strongly connected components of more than one file, or a file importing itself (Tarjan). */
function importCycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const connect = (file: string): void => {
    index.set(file, next);
    low.set(file, next++);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        connect(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)?.includes(file)) cycles.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) connect(file);
  return cycles;
}

const layerOf = (file: string): Layer | null => {
  const top = file.split(path.sep)[0]!;
  const layer = (Object.keys(LAYERS) as Layer[]).find((name) => (LAYERS[name] as readonly string[]).includes(top));
  return layer ?? null;
};

describe('the server’s dependencies run one way', () => {
  const { graph, unresolved } = importGraph(SRC);

  it('reads the whole source tree, and every relative import resolves', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('app.ts')).toContain('appContext.ts');
    expect(unresolved).toEqual([]);
  });

  it('has no import cycle (type imports included)', () => {
    expect(importCycles(graph).map((cycle) => cycle.join(' · '))).toEqual([]);
  });

  it('puts every file in a layer: core, features, or the composition root', () => {
    expect([...graph.keys()].filter((file) => layerOf(file) === null)).toEqual([]);
  });

  it('never imports a feature from the core (only app.ts and main.ts know both)', () => {
    const backwards = [...graph].flatMap(([file, targets]) =>
      layerOf(file) === 'core'
        ? targets.filter((target) => layerOf(target) === 'features').map((target) => `${file} → ${target}`)
        : [],
    );
    expect(backwards).toEqual([]);
  });

  it('typechecks the core on its own: it uses nothing a feature adds to the app context', () => {
    // The features extend `AppContext` by a module augmentation (features/featureContext.ts); a
    // program of the core's files alone leaves it out, so `ctx.votes` in the core fails here.
    const config = ts.getParsedCommandLineOfConfigFile(
      path.join(SRC, '../tsconfig.json'),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
          throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
        },
      },
    )!;
    const core = [...graph.keys()].filter((file) => layerOf(file) === 'core').map((file) => path.join(SRC, file));
    const program = ts.createProgram(core, config.options);
    const features = program.getSourceFiles().map((file) => path.relative(SRC, file.fileName));
    expect(features.filter((file) => layerOf(file) === 'features')).toEqual([]);
    const errors = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where = diagnostic.file ? `${path.relative(SRC, diagnostic.file.fileName)}: ` : '';
      return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    });
    expect(errors).toEqual([]);
  }, 300_000);

  it('never imports the composition root from the core or a feature', () => {
    const intoRoot = [...graph].flatMap(([file, targets]) =>
      layerOf(file) === 'compositionRoot'
        ? []
        : targets.filter((target) => layerOf(target) === 'compositionRoot').map((target) => `${file} → ${target}`),
    );
    expect(intoRoot).toEqual([]);
  });
});

describe('the import checker itself', () => {
  it('sees every form of import', () => {
    const text = [
      "import { a } from './value.ts';",
      "import type { B } from './type.ts';",
      "import './effect.ts';",
      "export { c } from './reexport.ts';",
      "export * from './star.ts';",
      "import d = require('./legacy.ts');",
      "const e = await import('./dynamic.ts');",
      "let f: import('./inline.ts').F;",
      "declare module './augmented.ts' { interface G { h: string } }",
    ].join('\n');
    expect(moduleSpecifiers('probe.ts', text)).toEqual([
      './value.ts',
      './type.ts',
      './effect.ts',
      './reexport.ts',
      './star.ts',
      './legacy.ts',
      './dynamic.ts',
      './inline.ts',
      './augmented.ts',
    ]);
  });

  it('finds a circle through several files and a file importing itself, and not a diamond', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', ['d.ts']],
      ['top.ts', ['left.ts', 'right.ts']],
      ['left.ts', ['bottom.ts']],
      ['right.ts', ['bottom.ts']],
      ['bottom.ts', []],
    ]);
    expect(importCycles(graph)).toEqual([['d.ts'], ['a.ts', 'b.ts', 'c.ts']]);
  });
});
