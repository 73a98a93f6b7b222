/**
 * Resized copies of the site's images (server/image-variants.js), the URLs of the compiler's
 * srcset: made with sharp on the first request, kept in the content cache, served like the
 * original (a year, strong ETag); bad requests and unreadable files are 4xx, never a 500.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { imageVersion } from '@cited/content';
import express from 'express';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorPages } from '../server/errors.js';
import { immutableCache, serveImages } from '../server/images.js';
import { rawRequest } from './server/listen';

let server: http.Server;
let port = 0;
let site = '';
let cacheDir = '';
const files: Record<string, Buffer> = {};

/** A noisy picture (resizing a flat colour would prove little), made from raw pixels. */
function picture(width: number, height: number, format: 'png' | 'jpeg' | 'webp'): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let index = 0; index < pixels.length; index += 1) pixels[index] = (index * 7919 + (index >> 9) * 31) % 256;
  return sharp(pixels, { raw: { width, height, channels: 3 } }).toFormat(format).toBuffer();
}

const get = (pathname: string, headers: Record<string, string> = {}) => rawRequest(port, pathname, { headers });

const url = (name: string, width?: number) => `/images/${name}?v=${imageVersion(files[name] as Buffer)}${width ? `&w=${width}` : ''}`;

beforeAll(async () => {
  site = mkdtempSync(path.join(tmpdir(), 'cited-variants-site-'));
  cacheDir = path.join(site, 'cache');
  mkdirSync(path.join(site, 'images'));
  files['chart.png'] = await picture(1200, 600, 'png');
  files['photo.jpg'] = await picture(1000, 750, 'jpeg');
  files['photo.webp'] = await picture(1500, 1000, 'webp');
  files['drawing.svg'] = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="1000"></svg>');
  files['notes.png'] = Buffer.from('not an image at all');
  // A valid header (1200 px wide) and then garbage: the size reads, the pixels do not.
  files['broken.png'] = Buffer.concat([(files['chart.png'] as Buffer).subarray(0, 200), Buffer.alloc(64, 1)]);
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(site, 'images', name), bytes);
  writeFileSync(path.join(site, 'secret.png'), files['chart.png'] as Buffer);
  const app = express();
  app.use('/images', serveImages(path.join(site, 'images'), { headers: { 'X-Content-Type-Options': 'nosniff' }, cacheDir }));
  app.use(errorPages({}));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(site, { recursive: true, force: true });
});

afterEach(() => vi.restoreAllMocks());

describe('resized copies of images', () => {
  it.each([
    ['chart.png', 'image/png', [480, 960]],
    ['photo.jpg', 'image/jpeg', [480, 960]],
    ['photo.webp', 'image/webp', [480, 960, 1440]],
  ])('%s: each listed width narrower than the original is that many pixels wide, in its own format, cached for a year', async (name, type, widths) => {
    for (const width of widths) {
      const response = await get(url(name, width));
      expect(response.status, `${width}`).toBe(200);
      expect(response.headers['content-type']).toBe(type);
      expect(response.headers['cache-control']).toBe(immutableCache);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers.etag).toMatch(/^"[\w-]+"$/);
      const metadata = await sharp(response.body).metadata();
      expect(metadata.width).toBe(width);
      expect(metadata.format).toBe(type.replace('image/', ''));
      // The same aspect ratio as the original, within a pixel of rounding.
      const original = await sharp(files[name]).metadata();
      expect(Math.abs((metadata.height ?? 0) - (width * (original.height ?? 0)) / (original.width ?? 1))).toBeLessThanOrEqual(1);
      expect(metadata.exif).toBeUndefined();
    }
  });

  it('answers its own ETag with a 304', async () => {
    const first = await get(url('chart.png', 480));
    const again = await get(url('chart.png', 480), { 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('keeps each copy in the cache, named by the original’s version and the width, and serves it from there', async () => {
    await get(url('chart.png', 960));
    const cached = path.join(cacheDir, 'image-variants', `${imageVersion(files['chart.png'] as Buffer)}-960`);
    expect(existsSync(cached)).toBe(true);
    // Replace the kept copy: the next answer is read from the cache, not made again.
    const marker = await picture(960, 480, 'png');
    writeFileSync(cached, marker);
    expect((await get(url('chart.png', 960))).body.equals(marker)).toBe(true);
    expect(readdirSync(path.join(cacheDir, 'image-variants')).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('makes a copy once for many requests at the same time, and every answer has the same bytes', async () => {
    rmSync(path.join(cacheDir, 'image-variants'), { recursive: true, force: true });
    const made = vi.spyOn(sharp.prototype, 'toBuffer');
    const answers = await Promise.all(Array.from({ length: 8 }, () => get(url('photo.jpg', 960))));
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
    expect(new Set(answers.map((answer) => answer.body.toString('base64'))).size).toBe(1);
    expect(made).toHaveBeenCalledTimes(1);
  });

  it('makes the same bytes again from the same original (what replicas with separate caches rely on)', async () => {
    const first = await get(url('photo.webp', 480));
    rmSync(path.join(cacheDir, 'image-variants'), { recursive: true, force: true });
    const remade = await get(url('photo.webp', 480));
    expect(remade.body.equals(first.body)).toBe(true);
    expect(remade.headers.etag).toBe(first.headers.etag);
  });

  it.each([
    ['a width not in the list', () => url('chart.png', 500), 400],
    ['a width as wide as the original or wider', () => url('chart.png', 1440), 400],
    ['two widths', () => `${url('chart.png')}&w=480&w=960`, 400],
    ['a width that is not a number', () => `${url('chart.png')}&w=wide`, 400],
    ['no version', () => '/images/chart.png?w=480', 404],
    ['a version that is not the file’s', () => '/images/chart.png?v=AAAAAAAAAAAAAAAA&w=480', 404],
    ['a missing file', () => '/images/gone.png?v=x&w=480', 404],
    ['a path outside the images folder', () => `/images/../secret.png?v=${imageVersion(files['chart.png'] as Buffer)}&w=480`, 404],
    ['an encoded path outside the images folder', () => `/images/..%2Fsecret.png?v=${imageVersion(files['chart.png'] as Buffer)}&w=480`, 404],
    ['an SVG (it needs no copies)', () => url('drawing.svg', 480), 415],
    ['a file that is not an image', () => url('notes.png', 480), 415],
  ])('refuses %s with a plain 4xx page', async (_what, pathname, status) => {
    const response = await get(pathname());
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body.toString()).toMatch(/<h1>[^<]+<\/h1>/);
  });

  it('answers a corrupt image 415 with one log line, and keeps serving', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const first = await get(url('broken.png', 480));
    expect(first.status).toBe(415);
    expect(first.body.toString()).toContain('could not be read');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/broken\.png could not be resized to 480px/);
    // Refused again without decoding it again, and without another log line.
    expect((await get(url('broken.png', 480))).status).toBe(415);
    expect(warn).toHaveBeenCalledTimes(1);
    expect((await get(url('chart.png', 480))).status).toBe(200);
  });

  it('serves the original as before when no width is asked for', async () => {
    const original = await get(url('chart.png'));
    expect(original.status).toBe(200);
    expect(original.body.equals(files['chart.png'] as Buffer)).toBe(true);
  });
});
