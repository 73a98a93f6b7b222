// Load generator, run as its own process so it never shares an event loop with a server
// under test. Same settings for every row: the ratios compare servers, not load generators.
// Usage: node load-worker.js '<json options>' → prints one JSON result line on stdout.
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

const options = JSON.parse(process.argv[2]);

// Socket error codes of the measured run (ECONNRESET, timeouts…), so an error is explainable.
const errorCodes = {};

function run(durationSeconds, { recordErrors = false } = {}) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        pipelining: 1,
        duration: durationSeconds,
        headers: options.headers,
        timeout: options.timeoutSeconds ?? 10,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (recordErrors) {
      instance.on('reqError', (error) => {
        const code = error?.code ?? error?.message ?? 'unknown';
        errorCodes[code] = (errorCodes[code] ?? 0) + 1;
      });
    }
  });
}

const parentLines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();

/** Prints a marker and waits until the parent has sampled CPU time, so the window is exactly the run. */
async function marker(name) {
  process.stdout.write(`${name}\n`);
  const { value, done } = await parentLines.next();
  if (done || value !== 'sampled') throw new Error(`expected "sampled" from the parent after ${name}, got ${done ? 'end of input' : JSON.stringify(value)}`);
}

if (options.warmupSeconds > 0) await run(options.warmupSeconds);
await marker('MEASURE_START');
const result = await run(options.durationSeconds, { recordErrors: true });
await marker('MEASURE_END');

process.stdout.write(
  `${JSON.stringify({
    // Total over elapsed time: autocannon's requests.average is a mean of whole-second
    // samples, which drops the last partial second (and is 0 for sub-second runs).
    requestsPerSecond: result.requests.total / result.duration,
    requestsPerSecondSampled: result.requests.average,
    totalRequests: result.requests.total,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.average,
    },
    throughputBytesPerSecond: result.throughput.average,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    resets: result.resets,
    statusCodes: result.statusCodeStats,
    errorCodes,
    durationSeconds: result.duration,
  })}\n`,
);
process.stdin.destroy(); // nothing more to read: let the process exit
