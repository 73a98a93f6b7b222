/**
 * A server restarting on an unchanged cache compiles nothing, so the store, search and images
 * modules it imports must not load the compiler (unified, remark, retext: some 300 modules, about 0.3 s of a
 * start): store/load-compiler.ts imports it when a file is first compiled.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

/** Modules a file imports when it loads: `import`/`export … from`, not `import type` nor `import()`. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\sfrom\s+'([^']+)';/gms)) found.push(match[1] as string);
  for (const match of text.matchAll(/^import\s+'([^']+)';/gm)) found.push(match[1] as string);
  return found;
}

/** Every source file and package a start loads from `entry`, each with the chain that reaches it. */
function loadedFrom(entry: string): Map<string, string[]> {
  const reached = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    for (const spec of staticImports(path.join(src, file))) {
      const target = spec.startsWith('.') ? path.relative(src, path.resolve(path.dirname(path.join(src, file)), spec)).replace(/\.js$/, '.ts') : spec;
      if (reached.has(target)) continue;
      reached.set(target, [...(reached.get(file) as string[]), target]);
      if (spec.startsWith('.')) queue.push(target);
    }
  }
  return reached;
}

describe('loading the store, search and images entries', () => {
  it('does not load the compiler', () => {
    for (const entry of ['store/index.ts', 'search/index.ts', 'images.ts']) {
      const loaded = loadedFrom(entry);
      const compiler = [...loaded].filter(([name]) => name === 'compile.ts' || /^(unified|remark-|retext-)/.test(name)).map(([, chain]) => chain.join(' → '));
      expect(compiler, entry).toEqual([]);
      // The walk follows the store's own modules (a broken walk would find nothing to refuse).
      expect(loaded.has('store/records.ts') || entry !== 'store/index.ts').toBe(true);
    }
  });

  it('serving images does not load the store', () => {
    expect([...loadedFrom('images.ts').keys()].filter((name) => name.startsWith('store/') && name !== 'store/cache-dir.ts')).toEqual([]);
  });

  it('finds the compiler where it is loaded statically (the walk sees what it must refuse)', () => {
    expect([...loadedFrom('store/job.ts').keys()]).toEqual(expect.arrayContaining(['compile.ts', 'unified']));
  });
});
