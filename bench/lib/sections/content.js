// 4. Content scale: compile time per KB across article sizes, and whole synthetic sites served
// by the production blog (start time, memory, index render time).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ARTICLES_DIR_ENV, BLOG_DIR, startBlog } from '../app.js';
import { request } from '../http.js';
import { readTreeRssBytes } from '../proc.js';
import { allPublished, until } from '../pipeline-measure.js';
import { infoRow, targetRow } from '../report.js';
import { median } from '../stats.js';
import { generateSite, repeatArticle } from '../synthetic.js';

export const SEED_ARTICLE = path.join(BLOG_DIR, 'content/articles/failed-back-surgery-syndrome.md');
const ARTICLE_SCALES = [1, 10, 100];
const SITE_SIZES = [1, 100, 1000];
/** Articles per index page (apps/blog/app/lib/site.ts PAGE_SIZE): /?page=2 exists past this many. */
const INDEX_PAGE_SIZE = 20;
const INDEX_SAMPLES = 50;

async function loadCompiler() {
  // Resolved from the workspace (node_modules/@cited/content → packages/content/dist).
  const content = await import('@cited/content');
  if (typeof content.compileArticle !== 'function') throw new Error('@cited/content does not export compileArticle');
  return content.compileArticle;
}

/** Median wall time of compileArticle over enough runs to pass ~1 s (at least 3). */
function timeCompile(compileArticle, source, filePath) {
  const samples = [];
  let article;
  const budgetMs = 1000;
  const started = performance.now();
  while (samples.length < 3 || (performance.now() - started < budgetMs && samples.length < 50)) {
    const t0 = performance.now();
    article = compileArticle(source, { path: filePath });
    samples.push(performance.now() - t0);
  }
  return { medianMs: median(samples), samples: samples.length, article };
}

export const compile = {
  id: 'compile',
  title: 'Compile time across article sizes',
  async run(ctx) {
    const compileArticle = await loadCompiler();
    const seed = readFileSync(SEED_ARTICLE, 'utf8');
    // Warm the JIT and module caches on the 1× article first, so 1× is not charged for it.
    for (let i = 0; i < 5; i += 1) compileArticle(seed, { path: SEED_ARTICLE });
    const scales = [];
    for (const times of ARTICLE_SCALES) {
      const source = times === 1 ? seed : repeatArticle(seed, times);
      const kb = Buffer.byteLength(source) / 1024;
      const { medianMs, samples, article } = timeCompile(compileArticle, source, SEED_ARTICLE);
      const errors = article.diagnostics.filter((d) => d.severity === 'error').length;
      ctx.log(`  ${times}×: ${kb.toFixed(1)} KB in ${medianMs.toFixed(1)} ms (median of ${samples}); ${article.wordCount} words, ${errors} errors`);
      scales.push({ times, kb, medianMs, msPerKb: medianMs / kb, samples, words: article.wordCount, errors, warnings: article.diagnostics.length - errors });
    }
    const perKb = scales.map((scale) => scale.msPerKb);
    return { scales, spread: Math.max(...perKb) / Math.min(...perKb) };
  },
  rows(data) {
    return [
      ...data.scales.map((scale) => infoRow('Content', `compile ${scale.times}× seed (${scale.kb.toFixed(0)} KB)`, `${scale.medianMs.toFixed(1)} ms, ${scale.msPerKb.toFixed(3)} ms/KB`)),
      targetRow('Content', 'compile ms/KB, max ÷ min over 1×–100×', `${data.spread.toFixed(2)}×`, '≤ 2×', data.spread <= 2),
    ];
  },
  markdown(data) {
    return [
      '## 4a. Compile time across article sizes',
      '',
      '`compileArticle` from @cited/content on the seed article and on its body repeated 10× and 100× (each copy under a "Part k" heading; one frontmatter). Median of ≥ 3 runs (up to ~1 s of runs) after 5 warm-up compiles.',
      '',
      '| Size | KB | words | median ms | ms/KB | runs | errors / warnings |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...data.scales.map((s) => `| ${s.times}× | ${s.kb.toFixed(1)} | ${s.words} | ${s.medianMs.toFixed(1)} | ${s.msPerKb.toFixed(3)} | ${s.samples} | ${s.errors} / ${s.warnings} |`),
    ].join('\n');
  },
};

/** Sequential GETs on one keep-alive connection; returns each response time (ms). */
async function timeRequests(url, count) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times = [];
  try {
    for (let i = 0; i < count; i += 1) {
      const response = await request(url, { agent, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
      times.push(response.ms);
    }
  } finally {
    agent.destroy();
  }
  return times;
}

export const site = {
  id: 'site',
  title: 'Synthetic sites of 1, 100 and 1,000 articles',
  async run(ctx) {
    const seed = readFileSync(SEED_ARTICLE, 'utf8');
    const sizes = [];
    for (const count of SITE_SIZES) {
      const dir = generateSite(seed, count);
      // A cache of its own: the blog's default one holds the real site's records.
      const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'cited-bench-site-cache-'));
      try {
        const indexPath = count > INDEX_PAGE_SIZE ? '/?page=2' : '/';
        const blog = await startBlog({ env: { [ARTICLES_DIR_ENV]: dir, CITED_CACHE_DIR: cacheDir }, timeoutMs: 120_000 });
        try {
          const origin = blog.origin;
          // The server answers while it compiles a new site: measure once every article is published.
          const allPublishedMs = await until(`${origin}/`, allPublished(count), performance.now() - blog.startupMs, 600_000);
          const firstIndex = await request(new URL(indexPath, origin), { headers: { 'accept-encoding': 'gzip' } });
          const firstArticle = await request(new URL('/articles/synthetic-1', origin), { headers: { 'accept-encoding': 'gzip' } });
          if (firstIndex.status !== 200) throw new Error(`${indexPath} answered ${firstIndex.status} with ${count} articles`);
          if (firstArticle.status !== 200) throw new Error(`/articles/synthetic-1 answered ${firstArticle.status} with ${count} articles`);
          // Warm-up: a few of each page type, then memory, then the measured index renders.
          await timeRequests(new URL(indexPath, origin).href, 20);
          await timeRequests(new URL('/articles/synthetic-1', origin).href, 10);
          // Settled: the compile workers end after 2 s idle (pipeline-measure.js reads RSS the same way).
          await new Promise((resolve) => setTimeout(resolve, 3000));
          const rssBytes = readTreeRssBytes(blog.proc.pid);
          const indexTimes = await timeRequests(new URL(indexPath, origin).href, INDEX_SAMPLES);
          const sorted = [...indexTimes].sort((a, b) => a - b);
          const entry = {
            articles: count,
            startupMs: blog.startupMs,
            allPublishedMs,
            rebuiltOnStart: blog.rebuiltOnStart,
            rssBytes,
            indexPath,
            firstIndexMs: firstIndex.ms,
            firstArticleMs: firstArticle.ms,
            indexMedianMs: median(indexTimes),
            indexP90Ms: sorted[Math.floor(sorted.length * 0.9)],
            indexSamples: indexTimes.length,
            indexServerTiming: firstIndex.headers['server-timing'] ?? null,
          };
          if (blog.rebuiltOnStart) ctx.log('  (the start script rebuilt first: sources changed since the build; measured a second start)');
          ctx.log(`  ${count} articles: start ${(entry.startupMs / 1000).toFixed(2)} s, all published ${(allPublishedMs / 1000).toFixed(2)} s, RSS ${(rssBytes / 2 ** 20).toFixed(0)} MB, ${indexPath} first ${entry.firstIndexMs.toFixed(1)} ms, median ${entry.indexMedianMs.toFixed(2)} ms`);
          sizes.push(entry);
        } finally {
          await blog.stop();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
        rmSync(cacheDir, { recursive: true, force: true });
      }
    }
    return { sizes, indexSamples: INDEX_SAMPLES };
  },
  rows(data) {
    const out = data.sizes.map((s) =>
      infoRow('Site', `${s.articles} article${s.articles === 1 ? '' : 's'}: start / RSS / ${s.indexPath}`, `${(s.startupMs / 1000).toFixed(2)} s (all published ${(s.allPublishedMs / 1000).toFixed(2)} s) / ${(s.rssBytes / 2 ** 20).toFixed(0)} MB / median ${s.indexMedianMs.toFixed(2)} ms (first ${s.firstIndexMs.toFixed(1)} ms)`),
    );
    const largest = data.sizes.find((s) => s.articles === 1000);
    if (largest) {
      out.push(targetRow('Site', '1,000 articles: spawn → first 200 on /', `${(largest.startupMs / 1000).toFixed(2)} s`, '< 5 s', largest.startupMs < 5000));
      out.push(targetRow('Site', '1,000 articles: RSS after warm-up', `${(largest.rssBytes / 2 ** 20).toFixed(0)} MB`, '< 300 MB', largest.rssBytes < 300 * 2 ** 20));
      out.push(targetRow('Site', `1,000 articles: ${largest.indexPath} render (median of ${largest.indexSamples})`, `${largest.indexMedianMs.toFixed(2)} ms`, '< 20 ms', largest.indexMedianMs < 20));
    }
    return out;
  },
  markdown(data) {
    return [
      '## 4b. Synthetic sites',
      '',
      `N distinct articles generated from the seed (own slug, title, date) into a temp dir; the production blog started with \`${ARTICLES_DIR_ENV}\` pointing at it, as \`npm start\` would. Start = spawn → first 200 on \`/\`; all published = spawn → the index counts every article (an empty cache of its own: the server answers while it compiles). RSS = VmRSS of the server process tree after warm-up (20 index + 10 article requests) and 3 s idle (the compile workers of the cold start end after 2 s). Index render = client-side time to last byte on a keep-alive loopback connection, median of ${data.indexSamples} sequential requests after warm-up; "first" is the first request for that page after start.`,
      '',
      '| Articles | start | RSS | index page | first render | median | p90 | first article page |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...data.sizes.map((s) => `| ${s.articles} | ${(s.startupMs / 1000).toFixed(2)} s | ${(s.rssBytes / 2 ** 20).toFixed(0)} MB | \`${s.indexPath}\` | ${s.firstIndexMs.toFixed(1)} ms | ${s.indexMedianMs.toFixed(2)} ms | ${s.indexP90Ms.toFixed(2)} ms | ${s.firstArticleMs.toFixed(1)} ms |`),
    ].join('\n');
  },
};
