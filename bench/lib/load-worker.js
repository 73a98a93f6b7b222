// Load generator, run as its own process so it never shares an event loop with a server
// under test. Same settings for every row: the ratios compare servers, not load generators.
// Usage: node load-worker.js '<json options>' → prints one JSON result line on stdout.
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

if (options.warmupSeconds > 0) await run(options.warmupSeconds);
// Markers let the parent sample server CPU time over exactly the measured run.
process.stdout.write('MEASURE_START\n');
const result = await run(options.durationSeconds, { recordErrors: true });
process.stdout.write('MEASURE_END\n');

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
