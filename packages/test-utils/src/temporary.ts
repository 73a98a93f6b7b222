/**
 * Temporary folders for tests that write articles, caches or sites to disk, each removed by
 * `removeAll` (call it in afterAll/afterEach), so no run leaves files behind or sees another's.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TemporaryDirectories {
  /** A fresh folder named `cited-<prefix>-…` with `files` (relative path → text) written into it. */
  make: (prefix: string, files?: Record<string, string | Uint8Array>) => string;
  /** Removes every folder made so far. */
  removeAll: () => void;
}

/** Writes `files` (relative path → contents) under `dir`, making sub-folders as needed. */
export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, contents] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, contents);
  }
}

export function temporaryDirectories(): TemporaryDirectories {
  const made: string[] = [];
  return {
    make(prefix, files = {}) {
      const dir = mkdtempSync(path.join(tmpdir(), `cited-${prefix}-`));
      made.push(dir);
      writeFiles(dir, files);
      return dir;
    },
    removeAll() {
      for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}
