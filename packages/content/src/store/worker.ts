// Compile worker for the content store's pool (piscina runs the default export): compiles one file
// version per task, writes the compiled article to the disk cache, and returns only the small
// summary, so bodies never pass through (or stay in) the server's heap. A compile that throws
// rejects that file's task; piscina keeps the worker.
import { compileToCache } from './cache.js';
import { compileVersion } from './job.js';
import type { CompileSummary } from './types.js';

export interface CompileTask {
  file: string;
  /** The source key; the compiled version's key adds its dependencies' digests. */
  sourceKey: string;
  bytes: Uint8Array;
  cacheDir: string;
  /** The articles directory (bibliography files are read relative to it). */
  dir: string;
}

export default function compileTask(task: CompileTask): Promise<{ key: string; summary: CompileSummary }> {
  return compileToCache(() => compileVersion(task.bytes, task.file, task.dir), task.cacheDir, task.sourceKey);
}

/** Does nothing: the pool submits it to start a worker for files left queued when one died. */
export function wake(): void {}
