// Runs the load generator in a child process and reads back its JSON result; meanwhile
// samples the CPU time the server process tree(s) spend over the measured run, which is far
// less noisy than requests/s on a shared machine.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readMachineCpuMs, readTreeCpuMs } from './proc.js';

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
  // Servers under test, the load generator itself, and the whole machine: what is left of the
  // machine's busy time is other people's work — the noise this row was measured under.
  const sampleCpu = () => ({
    ...Object.fromEntries(Object.entries(cpuPids).map(([name, pid]) => [name, readTreeCpuMs(pid)])),
    loadGenerator: readTreeCpuMs(child.pid),
    machine: readMachineCpuMs(),
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
    let ours = cpuAtEnd.loadGenerator - cpuAtStart.loadGenerator;
    for (const name of Object.keys(cpuPids)) {
      result.serverCpuMs[name] = cpuAtEnd[name] - cpuAtStart[name];
      ours += result.serverCpuMs[name];
    }
    result.loadGeneratorCpuMs = cpuAtEnd.loadGenerator - cpuAtStart.loadGenerator;
    const machineBusy = cpuAtEnd.machine.busyMs - cpuAtStart.machine.busyMs;
    const machineTotal = cpuAtEnd.machine.totalMs - cpuAtStart.machine.totalMs;
    // Share of the machine's CPU capacity (all cores) used by processes that are not this row's.
    result.otherCpuShare = machineTotal > 0 ? Math.max(0, machineBusy - ours) / machineTotal : null;
  }
  result.connections = settings.connections;
  return result;
}
