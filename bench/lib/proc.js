// Child-process helpers: free loopback ports, starting servers in their own process
// group (so stopping one never touches anything else), readiness polling, /proc readings.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseMachineCpu, parseProcessStat, processTable, ticksToMs, treePids } from './cpu-accounting.js';
import { request } from './http.js';

export const LOOPBACK = '127.0.0.1';

// Process groups this bench started and that are still running (for Ctrl-C clean-up).
const runningGroups = new Set();

/** SIGKILL every process group this bench started and that is still alive (synchronous, for signal handlers). */
export function killStartedProcesses() {
  for (const pid of runningGroups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  runningGroups.clear();
}

/** Asks the kernel for a free TCP port on the loopback interface. */
function listenable(port) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', (error) => (port === 0 ? reject(error) : resolve(null)));
    server.listen(port, LOOPBACK, () => {
      const { port: bound } = server.address();
      server.close(() => resolve(bound));
    });
  });
}

let lastRangePort;

/**
 * A free loopback port: any, or one in BENCH_PORTS=first-last (a machine shared with others who
 * were given their own ports). Within the range, successive calls rotate, so two servers started
 * one after the other never get the same port.
 */
export async function freePort() {
  const range = /^(\d+)-(\d+)$/.exec(process.env.BENCH_PORTS?.trim() ?? '');
  if (!range) return listenable(0);
  const first = Number(range[1]);
  const last = Number(range[2]);
  const count = last - first + 1;
  const start = lastRangePort === undefined ? 0 : lastRangePort - first + 1;
  for (let offset = 0; offset < count; offset += 1) {
    const port = first + ((start + offset) % count);
    if ((await listenable(port)) !== null) {
      lastRangePort = port;
      return port;
    }
  }
  throw new Error(`no free port in BENCH_PORTS=${process.env.BENCH_PORTS}`);
}

/**
 * Spawns a long-running process in its own process group and keeps the tail of its output
 * (for error messages). `exited` resolves with { code, signal } when it ends.
 */
export function startProcess(name, command, args, options = {}) {
  const startedAt = performance.now();
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group: stopProcess signals exactly this tree
  });
  let tail = '';
  const keep = (chunk) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
    child.on('error', (error) => resolve({ code: null, signal: null, error }));
  });
  let hasExited = false;
  if (child.pid !== undefined) runningGroups.add(child.pid);
  exited.then(() => {
    hasExited = true;
    runningGroups.delete(child.pid);
  });
  return {
    name,
    child,
    pid: child.pid,
    startedAt,
    exited,
    get hasExited() {
      return hasExited;
    },
    output: () => tail,
  };
}

/** SIGTERM to the process group, SIGKILL after a grace period. */
export async function stopProcess(proc, graceMs = 5000) {
  if (!proc || proc.hasExited || proc.pid === undefined) return;
  const signalGroup = (signal) => {
    try {
      process.kill(-proc.pid, signal);
    } catch {
      // already gone
    }
  };
  signalGroup('SIGTERM');
  const timedOut = await Promise.race([proc.exited.then(() => false), sleep(graceMs).then(() => true)]);
  if (timedOut) {
    signalGroup('SIGKILL');
    await proc.exited;
  }
}

/**
 * Polls `url` until it answers 200; returns ms since the process was spawned.
 * Fails early if the process dies, with the tail of its output.
 */
export async function waitForOk(proc, url, { timeoutMs = 60_000, intervalMs = 20, headers } = {}) {
  const deadline = performance.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (performance.now() < deadline) {
    if (proc.hasExited) {
      throw new Error(`${proc.name} exited before answering ${url}:\n${proc.output()}`);
    }
    try {
      const response = await request(url, { headers, timeoutMs: 5000 });
      if (response.status === 200) return performance.now() - proc.startedAt;
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = error.code ?? error.message;
    }
    await sleep(intervalMs);
  }
  throw new Error(`${proc.name} did not answer 200 on ${url} within ${timeoutMs} ms (${lastProblem}):\n${proc.output()}`);
}

/** Every process's /proc/<pid>/stat, parsed: Map pid → { pid, ppid, startTicks, cpuTicks } (Linux). */
export function readProcessTable() {
  const entries = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      entries.push(parseProcessStat(readFileSync(`/proc/${entry}/stat`, 'utf8')));
    } catch {
      // process ended while we were reading
    }
  }
  return processTable(entries);
}

/** The whole machine's CPU ticks since boot (aggregate line of /proc/stat). */
export function readMachineCpu() {
  return parseMachineCpu(readFileSync('/proc/stat', 'utf8'));
}

/** pid and all its descendants, read from /proc (Linux). */
export function processTree(rootPid) {
  return treePids(readProcessTable(), rootPid);
}

/** VmRSS in bytes of one process, or null when it is gone. */
export function readRssBytes(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Summed RSS of a process and its descendants (a start script may spawn the real server). */
export function readTreeRssBytes(rootPid) {
  let total = 0;
  for (const pid of processTree(rootPid)) total += readRssBytes(pid) ?? 0;
  return total;
}

/** User + system CPU time in ms consumed so far by a process tree (its live members' own time). */
export function readTreeCpuMs(rootPid) {
  const table = readProcessTable();
  return ticksToMs(treePids(table, rootPid).reduce((sum, pid) => sum + (table.get(pid)?.cpuTicks ?? 0), 0));
}

/** Runs a command to completion, capturing output; resolves with { code, stdout, stderr, ms }. */
export function runCommand(command, args, options = {}) {
  return new Promise((resolve) => {
    const startedAt = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', (error) => resolve({ code: null, stdout, stderr: stderr + String(error), ms: performance.now() - startedAt }));
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - startedAt }));
  });
}
