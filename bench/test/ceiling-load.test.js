import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { replayableHeaders, snapshotResponses, startCeiling } from '../lib/ceiling.js';
import { request } from '../lib/http.js';
import { runLoad } from '../lib/load.js';
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

  it('measures requests/s, latency percentiles and the server CPU spent, with no errors', async () => {
    const result = await runLoad({ url: `${ceiling.origin}/`, connections: 10, durationSeconds: 1, warmupSeconds: 0.5, cpuPids: { ceiling: ceiling.proc.pid } });
    // How many requests fit in a second depends on the machine's load: check the arithmetic, not a rate.
    expect(result.totalRequests).toBeGreaterThan(0);
    expect(result.durationSeconds).toBeGreaterThan(0);
    expect(result.requestsPerSecond).toBeCloseTo(result.totalRequests / result.durationSeconds, 6);
    expect(result.latencyMs.p99).toBeGreaterThanOrEqual(result.latencyMs.p50);
    expect(result.non2xx).toBe(0);
    expect(result.errors).toBe(0);
    expect(result.errorCodes).toEqual({});
    // CPU is sampled in clock ticks: a server starved by other load can show 0 ms over a 1 s run.
    expect(result.serverCpuMs.ceiling).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(result.serverCpuMs.ceiling)).toBe(true);
    expect(result.loadGeneratorCpuMs).toBeGreaterThan(0);
    expect(result.otherCpuShare).toBeGreaterThanOrEqual(0);
    expect(result.otherCpuShare).toBeLessThan(1);
    expect(result.connections).toBe(10);
  });

  it('reports the CPU other processes used during the run as noise', async () => {
    const hog = spawn(process.execPath, ['-e', 'const end = Date.now() + 4000; while (Date.now() < end) {}']);
    onTestFinished(() => hog.kill());
    const result = await runLoad({ url: `${ceiling.origin}/`, connections: 10, durationSeconds: 1.5, warmupSeconds: 0.3, cpuPids: { ceiling: ceiling.proc.pid } });
    // One busy core out of this machine's cores, minus scheduling losses.
    expect(result.otherCpuShare).toBeGreaterThan(0.5 / cpus().length);
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
