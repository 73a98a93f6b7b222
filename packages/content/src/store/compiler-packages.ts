import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

// Bare imports in built modules: `from 'x'`, `import 'x'`, `import('x')` (not './x', not 'node:x').
const bareImport = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]((?!node:)[^./'"][^'"]*)['"]/g;

/** 'unified' → 'unified', '@noble/hashes/sha2.js' → '@noble/hashes'. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

/**
 * The directory Node would load `name` from, for a module in `fromDir`: the nearest node_modules
 * holding it, with links followed as Node follows them (pnpm links each package to a store
 * folder, and that folder's node_modules holds its dependencies).
 */
function installedAt(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return realpathSync(candidate);
    if (path.dirname(dir) === dir) return undefined;
  }
}

interface PackageJson {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/**
 * The installed packages a compile runs: those the compiler's modules import, those it loads by
 * name (`loadedByName`: citation-js, required on first use), and their dependencies, each as
 * 'name@version' (sorted, once per installed copy). Part of the compiler fingerprint, so upgrading
 * remark or one of its parsers, or installing citation-js after an install without it, compiles
 * every article again instead of serving what the old install made. A required package that is
 * not installed counts as 'name@missing'; type-only packages (@types/*) run nothing and are left out.
 */
export function compilerPackages(modules: readonly string[], options: { loadedByName?: readonly string[] } = {}): string[] {
  const found = new Map<string, string>();
  // `optional`: a peer or optional dependency, which need not be installed (then nothing runs it).
  const pending: { name: string; fromDir: string; optional: boolean }[] = [];
  for (const module of modules) {
    for (const [, specifier] of readFileSync(module, 'utf8').matchAll(bareImport)) {
      pending.push({ name: packageName(specifier as string), fromDir: path.dirname(module), optional: false });
    }
  }
  for (const name of options.loadedByName ?? []) if (modules[0]) pending.push({ name, fromDir: path.dirname(modules[0]), optional: false });
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.name.startsWith('@types/')) continue;
    const dir = installedAt(next.name, next.fromDir);
    if (!dir) {
      if (!next.optional) found.set(`missing:${next.name}`, `${next.name}@missing`);
      continue;
    }
    if (found.has(dir)) continue;
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
    found.set(dir, `${next.name}@${manifest.version ?? 'unversioned'}`);
    for (const name of Object.keys(manifest.dependencies ?? {})) pending.push({ name, fromDir: dir, optional: false });
    for (const name of Object.keys({ ...manifest.peerDependencies, ...manifest.optionalDependencies })) pending.push({ name, fromDir: dir, optional: true });
  }
  return [...new Set(found.values())].sort();
}
