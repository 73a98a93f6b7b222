// Runs the load generator in a child process and reads back its JSON result; meanwhile
// samples the CPU time the server process tree(s) spend over the measured run, which is far
// less noisy than requests/s on a shared machine.
import { spawn } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { processTree, readAllProcessCpuMs, readTreeCpuMs } from './proc.js';

const WORKER_SCRIPT = fileURLToPath(new URL('./load-worker.js', import.meta.url));

export const DEFAULT_LOAD = { connections: 50, durationSeconds: 10, warmupSeconds: 3 };

/**
 * @param {object} options
 * @param {string} options.url
 * @param {Record<string,string>} [options.headers]
 * @param {number} [options.connections]
 * @param {number} [options.durationSeconds]
 * @param {number} [options.warmupSeconds]
 * @param {Record<string, number>} [options.cpuPids] name → root pid whose CPU time is sampled over the measured run
 */
export async function runLoad(options) {
  const settings = { ...DEFAULT_LOAD, ...options };
  const cpuPids = settings.cpuPids ?? {};
  // Servers under test, the load generator, and every other process on the machine: the
  // others' CPU is the noise this row was measured under.
  const sampleCpu = () => ({
    ...Object.fromEntries(Object.entries(cpuPids).map(([name, pid]) => [name, readTreeCpuMs(pid)])),
    loadGenerator: readTreeCpuMs(child.pid),
    everyone: readAllProcessCpuMs(),
    at: performance.now(),
  });
  const workerOptions = {
    url: settings.url,
    headers: settings.headers ?? {},
    connections: settings.connections,
    durationSeconds: settings.durationSeconds,
    warmupSeconds: settings.warmupSeconds,
  };
  const child = spawn(process.execPath, [WORKER_SCRIPT, JSON.stringify(workerOptions)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let buffered = '';
  let resultLine = null;
  let cpuAtStart = null;
  let cpuAtEnd = null;
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line === 'MEASURE_START') cpuAtStart = sampleCpu();
      else if (line === 'MEASURE_END') cpuAtEnd = sampleCpu();
      else if (line.startsWith('{')) resultLine = line;
    }
  });
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const code = await new Promise((resolve) => child.on('close', resolve));
  if (code !== 0 || !resultLine) throw new Error(`load generator failed (exit ${code}): ${stderr}`);
  const result = JSON.parse(resultLine);
  result.serverCpuMs = {};
  result.otherCpuShare = null;
  if (cpuAtStart && cpuAtEnd) {
    for (const name of Object.keys(cpuPids)) result.serverCpuMs[name] = cpuAtEnd[name] - cpuAtStart[name];
    result.loadGeneratorCpuMs = cpuAtEnd.loadGenerator - cpuAtStart.loadGenerator;
    // Share of the machine's CPU capacity (all cores) used by processes that are not this row's
    // (processes that ended during the run are missed, so this is a lower bound).
    const ourPids = new Set([process.pid, ...Object.values(cpuPids).flatMap((pid) => processTree(pid))]);
    ourPids.add(child.pid);
    let othersMs = 0;
    for (const [key, entry] of cpuAtEnd.everyone) {
      if (ourPids.has(entry.pid)) continue;
      othersMs += entry.ms - (cpuAtStart.everyone.get(key)?.ms ?? 0);
    }
    const capacityMs = (cpuAtEnd.at - cpuAtStart.at) * os.cpus().length;
    result.otherCpuShare = capacityMs > 0 ? Math.max(0, othersMs) / capacityMs : null;
  }
  result.connections = settings.connections;
  return result;
}
