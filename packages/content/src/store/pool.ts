import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { compileToCache, packageDir } from './cache.js';
import { compileVersion } from './job.js';
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

interface Pending {
  task: CompileTask;
  resolve: (compiled: Compiled) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
}

/**
 * Worker threads sized to the machine, started on demand and ended after a short idle time, so a
 * settled server holds no compiler in memory. Without a worker file (or with size 0) it compiles
 * on the calling thread, yielding between files.
 */
export class CompilePool {
  private readonly queue: Pending[] = [];
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  readonly size: number;

  constructor(
    size: number,
    private readonly workerFile: string | undefined,
    private readonly idleMs = 2_000,
  ) {
    this.size = workerFile ? size : 0;
  }

  /** Compiles one version (in a worker, or here) and writes it to the cache. */
  compile(task: Omit<CompileTask, 'id'>, options: CompileOptions = {}): Promise<Compiled> {
    if (this.size === 0 || (options.inline && this.slots.length === 0)) return this.compileHere(task);
    return new Promise((resolve, reject) => {
      const pending = { task: { id: this.nextId++, ...task }, resolve, reject };
      if (options.urgent) this.queue.unshift(pending);
      else this.queue.push(pending);
      this.dispatch();
    });
  }

  private async compileHere({ file, sourceKey, bytes, cacheDir, dir }: Omit<CompileTask, 'id'>): Promise<Compiled> {
    await new Promise((resolve) => setImmediate(resolve));
    return compileToCache(() => compileVersion(bytes, file, dir), cacheDir, sourceKey);
  }

  private dispatch(): void {
    clearTimeout(this.idleTimer);
    while (this.queue.length > 0) {
      let slot = this.slots.find((candidate) => !candidate.busy);
      if (!slot && this.slots.length < this.size) slot = this.startWorker();
      if (!slot) return;
      const pending = this.queue.shift() as Pending;
      slot.busy = pending;
      slot.worker.postMessage(pending.task);
    }
    if (this.slots.every((slot) => !slot.busy)) {
      this.idleTimer = setTimeout(() => void this.stopWorkers(), this.idleMs);
      this.idleTimer.unref();
    }
  }

  private startWorker(): Slot {
    const worker = new Worker(this.workerFile as string);
    const slot: Slot = { worker, busy: null };
    worker.on('message', (message: { id: number; key?: string; summary?: CompileSummary; error?: string }) => {
      const pending = slot.busy;
      slot.busy = null;
      if (pending && pending.task.id === message.id) {
        if (message.summary && message.key) pending.resolve({ key: message.key, summary: message.summary });
        else pending.reject(new Error(message.error ?? 'compile failed'));
      }
      this.dispatch();
    });
    const fail = (error: Error): void => {
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots.splice(index, 1);
      slot.busy?.reject(error);
      slot.busy = null;
      this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) fail(new Error(`compile worker exited with code ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }

  private async stopWorkers(): Promise<void> {
    const idle = this.slots.filter((slot) => !slot.busy);
    for (const slot of idle) this.slots.splice(this.slots.indexOf(slot), 1);
    await Promise.all(idle.map((slot) => slot.worker.terminate()));
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    for (const pending of this.queue.splice(0)) pending.reject(new Error('pool closed'));
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }
}
