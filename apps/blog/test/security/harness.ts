/**
 * Two ways to reach the production build:
 *  - `loadRequestHandler()`: Remix's request handler on build/server/index.js, in this process —
 *    fast enough to render hundreds of fixture pages;
 *  - `startProductionServer()`: the real `node server.js` (Express, compression, static files,
 *    HTML cache) on a free loopback port, for what Express parses itself (paths, methods, headers).
 * Both read articles from CITED_ARTICLES_DIR, which the blog resolves on every request.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as ServerBuildModule from '../../app/server-build';
import { freePort } from '../helpers';

export const blogDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** CITED_SERVER_BUILD points the handler tests at another build (used to prove they catch a weakened one). */
export const serverBuildPath = process.env.CITED_SERVER_BUILD
  ? path.resolve(process.env.CITED_SERVER_BUILD)
  : path.join(blogDir, 'build/server/index.js');

export function assertBuilt(): void {
  if (!existsSync(serverBuildPath)) {
    throw new Error(`No production build at ${serverBuildPath}: run \`npm run build -w @cited/blog\` first.`);
  }
}

export type Handler = (pathAndQuery: string, init?: RequestInit) => Promise<Response>;

export const HANDLER_ORIGIN = 'http://blog.test';

/** Remix's request handler on the production server build, as server.js uses it. */
export async function loadRequestHandler(): Promise<Handler> {
  assertBuilt();
  const { createRequestHandler } = await import('@remix-run/node');
  const build = await import(/* @vite-ignore */ pathToFileURL(serverBuildPath).href);
  const handle = createRequestHandler(build, 'production');
  return (pathAndQuery, init) => handle(new Request(HANDLER_ORIGIN + pathAndQuery, init));
}

/** After writing article files: waits until the build's content store has taken them in (no sleeping). */
export async function settleContent(): Promise<void> {
  const build = (await import(/* @vite-ignore */ pathToFileURL(serverBuildPath).href)) as typeof ServerBuildModule;
  await build.contentStore().refresh();
}

/**
 * A separate server process learns of file changes from its watcher: fetch until `accept` holds
 * (bounded by attempts, not asserted on time) and return the last response and body.
 */
export async function fetchUntil(
  url: string,
  accept: (status: number, body: string) => boolean,
  attempts = 200,
): Promise<{ status: number; body: string }> {
  let last = { status: 0, body: '' };
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const response = await fetch(url);
    last = { status: response.status, body: await response.text() };
    if (accept(last.status, last.body)) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return last;
}

export { freePort };

export interface RunningServer {
  origin: string;
  port: number;
  pid: number;
  /** Everything the server printed (stdout + stderr), for diagnosing failures. */
  output: () => string;
  stop: () => Promise<void>;
}

/** `node server.js` (production) on a free loopback port; resolves once it answers. */
export async function startProductionServer(env: Record<string, string> = {}): Promise<RunningServer> {
  assertBuilt();
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['server.js'], {
    cwd: blogDir,
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const origin = `http://127.0.0.1:${port}`;
  // Catches a hang, not slowness: a loaded 2-core machine can take many seconds to start a server.
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${output}`);
    try {
      await fetch(`${origin}/robots.txt`);
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`server did not answer on ${origin} within 120 s:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    origin,
    port,
    pid: child.pid ?? -1,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface RawResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
  /** The connection was closed without any HTTP response. */
  closedWithoutResponse: boolean;
}

function decodeChunked(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset < body.length) {
    const lineEnd = body.indexOf('\r\n', offset);
    if (lineEnd === -1) break;
    const size = Number.parseInt(body.subarray(offset, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/**
 * Sends bytes exactly as given (no URL normalization, unlike fetch) and reads until the server
 * closes. `Connection: close` must be in the request for this to end promptly.
 */
export async function rawRequest(port: number, request: string | Buffer, timeoutMs = 60_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no response within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => {
      /* a reset after the response is still a response: handled on close */
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const all = Buffer.concat(chunks);
      const headerEnd = all.indexOf('\r\n\r\n');
      if (all.length === 0 || headerEnd === -1) {
        resolve({ status: 0, statusText: '', headers: {}, body: all.toString('latin1'), closedWithoutResponse: true });
        return;
      }
      const [statusLine = '', ...headerLines] = all.subarray(0, headerEnd).toString('latin1').split('\r\n');
      const match = /^HTTP\/1\.[01] (\d{3}) ?(.*)$/.exec(statusLine);
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const colon = line.indexOf(':');
        if (colon > 0) {
          const name = line.slice(0, colon).trim().toLowerCase();
          const value = line.slice(colon + 1).trim();
          headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
        }
      }
      let body: Buffer = all.subarray(headerEnd + 4);
      if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = decodeChunked(body);
      resolve({
        status: match ? Number(match[1]) : 0,
        statusText: match?.[2] ?? '',
        headers,
        body: body.toString('utf8'),
        closedWithoutResponse: false,
      });
    });
    socket.write(request);
  });
}

export function get(target: string, extraHeaders: string[] = [], method = 'GET'): string {
  return [`${method} ${target} HTTP/1.1`, 'Host: 127.0.0.1', ...extraHeaders, 'Connection: close', '', ''].join('\r\n');
}

/** Memory of a process as the kernel sees it (VmRSS in /proc/<pid>/status), in kB. */
export function rssKb(pid: number, readFile: (file: string) => string): number {
  const status = readFile(`/proc/${pid}/status`);
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(match[1]);
}
