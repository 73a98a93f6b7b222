// Validates articles off the main thread for app/lib/articles.server.ts: compiles each file it
// is sent and posts back only the verdict, so the compile's garbage (and its ~15 ms of CPU per
// article) stays out of the server's heap and event loop, and is freed when the worker ends.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { compileArticle } from '@cited/content';

parentPort?.on('message', async ({ file }) => {
  try {
    const article = compileArticle(await readFile(file), { path: file, readFile: (bibliography) => readFileSync(bibliography) });
    parentPort?.postMessage({
      ok: article.ok,
      meta: article.ok ? article.meta : undefined,
      readingTimeMinutes: article.readingTimeMinutes,
      errors: article.diagnostics.filter((d) => d.severity === 'error'),
    });
  } catch (error) {
    // A file that vanished between the scan and the compile: reported, never thrown.
    parentPort?.postMessage({ ok: false, errors: [], failure: String(error) });
  }
});
