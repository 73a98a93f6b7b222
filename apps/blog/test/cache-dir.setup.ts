import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The content store's disk cache (compiled articles, per-directory state) for this test run: a new
 * temp directory, removed at the end. Never the app's node_modules/.cache, and never shared with
 * another run (a state file left by other code in a shared directory once broke a clean CI run).
 */
export default function setup(): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cited-blog-test-cache-'));
  process.env.CITED_CACHE_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
