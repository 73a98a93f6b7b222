import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { replayableHeaders, snapshotResponses, startCeiling } from '../lib/ceiling.js';
import { request } from '../lib/http.js';
import { treePids } from '../lib/cpu-accounting.js';
import { runLoad } from '../lib/load.js';
import { readProcessTable } from '../lib/proc.js';
import { PAGE, startTinySite } from './fixtures/tiny-site.js';

describe('replayableHeaders', () => {
  it('drops connection-level headers and keeps the rest in order, duplicates included', () => {
    const raw = ['Date', 'x', 'Content-Type', 'text/html', 'Connection', 'keep-alive', 'Set-Cookie', 'a=1', 'Set-Cookie', 'b=2', 'Content-Length', '5'];
    expect(replayableHeaders(raw)).toEqual([
      ['Content-Type', 'text/html'],
      ['Set-Cookie', 'a=1'],
      ['Set-Cookie', 'b=2'],
    ]);
  });
});

describe('ceiling server and load generator on a tiny local page', () => {
  let site;
  let ceiling;
  beforeAll(async () => {
    site = await startTinySite();
    const snapshot = await snapshotResponses(site.origin, ['/'], { 'accept-encoding': 'identity' });
    ceiling = await startCeiling(snapshot);
  });
  afterAll(async () => {
    await ceiling?.stop();
    await site?.close();
  });

  it('serves the same status, headers and bytes as the origin, from its own process', async () => {
    const fromOrigin = await request(`${site.origin}/`);
    const fromCeiling = await request(`${ceiling.origin}/`);
    expect(fromCeiling.status).toBe(200);
    expect(fromCeiling.body.equals(fromOrigin.body)).toBe(true);
    expect(fromCeiling.body.toString()).toBe(PAGE);
    for (const name of ['content-type', 'cache-control', 'x-custom']) {
      expect(fromCeiling.headers[name]).toBe(fromOrigin.headers[name]);
    }
    // The origin streamed (chunked); the ceiling knows the length up front.
    expect(fromCeiling.headers['content-length']).toBe(String(Buffer.byteLength(PAGE)));
    expect(ceiling.proc.pid).not.toBe(process.pid);
    expect((await request(`${ceiling.origin}/elsewhere`)).status).toBe(404);
  });

  it('reports requests/s, latency percentiles and CPU figures over the run, with no errors', async () => {
    const result = await runLoad({ url: `${ceiling.origin}/`, connections: 10, durationSeconds: 1, warmupSeconds: 0.5, cpuPids: { ceiling: ceiling.proc.pid } });
    // How many requests fit in a second, and the CPU they cost, depend on the machine's load: check
    // that each figure is there and its arithmetic, never its size (the CPU arithmetic has its own
    // tests on fixed /proc figures).
    expect(result.totalRequests).toBeGreaterThan(0);
    expect(result.requestsPerSecond).toBeCloseTo(result.totalRequests / result.durationSeconds, 6);
    expect(result.latencyMs.p99).toBeGreaterThanOrEqual(result.latencyMs.p50);
    expect(result.non2xx).toBe(0);
    expect(result.errors).toBe(0);
    expect(result.errorCodes).toEqual({});
    expect(Object.keys(result.serverCpuMs)).toEqual(['ceiling']);
    for (const figure of [result.serverCpuMs.ceiling, result.loadGeneratorCpuMs, result.otherCpuShare]) expect(Number.isFinite(figure)).toBe(true);
    expect(result.connections).toBe(10);
  });

  it('keeps the share of the machine used by others within [0, 1] beside two CPU hogs', async () => {
    const hogs = [0, 1].map(() => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
    onTestFinished(() => hogs.forEach((hog) => hog.kill('SIGKILL')));
    // The hogs are other processes the accounting reads (children of this one, outside the row's trees).
    const tree = treePids(readProcessTable(), process.pid);
    for (const hog of hogs) expect(tree).toContain(hog.pid);
    const result = await runLoad({ url: `${ceiling.origin}/`, connections: 10, durationSeconds: 1.5, warmupSeconds: 0.3, cpuPids: { ceiling: ceiling.proc.pid } });
    // Only the invariant, which holds by construction whatever the load; how much the hogs got is the scheduler's business.
    expect(result.otherCpuShare).toBeGreaterThanOrEqual(0);
    expect(result.otherCpuShare).toBeLessThanOrEqual(1);
  });

  it('names socket errors by code', async () => {
    // Nothing listens on port 9 (discard) on loopback: every connection is refused.
    const result = await runLoad({ url: 'http://127.0.0.1:9/', connections: 2, durationSeconds: 1, warmupSeconds: 0 });
    expect(result.errors).toBeGreaterThan(0);
    expect(Object.keys(result.errorCodes)).toContain('ECONNREFUSED');
  });

  it('counts non-2xx answers', async () => {
    const result = await runLoad({ url: `${ceiling.origin}/missing`, connections: 2, durationSeconds: 1, warmupSeconds: 0 });
    expect(result.non2xx).toBe(result.totalRequests);
    expect(result.non2xx).toBeGreaterThan(0);
  });
});
