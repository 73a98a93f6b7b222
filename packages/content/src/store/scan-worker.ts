// Worker thread for the content store's restart check (see scan.ts): stats every article file off
// the server's thread and posts the result back (typed arrays transferred, not copied).
import { parentPort, workerData } from 'node:worker_threads';
import { statDirectory } from './scan.js';

const { dir, extension } = workerData as { dir: string; extension: string };
try {
  const stats = statDirectory(dir, extension);
  parentPort?.postMessage(stats, [stats.mtimes.buffer as ArrayBuffer, stats.sizes.buffer as ArrayBuffer]);
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
