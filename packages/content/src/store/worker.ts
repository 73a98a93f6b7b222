// Compile worker for the content store's pool: compiles one file version per message, writes the
// compiled article to the disk cache, and posts back only the small summary, so bodies never pass
// through (or stay in) the server's heap.
import { parentPort } from 'node:worker_threads';
import { writeObject } from './cache.js';
import { compileVersion } from './job.js';

export interface CompileTask {
  id: number;
  file: string;
  key: string;
  bytes: Uint8Array;
  cacheDir: string;
  /** The articles directory (bibliography files are read relative to it). */
  dir: string;
}

parentPort?.on('message', async (task: CompileTask) => {
  try {
    const version = { key: task.key, ...compileVersion(task.bytes, task.file, task.dir) };
    await writeObject(task.cacheDir, version);
    const { summary } = version;
    parentPort?.postMessage({ id: task.id, summary });
  } catch (error) {
    parentPort?.postMessage({ id: task.id, error: error instanceof Error ? error.message : String(error) });
  }
});
