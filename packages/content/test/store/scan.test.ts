/** The directory listing a restart compares with the last run's state, made in a worker thread. */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { statDirectory, statDirectoryInWorker } from '../../src/store/scan.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('directory listing for the restart check', () => {
  it('lists the article files with their mtime and size, the same in a worker thread', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cited-scan-'));
    writeFileSync(path.join(dir, 'a.md'), 'one');
    writeFileSync(path.join(dir, 'b.md'), 'three');
    writeFileSync(path.join(dir, 'notes.txt'), 'not an article');
    mkdirSync(path.join(dir, 'folder.md'));
    const listed = statDirectory(dir, '.md');
    const order = listed.files.map((file, index) => ({ file, mtimeMs: listed.mtimes[index], size: listed.sizes[index] }));
    expect(order.sort((x, y) => x.file.localeCompare(y.file))).toEqual(
      ['a.md', 'b.md'].map((file) => ({ file, mtimeMs: statSync(path.join(dir, file)).mtimeMs, size: statSync(path.join(dir, file)).size })),
    );
    // dist/store/scan-worker.js: turbo builds the package before testing it.
    expect(await statDirectoryInWorker(dir, '.md')).toEqual(listed);
  });

  it('gives no listing from the worker for a directory that is gone (the store then looks at every file)', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cited-scan-'));
    rmSync(dir, { recursive: true });
    expect(await statDirectoryInWorker(dir, '.md')).toBeUndefined();
  });
});
