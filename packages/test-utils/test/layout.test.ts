/**
 * The layout guard on this repository, and on small made-up repositories to show it catches each
 * kind of straggler (a guard that never fails would guard nothing).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testLayoutProblems } from '../src/layout.js';
import { temporaryDirectories } from '../src/temporary.js';
import { repoRoot } from '../src/workspace.js';

const temporary = temporaryDirectories();
afterAll(() => temporary.removeAll());

const workspaces = ['packages/*', 'apps/*', 'bench'];

describe('the test layout', () => {
  it('holds in this repository', () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { workspaces: string[] };
    expect(testLayoutProblems(repoRoot, manifest.workspaces)).toEqual([]);
  });

  it('keeps the app out of the packages: no source or test file in packages/ names the blog app', () => {
    // Written in two parts so this file does not name it either.
    const appPath = ['apps', 'blog'].join('/');
    const packagesDir = path.join(repoRoot, 'packages');
    const naming = readdirSync(packagesDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => /^[^/]+\/(src|test)\//.test(file.split(path.sep).join('/')) && /\.(ts|tsx|js|mjs|mdx)$/.test(file))
      .filter((file) => readFileSync(path.join(packagesDir, file), 'utf8').includes(appPath));
    expect(naming).toEqual([]);
  });

  it('accepts ui tests beside their source, and other tests in test/ and e2e/', () => {
    const root = temporary.make('layout-good', {
      'packages/ui/src/components/Card/Card.tsx': '',
      'packages/ui/src/components/Card/Card.test.tsx': '',
      'packages/content/test/store/scan.test.ts': '',
      'packages/content/test/fixtures/a.md': '',
      'apps/site/test/routes.test.ts': '',
      'apps/site/e2e/a11y.spec.ts': '',
      'apps/site/node_modules/x/index.test.js': '',
      'bench/test/report.test.js': '',
    });
    expect(testLayoutProblems(root, workspaces)).toEqual([]);
  });

  it('names every straggler and says where it belongs', () => {
    const root = temporary.make('layout-bad', {
      'packages/ui/src/components/Card/Card.tsx': '',
      'packages/ui/test/components/Card/Card.test.tsx': '',
      'packages/ui/src/components/Card/__tests__/Card.test.tsx': '',
      'packages/ui/src/lonely/lonely.test.ts': '',
      'packages/content/src/store/scan.test.ts': '',
      'apps/site/app/routes/home.test.tsx': '',
      'apps/site/test/home.spec.ts': '',
      'bench/lib/report.test.js': '',
      'scripts/check.test.mjs': '',
    });
    expect(testLayoutProblems(root, workspaces)).toEqual([
      'apps/site/app/routes/home.test.tsx: this package\'s tests live in its test/ folder (end-to-end specs in e2e/)',
      'bench/lib/report.test.js: this package\'s tests live in its test/ folder (end-to-end specs in e2e/)',
      'packages/content/src/store/scan.test.ts: this package\'s tests live in its test/ folder (end-to-end specs in e2e/)',
      'packages/ui/src/components/Card/__tests__/Card.test.tsx: a tests-only folder; put the test beside the source it tests',
      'packages/ui/src/lonely/lonely.test.ts: no source file beside this test; put it next to what it tests',
      'packages/ui/test/components/Card/Card.test.tsx: a test in this package sits beside the source it tests, under src/',
      'scripts/check.test.mjs: a test outside every workspace; move it into the package it tests',
    ]);
  });
});
