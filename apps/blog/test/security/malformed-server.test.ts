/**
 * Malformed articles in the running production server: only that article fails (404 or an error
 * page) while every other page keeps serving 200 — including while files disappear and change.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNone, expectSecurityHeaders } from './assertions';
import { fetchUntil, startProductionServer, type RunningServer } from './harness';
import { leaksInternals } from '@cited/test-utils/html-audit';
import { goodArticle, malformedCases } from './malformed';

const NEIGHBOURS = ['good-one', 'good-two'];

describe('a running production server with malformed articles beside good ones', () => {
  let server: RunningServer;
  let serverDir: string;

  beforeAll(async () => {
    serverDir = mkdtempSync(path.join(os.tmpdir(), 'cited-malformed-server-'));
    for (const entry of malformedCases) writeFileSync(path.join(serverDir, `${entry.name}.md`), entry.bytes());
    for (const slug of NEIGHBOURS) writeFileSync(path.join(serverDir, `${slug}.md`), goodArticle(slug, `NEIGHBOUR-${slug}`));
    // Files that are not articles at all: a directory, a symlink out of the tree, a dangling link.
    mkdirSync(path.join(serverDir, 'a-directory.md'));
    symlinkSync('/etc/passwd', path.join(serverDir, 'passwd.md'));
    symlinkSync(path.join(serverDir, 'nowhere'), path.join(serverDir, 'dangling.md'));
    server = await startProductionServer({ CITED_ARTICLES_DIR: serverDir });
  });

  afterAll(async () => {
    await server?.stop();
    rmSync(serverDir, { recursive: true, force: true });
  });

  async function expectHealthy(context: string): Promise<void> {
    for (const target of ['/', ...NEIGHBOURS.map((slug) => `/articles/${slug}`), '/rss.xml', '/sitemap.xml', '/robots.txt', '/category/neighbours']) {
      const response = await fetch(server.origin + target);
      const body = await response.text();
      expect(response.status, `${context}: GET ${target}\n${body.slice(0, 300)}`).toBe(200);
      if (target.startsWith('/articles/')) expect(body).toContain(`NEIGHBOUR-${target.slice('/articles/'.length)}`);
    }
  }

  it('every malformed article fails alone: 404 or an error page, never a crash, never a leak', async () => {
    await expectHealthy('before');
    for (const entry of malformedCases) {
      const response = await fetch(`${server.origin}/articles/${entry.name}`);
      const body = await response.text();
      const context = `${entry.description}: GET /articles/${entry.name} → ${response.status}`;
      if (entry.mayPass) expect([200, 404, 500], context).toContain(response.status);
      else expect([404, 500], context).toContain(response.status);
      expect(response.headers.get('content-type'), context).toMatch(/text\/html/);
      expectSecurityHeaders(response.headers, context);
      expect(leaksInternals(body), context).toBeUndefined();
      expect(body, context).not.toMatch(/root:x:0:0/);
    }
    for (const name of ['passwd', 'dangling', 'a-directory']) {
      const response = await fetch(`${server.origin}/articles/${name}`);
      const body = await response.text();
      expect(response.status, name).toBe(404);
      expect(body, name).not.toMatch(/root:x:0:0|\/bin\/(ba)?sh/);
    }
    await expectHealthy('after requesting every malformed article');
    const index = await (await fetch(`${server.origin}/`)).text();
    expect(index, 'the index lists no file contents').not.toMatch(/root:x:0:0/);
  });

  /** Changes are taken in order: once a good file written after a change is served, the change has been judged. */
  async function watcherCaughtUp(name: string): Promise<void> {
    writeFileSync(path.join(serverDir, `${name}.md`), goodArticle(name, `SENTINEL-${name}`));
    const sentinel = await fetchUntil(`${server.origin}/articles/${name}`, (status) => status === 200);
    expect(sentinel.status, `sentinel ${name}`).toBe(200);
  }

  it('an article that disappears, breaks, comes back and changes is served accordingly; the rest stay 200', async () => {
    const file = path.join(serverDir, 'living.md');
    const url = `${server.origin}/articles/living`;
    writeFileSync(file, goodArticle('living', 'LIVING-V1'));
    expect((await fetchUntil(url, (_, body) => body.includes('LIVING-V1'))).body).toContain('LIVING-V1');

    unlinkSync(file);
    // It was published: its URL answers 410 Gone, not 404.
    expect((await fetchUntil(url, (status) => status === 410)).status, 'deleted').toBe(410);
    await expectHealthy('after a delete');

    // A broken version of the deleted file is not published: the URL stays gone (410) until a good one.
    writeFileSync(file, '---\ntitle: [broken\n---\n');
    await watcherCaughtUp('after-break');
    expect((await fetch(url)).status, 'broken').toBe(410);
    await expectHealthy('after a break');

    writeFileSync(file, goodArticle('living', 'LIVING-V2'));
    const fixed = await fetchUntil(url, (status) => status === 200);
    expect(fixed.status, 'fixed').toBe(200);
    expect(fixed.body).toContain('LIVING-V2');

    writeFileSync(file, goodArticle('living', 'LIVING-V3-LONGER'));
    const edited = await fetchUntil(url, (_, body) => body.includes('LIVING-V3-LONGER'));
    expect(edited.body, 'an edit shows once the watcher has seen it').toContain('LIVING-V3-LONGER');

    // Broken again: the last good version (V3) keeps being served.
    writeFileSync(file, '---\ntitle: [broken again\n---\n');
    await watcherCaughtUp('after-break-again');
    const kept = await fetch(url);
    expect(kept.status, 'last good version').toBe(200);
    expect(await kept.text()).toContain('LIVING-V3-LONGER');
  });

  it('files rewritten, truncated and deleted while requests are in flight: no 5xx, no dropped connection', async () => {
    const file = path.join(serverDir, 'churn.md');
    const versions = [
      goodArticle('churn', 'CHURN-A'),
      '',
      '---\ntitle: [broken\n',
      goodArticle('churn', 'CHURN-B'.repeat(2000)),
      null, // deleted
    ];
    let writes = 0;
    let stop = false;
    const writer = (async () => {
      while (!stop && writes < 400) {
        const version = versions[writes % versions.length] ?? null;
        try {
          if (version === null) unlinkSync(file);
          else writeFileSync(file, version);
        } catch {
          /* already deleted */
        }
        writes += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const targets = ['/articles/churn', '/', '/rss.xml', '/sitemap.xml', '/articles/good-one'];
    const statuses: number[] = [];
    const failures: string[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async (_, worker) => {
        for (let i = 0; i < 40; i += 1) {
          const target = targets[(i + worker) % targets.length] as string;
          try {
            const response = await fetch(server.origin + target);
            await response.arrayBuffer();
            statuses.push(response.status);
            if (response.status >= 500) failures.push(`${target} → ${response.status}`);
            if (target !== '/articles/churn' && response.status !== 200) failures.push(`${target} → ${response.status}`);
          } catch (error) {
            failures.push(`${target}: ${(error as Error).message}`);
          }
        }
      }),
    );
    stop = true;
    await writer;
    expectNone(failures, `during ${writes} rewrites`);
    expect(statuses.length).toBe(320);
    await expectHealthy('after the churn');
  });
});
