// Runs the load generator in a child process and reads back its JSON result; meanwhile
// samples the CPU time the server process tree(s) spend over the measured run, which is far
// less noisy than requests/s on a shared machine.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cpuTicksUsed, otherCpuShare, ticksToMs, treePids } from './cpu-accounting.js';
import { readMachineCpu, readProcessTable } from './proc.js';

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
  const workerOptions = {
    url: settings.url,
    headers: settings.headers ?? {},
    connections: settings.connections,
    durationSeconds: settings.durationSeconds,
    warmupSeconds: settings.warmupSeconds,
  };
  const child = spawn(process.execPath, [WORKER_SCRIPT, JSON.stringify(workerOptions)], { stdio: ['pipe', 'pipe', 'pipe'] });
  // The worker waits at each marker until we have sampled and answer "sampled": the window is
  // exactly the measured run even when this process gets the CPU late, and the load generator is
  // still alive (its CPU readable) at the end.
  const samples = {};
  let buffered = '';
  let resultLine = null;
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line === 'MEASURE_START' || line === 'MEASURE_END') {
        samples[line] = { machine: readMachineCpu(), processes: readProcessTable() };
        child.stdin.write('sampled\n');
      } else if (line.startsWith('{')) resultLine = line;
    }
  });
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  child.stdin.on('error', () => {}); // the worker died: its exit code says why
  const code = await new Promise((resolve) => child.on('close', resolve));
  if (code !== 0 || !resultLine) throw new Error(`load generator failed (exit ${code}): ${stderr}`);
  return { ...JSON.parse(resultLine), ...cpuOverRun(samples.MEASURE_START, samples.MEASURE_END, { cpuPids, loadGeneratorPid: child.pid }), connections: settings.connections };
}

/**
 * Server, load generator and other processes' CPU between the two samples. Servers and load
 * generator: their process trees at the end (a member that started during the run counts from 0).
 * Ours, for the noise figure: those trees and the bench process itself (not its other children:
 * a server idle during this row is not this row's).
 */
export function cpuOverRun(start, end, { cpuPids, loadGeneratorPid, benchPid = process.pid }) {
  if (!start || !end) return { serverCpuMs: {}, loadGeneratorCpuMs: null, otherCpuShare: null };
  const treeMs = (pid) => ticksToMs(cpuTicksUsed(start.processes, end.processes, treePids(end.processes, pid)));
  const serverCpuMs = Object.fromEntries(Object.entries(cpuPids).map(([name, pid]) => [name, treeMs(pid)]));
  const ourPids = [benchPid, ...[loadGeneratorPid, ...Object.values(cpuPids)].flatMap((pid) => treePids(end.processes, pid))];
  return {
    serverCpuMs,
    loadGeneratorCpuMs: treeMs(loadGeneratorPid),
    otherCpuShare: otherCpuShare(start, end, [...new Set(ourPids)]),
  };
}
