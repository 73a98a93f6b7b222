import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { FixedQueue, Piscina, queueOptionsSymbol, type TaskQueue } from 'piscina';
import { compileToCache, packageDir } from './cache.js';
import { loadCompiler } from './load-compiler.js';
import type { CompileSummary } from './types.js';
import type { CompileTask } from './worker.js';

export function defaultWorkerCount(): number {
  const configured = Number(process.env.CITED_COMPILE_WORKERS);
  if (process.env.CITED_COMPILE_WORKERS !== undefined && Number.isInteger(configured) && configured >= 0) return configured;
  return availableParallelism();
}

/** dist/store/worker.js of the installed package (a bundle that inlined this module cannot point at itself). */
export function defaultWorkerFile(): string | undefined {
  const dir = packageDir();
  const file = dir ? path.join(dir, 'dist/store/worker.js') : undefined;
  return file && existsSync(file) ? file : undefined;
}

export interface Compiled {
  /** The version key (source key + dependency digests). */
  key: string;
  summary: CompileSummary;
}

export interface CompileOptions {
  /**
   * A single edit compiles faster here (~20 ms) than in a worker that must first start and load
   * the compiler (~0.5 s); only used when no worker is running.
   */
  inline?: boolean;
  /** An editor's save during a long pass: goes before the files the pass has queued. */
  urgent?: boolean;
}

type Task = Parameters<TaskQueue['push']>[0];

export interface PoolOptions {
  /** How long an idle worker lives. */
  idleMs?: number;
  log?: (message: string) => void;
}

interface QueueOptions {
  urgent: boolean;
}

function isUrgent(task: Task): boolean {
  return (task[queueOptionsSymbol] as QueueOptions | null)?.urgent === true;
}

/** Piscina's task queue in two lanes: editors' saves are handed to a worker before the pass's files. */
export class SavesFirstQueue implements TaskQueue {
  private readonly saves = new FixedQueue();
  private readonly files = new FixedQueue();

  get size(): number {
    return this.saves.size + this.files.size;
  }

  push(task: Task): void {
    (isUrgent(task) ? this.saves : this.files).push(task);
  }

  /** A task piscina took but could not hand out goes back to the front of its lane. */
  unshift(task: Task): void {
    (isUrgent(task) ? this.saves : this.files).unshift(task);
  }

  shift(): Task | null {
    return this.saves.shift() ?? this.files.shift();
  }

  remove(task: Task): void {
    (isUrgent(task) ? this.saves : this.files).remove(task);
  }
}

/**
 * Piscina worker threads sized to the machine, started on demand and ended after a short idle time,
 * so a settled server holds no compiler in memory. Without a worker file (or with size 0) it
 * compiles on the calling thread, yielding between files.
 */
export class CompilePool {
  private readonly piscina: Piscina<CompileTask, Compiled> | undefined;
  private closed = false;
  readonly size: number;

  constructor(size: number, workerFile: string | undefined, { idleMs = 2_000, log = console.warn }: PoolOptions = {}) {
    this.size = workerFile ? size : 0;
    this.piscina =
      this.size > 0
        ? new Piscina({
            filename: workerFile,
            minThreads: 0,
            maxThreads: this.size,
            idleTimeout: idleMs,
            taskQueue: new SavesFirstQueue(),
            // A task that finds no free worker goes back to the front of its lane, not the back.
            stricterFIFO: true,
          })
        : undefined;
    // Piscina reports a worker's failure outside any task as an 'error' event; unheard, it would
    // end the server. A compile's own failure still rejects that file's task.
    this.piscina?.on('error', (error: unknown) => log(`[content] compile worker: ${String(error)}`));
  }

  /** Compiles one version (in a worker, or here) and writes it to the cache. */
  compile(task: CompileTask, options: CompileOptions = {}): Promise<Compiled> {
    const { piscina } = this;
    if (!piscina || (options.inline && piscina.threads.length === 0)) return this.compileHere(task);
    const queued = Object.assign({ ...task }, { [queueOptionsSymbol]: { urgent: options.urgent === true } satisfies QueueOptions });
    return piscina.run(queued).catch((error: unknown) => {
      this.wakeIfStranded(piscina);
      throw error;
    });
  }

  /**
   * With minThreads 0, piscina starts workers only when a task is submitted: if the last worker
   * died (its task rejected above), queued files would wait for ever. A no-op task starts one.
   */
  private wakeIfStranded(piscina: Piscina): void {
    if (this.closed || piscina.queueSize === 0 || piscina.threads.length > 0) return;
    piscina.run(null, { name: 'wake' }).catch(() => undefined);
  }

  private async compileHere({ file, sourceKey, bytes, cacheDir, dir }: CompileTask): Promise<Compiled> {
    const { compileVersion } = await loadCompiler();
    await new Promise((resolve) => setImmediate(resolve));
    return compileToCache(() => compileVersion(bytes, file, dir), cacheDir, sourceKey);
  }

  /** Ends the workers; files still queued are refused (their compile rejects). */
  async close(): Promise<void> {
    this.closed = true;
    await this.piscina?.destroy();
  }
}
