import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequestHandler } from '@remix-run/node';
import { vi } from 'vitest';
import type * as ServerBuildModule from '../app/server-build';

export const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverBuildPath = path.join(appDir, 'build/server/index.js');

export type Handler = (request: Request) => Promise<Response>;

/** The production server bundle (app/server-build.ts): Remix's build and the app's named server functions. */
export type AppServer = typeof ServerBuildModule;

export async function loadServerBuild(): Promise<AppServer> {
  if (!existsSync(serverBuildPath)) {
    throw new Error(`No server build at ${serverBuildPath}: run \`npm run build\` in apps/blog first.`);
  }
  return (await import(pathToFileURL(serverBuildPath).href)) as AppServer;
}

/** The production server build behind Remix's own request handler — what server.js serves. */
export async function loadHandler(): Promise<Handler> {
  const handler = createRequestHandler(await loadServerBuild(), 'production');
  return (request) => handler(request);
}

/** After writing article files: waits until the build's content store has taken the change in (no sleeping). */
export async function settle(): Promise<void> {
  await (await loadServerBuild()).contentStore().refresh();
}

/**
 * Moves the clock the content store schedules articles by (its default, the system time), in this
 * test process only; null gives the real time back. Only Date is faked: timers keep running.
 */
export function setClock(now: Date | null): void {
  if (now === null) {
    vi.useRealTimers();
    return;
  }
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now);
}

export const origin = 'http://blog.test';

export function get(handler: Handler, pathname: string, headers: Record<string, string> = {}): Promise<Response> {
  return handler(new Request(`${origin}${pathname}`, { headers }));
}

/** Every <script> start tag in a document, with its attributes. */
export function scriptTags(html: string): string[] {
  return html.match(/<script\b[^>]*>/gi) ?? [];
}

export function jsonLdBlocks(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) =>
    JSON.parse(match[1] ?? 'null'),
  );
}

/** Text content of the <main> element, tags stripped and whitespace collapsed. */
export function mainText(html: string): string {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return main
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, '')
    // Inline elements join their text; block elements separate it.
    .replace(/<\/?(?:a|time|span|em|strong|i|b|code|abbr)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

export const securityHeaderNames = [
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'x-frame-options',
] as const;

export function expectSecurityHeaders(response: Response): void {
  const csp = response.headers.get('content-security-policy') ?? '';
  const missing = securityHeaderNames.filter((name) => !response.headers.get(name));
  if (missing.length) throw new Error(`missing security headers: ${missing.join(', ')}`);
  if (!/script-src 'self'(;|$)/.test(csp) || csp.includes('unsafe-inline')) {
    throw new Error(`CSP allows more script than 'self': ${csp}`);
  }
  for (const directive of ["frame-ancestors 'none'", "base-uri 'none'", "object-src 'none'", "default-src 'self'"]) {
    if (!csp.includes(directive)) throw new Error(`CSP lacks ${directive}: ${csp}`);
  }
  if (response.headers.get('x-content-type-options') !== 'nosniff') throw new Error('nosniff missing');
  if (response.headers.get('referrer-policy') !== 'strict-origin-when-cross-origin') throw new Error('referrer policy');
  if (response.headers.get('x-frame-options') !== 'DENY') throw new Error('X-Frame-Options');
}

/** A port the OS says is free on 127.0.0.1 now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * `node server.js` (production) on a free port with `env` added, resolved once it says it is
 * listening; rejected with its output if it exits first. The caller stops `child` by pid.
 */
export async function startProductionServer(env: Record<string, string>): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['server.js'], {
    cwd: appDir,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
    const wait = setInterval(() => {
      if (output.includes('listening on')) {
        clearInterval(wait);
        resolve();
      }
    }, 50);
  });
  return { child, port, output: () => output };
}
