// The compile pool (piscina underneath): saves before the cold pass's queued files, a worker that
// throws or dies fails only its own file, close() ends every thread. Stand-in workers (written to a
// temporary folder) record the order they ran in instead of compiling.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CompilePool, defaultWorkerFile } from '../../src/store/pool.js';
import type { CompileTask } from '../../src/store/worker.js';

// A task's `file` says what to do: `gate` waits until the test writes `open`, `throw` throws,
// `exit` ends the worker's thread; every task first appends its name to `order`.
const standInWorker = `
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
const nap = new Int32Array(new SharedArrayBuffer(4));
export default function run(task) {
  appendFileSync(path.join(task.dir, 'order'), task.file + '\\n');
  if (task.file === 'gate') {
    writeFileSync(path.join(task.dir, 'started'), '');
    while (!existsSync(path.join(task.dir, 'open'))) Atomics.wait(nap, 0, 0, 5);
  }
  if (task.file === 'throw') throw new Error('the compiler crashed on ' + task.file);
  if (task.file === 'exit') process.exit(3);
  return { key: task.sourceKey, summary: { ok: true } };
}
export function wake() {}
`;

let root = '';
let pool: CompilePool | undefined;
const logs: string[] = [];

function setUp(size: number): { pool: CompilePool; task: (file: string) => CompileTask; order: () => string[] } {
  root = mkdtempSync(path.join(tmpdir(), 'cited-pool-'));
  const workerFile = path.join(root, 'worker.mjs');
  writeFileSync(workerFile, standInWorker);
  pool = new CompilePool(size, workerFile, { idleMs: 100, log: (message) => logs.push(message) });
  return {
    pool,
    task: (file) => ({ file, sourceKey: `key-${file}`, bytes: new Uint8Array(), cacheDir: root, dir: root }),
    order: () => readFileSync(path.join(root, 'order'), 'utf8').trim().split('\n'),
  };
}

afterEach(async () => {
  await pool?.close();
  pool = undefined;
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('CompilePool', () => {
  it("runs an editor's save before the cold-pass files queued ahead of it", async () => {
    const { pool, task, order } = setUp(1);
    const gate = pool.compile(task('gate'));
    // The only worker is busy with the gate: everything below waits in the queue.
    await vi.waitFor(() => expect(existsSync(path.join(root, 'started'))).toBe(true), { timeout: 20_000, interval: 20 });
    const pass = ['a', 'b', 'c', 'd', 'e'].map((file) => pool.compile(task(file)));
    const save = pool.compile(task('save'), { urgent: true });
    writeFileSync(path.join(root, 'open'), '');
    await Promise.all([gate, save, ...pass]);
    expect(order()).toEqual(['gate', 'save', 'a', 'b', 'c', 'd', 'e']);
    expect(await save).toEqual({ key: 'key-save', summary: { ok: true } });
  });

  it('fails only the file whose compile throws, and keeps compiling the others', async () => {
    const { pool, task } = setUp(1);
    const results = await Promise.allSettled([pool.compile(task('throw')), pool.compile(task('next'))]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: { message: 'the compiler crashed on throw' } });
    expect(results[1]).toEqual({ status: 'fulfilled', value: { key: 'key-next', summary: { ok: true } } });
  });

  it('fails only the file whose worker dies, and starts another worker for the rest', async () => {
    const { pool, task } = setUp(1);
    const results = await Promise.allSettled([pool.compile(task('exit')), pool.compile(task('after'))]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: { message: expect.stringContaining('3') } });
    expect(results[1]).toEqual({ status: 'fulfilled', value: { key: 'key-after', summary: { ok: true } } });
  });

  it('refuses the files still queued when it is closed', async () => {
    const { pool, task, order } = setUp(1);
    const gate = pool.compile(task('gate'));
    await vi.waitFor(() => expect(existsSync(path.join(root, 'started'))).toBe(true), { timeout: 20_000, interval: 20 });
    const settled = Promise.allSettled([gate, pool.compile(task('queued'))]);
    await pool.close();
    expect((await settled).map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(order()).toEqual(['gate']);
  });
});

describe('CompilePool threads', () => {
  const builtPool = fileURLToPath(new URL('../../dist/store/pool.js', import.meta.url));
  const script = (close: boolean): string => `
    import { mkdtempSync } from 'node:fs';
    import { tmpdir } from 'node:os';
    import path from 'node:path';
    import { CompilePool, defaultWorkerFile } from ${JSON.stringify(builtPool)};
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'cited-pool-'));
    const pool = new CompilePool(2, defaultWorkerFile(), { idleMs: ${close ? 60_000 : 100} });
    const bytes = new TextEncoder().encode('---\\ntitle: T\\n---\\n\\nText.\\n');
    const compiled = await pool.compile({ file: 'a.md', sourceKey: 'k', bytes, cacheDir, dir: cacheDir });
    console.log(typeof compiled.key, typeof compiled.summary.ok);
    ${close ? 'await pool.close();' : ''}
  `;

  // A process that keeps a worker (or a timer) alive never exits: the timeout is the failure.
  it.each([
    ['after close()', true],
    ['on its own once the workers are idle', false],
  ])('lets the process exit %s', (_name, close) => {
    expect(defaultWorkerFile()).toBeDefined();
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script(close)], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toBe('');
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('string boolean');
  });
});
