import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { compilerModules } from '../../src/store/cache.js';
import { citationJsPackages } from '../../src/bibliography/load-citation-js.js';
import { compilerPackages } from '../../src/store/compiler-packages.js';
import { builtPackage } from '../helpers.js';

let dist: string;
beforeAll(() => {
  dist = builtPackage();
});

const modules = () => compilerModules(dist).map((file) => path.relative(dist, file).split(path.sep).join('/'));

describe('the compiler fingerprint covers what a compile runs', () => {
  it('holds the compile job and every module it imports, directly or through others', () => {
    const found = modules();
    for (const name of ['store/job.js', 'compile.js', 'frontmatter.js', 'plugins/tables.js', 'plugins/readable-text.js', 'bibliography/parse.js', 'search/text.js', 'readability/measure.js']) {
      expect(found).toContain(name);
    }
  });

  it('leaves out the CLI, the check, judging, the search index, the React renderer and the store around the job', () => {
    const found = modules();
    for (const name of ['cli.js', 'check.js', 'check/report.js', 'refs/cli.js', 'build.js', 'index.js', 'site/layout.js', 'site/judge.js', 'search/fts-index.js', 'search/write.js', 'store/store.js', 'store/cache.js']) {
      expect(found).not.toContain(name);
    }
    expect(found.filter((name) => name.startsWith('react/'))).toEqual([]);
  });

  it('refuses a package whose compile job is not built (the fingerprint then says so)', () => {
    expect(() => compilerModules(path.join(dist, 'no-such-dist'))).toThrow(/job\.js is not built/);
  });
});

describe('the compiler fingerprint covers the packages a compile runs', () => {
  it('names the installed version of what the compiler imports and of their dependencies, not the store\u2019s', () => {
    const found = compilerPackages(compilerModules(dist));
    const installed = (name: string) => (JSON.parse(readFileSync(path.join(dist, '..', '..', '..', 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    // Imported by the compiler (unified), and only by what it imports (micromark, under remark-parse).
    expect(found).toContain(`unified@${installed('unified')}`);
    expect(found).toContain(`micromark@${installed('micromark')}`);
    for (const name of ['better-sqlite3', 'piscina', 'react', 'chokidar', '@types/']) expect(found.filter((id) => id.startsWith(name))).toEqual([]);
    // citation-js is required by name on first use (no import names it).
    expect(compilerPackages(compilerModules(dist), { loadedByName: citationJsPackages })).toContain(`@citation-js/plugin-ris@${installed('@citation-js/plugin-ris')}`);
  });

  it('has no import of the package itself (its code would be outside compilerModules, its dependencies all counted)', () => {
    const selfImport = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]@cited\/content\b/;
    for (const module of compilerModules(dist)) expect(readFileSync(module, 'utf8'), module).not.toMatch(selfImport);
  });

  let tree: string | undefined;
  afterEach(() => {
    if (tree) rmSync(tree, { recursive: true, force: true });
  });

  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  const manifest = (version: string, more: object = {}) => JSON.stringify({ version, ...more });

  it('resolves each package as Node does (the nearest node_modules), so a nested copy counts with its own version', () => {
    tree = mkdtempSync(path.join(tmpdir(), 'cited-packages-'));
    const module = path.join(tree, 'app', 'dist', 'compile.js');
    write(module, "import { parse } from 'parser/sub.js';\nimport fs from 'node:fs';\nimport './local.js';\nconst lazy = () => import('@scope/lazy');\n");
    write(path.join(tree, 'node_modules', 'parser', 'package.json'), manifest('2.0.0', { dependencies: { tokens: '^1', '@types/parser': '^2' }, peerDependencies: { 'not-installed-peer': '*' } }));
    write(path.join(tree, 'node_modules', '@types', 'parser', 'package.json'), manifest('2.0.1'));
    write(path.join(tree, 'node_modules', 'parser', 'node_modules', 'tokens', 'package.json'), manifest('1.5.0'));
    write(path.join(tree, 'node_modules', 'tokens', 'package.json'), manifest('3.0.0'));
    write(path.join(tree, 'node_modules', '@scope', 'lazy', 'package.json'), manifest('0.1.0', { dependencies: { gone: '^1' } }));
    expect(compilerPackages([module])).toEqual(['@scope/lazy@0.1.0', 'gone@missing', 'parser@2.0.0', 'tokens@1.5.0']);

    // An upgrade of a dependency of a dependency changes what the fingerprint hashes.
    write(path.join(tree, 'node_modules', 'parser', 'node_modules', 'tokens', 'package.json'), manifest('1.6.0'));
    expect(compilerPackages([module])).toContain('tokens@1.6.0');

    // A package loaded by name on first use: missing, then installed.
    expect(compilerPackages([module], { loadedByName: ['late'] })).toContain('late@missing');
    write(path.join(tree, 'node_modules', 'late', 'package.json'), manifest('1.0.0'));
    expect(compilerPackages([module], { loadedByName: ['late'] })).toContain('late@1.0.0');
  });

  it('follows a linked package to its folder, whose node_modules holds its dependencies (pnpm)', () => {
    tree = mkdtempSync(path.join(tmpdir(), 'cited-packages-'));
    const module = path.join(tree, 'app', 'dist', 'compile.js');
    write(module, "import { parse } from 'parser';\n");
    const store = path.join(tree, 'node_modules', '.pnpm');
    write(path.join(store, 'parser@2.0.0', 'node_modules', 'parser', 'package.json'), manifest('2.0.0', { dependencies: { tokens: '^1' } }));
    write(path.join(store, 'tokens@1.5.0', 'node_modules', 'tokens', 'package.json'), manifest('1.5.0'));
    symlinkSync(path.join(store, 'tokens@1.5.0', 'node_modules', 'tokens'), path.join(store, 'parser@2.0.0', 'node_modules', 'tokens'));
    symlinkSync(path.join(store, 'parser@2.0.0', 'node_modules', 'parser'), path.join(tree, 'node_modules', 'parser'));
    expect(compilerPackages([module])).toEqual(['parser@2.0.0', 'tokens@1.5.0']);
  });
});
