/**
 * Static files carry an ETag of their bytes and no Last-Modified, so two replicas of one build,
 * copied or unpacked at different times, validate each other's answers (server/static-files.js).
 */
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { serveStatic } from '../../server/static-files.js';
import { listen, type Listening } from './listen';

const dirs: string[] = [];
const servers: Listening[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the "build": favicon.svg with the given bytes and modification time. */
function buildCopy(svg: string, modified: Date): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cited-static-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'favicon.svg'), svg);
  utimesSync(path.join(dir, 'favicon.svg'), modified, modified);
  return dir;
}

async function replica(dir: string): Promise<Listening> {
  const app = express();
  app.use(serveStatic(dir, { maxAge: '1h', headers: { 'X-Content-Type-Options': 'nosniff' } }));
  const server = await listen(app);
  servers.push(server);
  return server;
}

const svg = '<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>';

describe('serveStatic', () => {
  it('gives one file the same strong ETag from copies made at different times, without Last-Modified', async () => {
    const a = await replica(buildCopy(svg, new Date('2026-01-01T00:00:00Z')));
    const b = await replica(buildCopy(svg, new Date('2026-06-01T12:34:56Z')));
    const [fromA, fromB] = [await a.request('/favicon.svg'), await b.request('/favicon.svg')];
    expect(fromA.status).toBe(200);
    expect(fromA.headers.etag).toMatch(/^"[\w-]{32}"$/);
    expect(fromB.headers.etag).toBe(fromA.headers.etag);
    expect(fromA.headers['last-modified']).toBeUndefined();
    expect(fromA.headers['x-content-type-options']).toBe('nosniff');
    expect(fromA.body.toString()).toBe(svg);
  });

  it("answers the other copy's ETag with a 304, and a changed file with a new ETag and a 200", async () => {
    const a = await replica(buildCopy(svg, new Date('2026-01-01T00:00:00Z')));
    const b = await replica(buildCopy(svg, new Date('2026-06-01T00:00:00Z')));
    const etag = String((await a.request('/favicon.svg')).headers.etag);
    const conditional = await b.request('/favicon.svg', { headers: { 'if-none-match': etag } });
    expect(conditional.status).toBe(304);
    expect(conditional.body.length).toBe(0);

    const changed = await replica(buildCopy(svg.replace('r="1"', 'r="2"'), new Date('2026-01-01T00:00:00Z')));
    const fresh = await changed.request('/favicon.svg', { headers: { 'if-none-match': etag } });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.etag).not.toBe(etag);
  });

  it('hashes the file again when it changes on disk', async () => {
    const dir = buildCopy(svg, new Date('2026-01-01T00:00:00Z'));
    const server = await replica(dir);
    const before = (await server.request('/favicon.svg')).headers.etag;
    writeFileSync(path.join(dir, 'favicon.svg'), `${svg}\n`);
    const after = (await server.request('/favicon.svg')).headers.etag;
    expect(after).not.toBe(before);
  });
});
