// Snapshot responses from the app and serve them back from memory (see ceiling-server.js).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from './http.js';
import { freePort, LOOPBACK, startProcess, stopProcess, waitForOk } from './proc.js';

const SERVER_SCRIPT = fileURLToPath(new URL('./ceiling-server.js', import.meta.url));

// Connection-level headers belong to one connection, not to the response; node:http writes
// its own Date, Connection and Keep-Alive, and Content-Length is recomputed from the bytes.
const CONNECTION_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

/** Headers of a response as [name, value] pairs (raw case, duplicates kept), minus connection-level ones. */
export function replayableHeaders(rawHeaders) {
  const pairs = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (!CONNECTION_HEADERS.has(rawHeaders[i].toLowerCase())) pairs.push([rawHeaders[i], rawHeaders[i + 1]]);
  }
  return pairs;
}

/** Fetches each path from `origin` with `headers` and records what came back, byte for byte. */
export async function snapshotResponses(origin, paths, headers) {
  const responses = [];
  for (const urlPath of paths) {
    const response = await request(new URL(urlPath, origin), { headers });
    const headerPairs = replayableHeaders(response.rawHeaders);
    headerPairs.push(['Content-Length', String(response.body.length)]);
    responses.push({
      path: urlPath,
      status: response.status,
      headers: headerPairs.flat(),
      bodyBase64: response.body.toString('base64'),
      bodyBytes: response.body.length,
      contentEncoding: response.headers['content-encoding'] ?? null,
      cacheControl: response.headers['cache-control'] ?? null,
    });
  }
  return { origin, requestHeaders: headers, responses };
}

/** Starts the ceiling server as its own process, serving `snapshot`; resolves once it answers. */
export async function startCeiling(snapshot) {
  const dir = mkdtempSync(path.join(tmpdir(), 'cited-bench-ceiling-'));
  const snapshotPath = path.join(dir, 'snapshot.json');
  writeFileSync(snapshotPath, JSON.stringify(snapshot));
  const port = await freePort();
  const proc = startProcess('ceiling server', process.execPath, [SERVER_SCRIPT, snapshotPath, String(port)]);
  const origin = `http://${LOOPBACK}:${port}`;
  try {
    await waitForOk(proc, new URL(snapshot.responses[0].path, origin).href, { timeoutMs: 10_000 });
  } catch (error) {
    await stopProcess(proc);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    origin,
    proc,
    async stop() {
      await stopProcess(proc);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
