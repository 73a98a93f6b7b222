/**
 * The site always starts: a content error never blocks `npm start` or a build. The build reads no
 * article (the check is `npm run content:check`, the strict gate); a rebuild that fails for another
 * reason serves the previous build; the server then serves every article but the broken one.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureBuild } from '../scripts/ensure-build.js';
import { articleSource, makeArticlesDir, writeArticle } from './fixtures/articles';
import { appDir, startProductionServer } from './helpers';

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

const brokenSource = articleSource({ slug: 'broken', title: 'Broken', published: '2024-01-02' }).replace('Staying active helps', 'Staying active:cite[nobody2020] helps');

describe('the build', () => {
  it('succeeds with a broken article: every step but the bundler (which reads no article) runs against a site with one', () => {
    const site = mkdtempSync(path.join(tmpdir(), 'cited-build-'));
    temps.push(site);
    mkdirSync(path.join(site, 'content/articles'), { recursive: true });
    writeFileSync(path.join(site, 'content/articles/broken.md'), brokenSource);
    const build = (JSON.parse(readFileSync(path.join(appDir, 'package.json'), 'utf8')) as { scripts: { build: string } }).scripts.build;
    const steps = build.split('&&').map((step) => step.trim()).filter((step) => step !== 'remix vite:build');
    const bin = [path.join(appDir, 'node_modules/.bin'), path.join(appDir, '../../node_modules/.bin')].join(path.delimiter);
    for (const step of steps) {
      const result = spawnSync(step, { cwd: site, shell: true, encoding: 'utf8', env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` } });
      expect(result.status, `${step}\n${result.stdout}${result.stderr}`).toBe(0);
    }
  });
});

describe('npm start with a stale build', () => {
  function staleBuild(): { serverBuild: string; sources: string[] } {
    const dir = mkdtempSync(path.join(tmpdir(), 'cited-start-'));
    temps.push(dir);
    const serverBuild = path.join(dir, 'index.js');
    const source = path.join(dir, 'route.tsx');
    writeFileSync(serverBuild, '');
    writeFileSync(source, '');
    utimesSync(serverBuild, new Date('2026-01-01'), new Date('2026-01-01'));
    return { serverBuild, sources: [source] };
  }

  it('serves the previous build when the rebuild fails', () => {
    const said: string[] = [];
    const ready = ensureBuild({ ...staleBuild(), runBuild: () => 1, log: (message) => said.push(message) });
    expect(ready).toBe(true);
    expect(said.join('\n')).toContain('serving the previous build');
  });

  it('does not start without any build', () => {
    const { sources } = staleBuild();
    const said: string[] = [];
    expect(ensureBuild({ serverBuild: path.join(path.dirname(sources[0] as string), 'missing.js'), sources, runBuild: () => 1, log: (m) => said.push(m) })).toBe(false);
    expect(said.join('\n')).toContain('no earlier build');
  });

  it('rebuilds, and starts when the rebuild succeeds', () => {
    let builds = 0;
    expect(ensureBuild({ ...staleBuild(), runBuild: () => (builds += 1, 0), log: () => undefined })).toBe(true);
    expect(builds).toBe(1);
  });

  it('builds once for a source saved again unchanged (a turbo cache hit leaves build/ as it was)', () => {
    const stale = staleBuild();
    let builds = 0;
    const options = { ...stale, runBuild: () => (builds += 1, 0), log: () => undefined };
    expect(ensureBuild(options)).toBe(true);
    expect(ensureBuild(options)).toBe(true);
    expect(builds).toBe(1);
  });
});

describe('the production server with one broken article', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child?.pid) child.kill('SIGTERM');
  });

  it('starts and serves every other article', async () => {
    const dir = makeArticlesDir();
    temps.push(dir);
    writeArticle(dir, { slug: 'first', title: 'First', published: '2024-01-01' });
    writeArticle(dir, { slug: 'second', title: 'Second', published: '2024-01-03' });
    writeFileSync(path.join(dir, 'broken.md'), brokenSource);
    const started = await startProductionServer({ CITED_ARTICLES_DIR: dir, CITED_COMPILE_WORKERS: '0' });
    child = started.child;
    const { port } = started;
    const status = async (pathname: string) => (await fetch(`http://127.0.0.1:${port}${pathname}`)).status;
    expect(await status('/articles/first')).toBe(200);
    expect(await status('/articles/second')).toBe(200);
    expect(await status('/')).toBe(200);
    expect(await status('/articles/broken')).toBe(404);
    expect(started.output()).toContain('not publishing broken.md');
  });
});
