// Processes of the replica test: blog replicas and nginx on ports the OS says are free, each
// started as its own child and stopped by its pid (never by name), and raw HTTP requests (no
// automatic decompression: the test compares bytes as they are sent).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';

export const LOOPBACK = '127.0.0.1';

/** A port the OS says is free now (two runs on one machine never fight over a fixed one). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject);
    probe.listen(0, LOOPBACK, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * One raw HTTP/1.1 request: status, headers and the body's bytes exactly as sent.
 *
 * @param {number} port
 * @param {string} pathname
 * @param {{ method?: string, headers?: Record<string, string> }} [options]
 * @returns {Promise<{ status: number, headers: import('node:http').IncomingHttpHeaders, body: Buffer }>}
 */
export function request(port, pathname, { method = 'GET', headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: LOOPBACK, port, path: pathname, method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${pathname} on port ${port}: no answer in 30 s`)));
    req.on('error', reject);
    req.end();
  });
}

/**
 * Starts a child process; its output is kept for failure reports (and echoed when `echo`).
 *
 * @param {string} name  for messages
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} options
 */
export function startChild(name, command, args, options) {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk) => {
    output += chunk;
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = once(child, 'exit').then(() => undefined);
  return { name, child, pid: child.pid, output: () => output, exited };
}

/**
 * Stops a child by its pid: SIGTERM, then SIGKILL if it has not exited after `graceMs`.
 *
 * @param {ReturnType<typeof startChild>} proc
 */
export async function stopChild(proc, graceMs = 8_000) {
  if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  try {
    process.kill(proc.pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  const timer = setTimeout(() => {
    try {
      process.kill(proc.pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }, graceMs);
  await proc.exited;
  clearTimeout(timer);
}

/**
 * Resolves once `port` answers `pathname` with a status below 500; rejects if the process exits or
 * nothing answers within `timeoutMs`.
 *
 * @param {ReturnType<typeof startChild>} proc
 */
export async function waitForAnswer(proc, port, pathname, { timeoutMs = 120_000, headers = {} } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) throw new Error(`${proc.name} exited with ${proc.child.exitCode} before answering:\n${proc.output()}`);
    try {
      if ((await request(port, pathname, { headers })).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${proc.name} did not answer ${pathname} within ${timeoutMs / 1000} s:\n${proc.output()}`);
}
