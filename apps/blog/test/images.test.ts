/**
 * content/images/ is served by the production server at /images/<name>, read from disk on each
 * request (a new file needs no rebuild); an article's image points at a content-versioned URL that
 * may be cached for a year (server/images.js).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { articleImageSizes, imageVersion } from '@cited/content';
import { pngBytes } from '@cited/test-utils/png';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { immutableCache, shortCache } from '../server/images.js';
import { articleSource } from './fixtures/articles';
import { startProductionServer } from './helpers';
import { rawRequest } from './server/listen';

let child: ChildProcess | undefined;
let site = '';
let port = 0;
const spine = pngBytes(6, 4);
const chart = pngBytes(1000, 400, 90);

/** A raw GET (the path is sent as written: no client-side `..` normalising). */
const get = (pathname: string) => rawRequest(port, pathname);

beforeAll(async () => {
  site = mkdtempSync(path.join(tmpdir(), 'cited-images-site-'));
  mkdirSync(path.join(site, 'articles'));
  mkdirSync(path.join(site, 'images'));
  writeFileSync(path.join(site, 'images', 'spine.png'), spine);
  writeFileSync(path.join(site, 'images', 'chart.png'), chart);
  writeFileSync(path.join(site, 'site.yml'), 'title: should never be served\n');
  const source = articleSource({ slug: 'pictured', title: 'Pictured', published: '2024-01-01' }).replace(
    'Staying active helps more than bed rest.',
    'Staying active helps more than bed rest.\n\n![A drawing of a lumbar spine](images/spine.png)\n\n![A wide chart](images/chart.png)',
  );
  writeFileSync(path.join(site, 'articles', 'pictured.md'), source);
  const started = await startProductionServer({ CITED_ARTICLES_DIR: path.join(site, 'articles'), CITED_COMPILE_WORKERS: '0' });
  child = started.child;
  port = started.port;
}, 60_000);

afterAll(() => {
  if (child?.pid) child.kill('SIGTERM');
  rmSync(site, { recursive: true, force: true });
});

describe('images in the production server', () => {
  it("renders the article's image with its size and a versioned URL, which is cached for a year", async () => {
    const page = await get('/articles/pictured');
    expect(page.status).toBe(200);
    const html = page.body.toString();
    const src = `/images/spine.png?v=${imageVersion(spine)}`;
    const tag = html.match(/<img\b[^>]*>/)?.[0] ?? '';
    expect(tag).toContain(`src="${src}"`);
    expect(tag).toContain('width="6"');
    expect(tag).toContain('height="4"');
    expect(tag).toContain('alt="A drawing of a lumbar spine"');

    const image = await get(src);
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['cache-control']).toBe(immutableCache);
    expect(image.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(Buffer.compare(image.body, Buffer.from(spine))).toBe(0);
  });

  it('gives a wide image srcset (resized copies the server makes) and sizes, keeping its own width and height', async () => {
    const html = (await get('/articles/pictured')).body.toString();
    const tag = html.match(/<img\b[^>]*alt="A wide chart"[^>]*>/)?.[0] ?? '';
    const src = `/images/chart.png?v=${imageVersion(chart)}`;
    expect(tag).toContain('width="1000"');
    expect(tag).toContain('height="400"');
    // HTML attribute names are case-insensitive (React writes srcSet).
    expect(tag.match(/\bsrcset="([^"]*)"/i)?.[1]).toBe(`${src}&amp;w=480 480w, ${src}&amp;w=960 960w, ${src} 1000w`);
    expect(tag).toContain(`sizes="${articleImageSizes}"`);
    const copy = await get(`${src}&w=480`);
    expect(copy.status).toBe(200);
    expect(copy.headers['cache-control']).toBe(immutableCache);
    expect(await sharp(copy.body).metadata()).toMatchObject({ width: 480, height: 192, format: 'png' });
  });

  it('caches an unversioned or outdated URL only briefly', async () => {
    expect((await get('/images/spine.png')).headers['cache-control']).toBe(shortCache);
    expect((await get('/images/spine.png?v=outdated')).headers['cache-control']).toBe(shortCache);
  });

  it('serves a file added to content/images/ at once, without a rebuild', async () => {
    expect((await get('/images/new.png')).status).toBe(404);
    const added = pngBytes(2, 2, 7);
    writeFileSync(path.join(site, 'images', 'new.png'), added);
    const served = await get(`/images/new.png?v=${imageVersion(added)}`);
    expect(served.status).toBe(200);
    expect(served.headers['cache-control']).toBe(immutableCache);
  });

  it('answers a missing image 404, never 500', async () => {
    for (const pathname of ['/images/missing.png', '/images/', '/images', '/images/a/b/c.png', '/images/%00.png']) {
      const response = await get(pathname);
      expect([404, 400], pathname).toContain(response.status);
    }
  });

  it('refuses paths out of the folder and hidden files', async () => {
    writeFileSync(path.join(site, 'images', '.hidden.png'), spine);
    for (const pathname of ['/images/../site.yml', '/images/..%2Fsite.yml', '/images/%2e%2e/site.yml', '/images/.hidden.png', '/images/..\\site.yml']) {
      const response = await get(pathname);
      expect(response.status, pathname).toBe(404);
      expect(response.body.toString(), pathname).not.toContain('should never be served');
    }
  });
});
