// 6. The publishing pipeline at scale: N distinct seed-derived articles served by `npm start`
// through the content store. Cold start (empty cache: every article compiled by the worker pool,
// and the same with one worker as the baseline for throughput), restart with unchanged content
// (nothing compiled: first answer, RSS), then page, sitemap, first-view and edit latencies.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ARTICLES_DIR_ENV, startBlog } from '../app.js';
import { request } from '../http.js';
import { readTreeCpuMs, readTreeRssBytes } from '../proc.js';
import { infoRow, targetRow } from '../report.js';
import { median } from '../stats.js';
import { generateSite, setFrontmatterKey, splitFrontmatter } from '../synthetic.js';
import { SEED_ARTICLE } from './content.js';

/** BENCH_PIPELINE_SIZES=1000,10000 (default). */
function sizes() {
  const configured = process.env.BENCH_PIPELINE_SIZES;
  return (configured ? configured.split(',') : ['1000', '10000']).map(Number).filter((n) => Number.isInteger(n) && n > 20);
}

/** Before this issue (issue 10, 10,000 articles): the figures to compare with. */
export const BEFORE_10K = { startS: 31, rssMb: '700–890', firstViewMs: '355–380', sitemapS: 3.1 };

/** Cold-compile throughput, the pool against one worker, on the same BENCH_BASELINE_SIZE (300) articles. */
function baselineSize() {
  const configured = Number(process.env.BENCH_BASELINE_SIZE);
  return Number.isInteger(configured) && configured > 20 ? configured : 300;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function get(url, agent) {
  return request(url, { agent, headers: { 'accept-encoding': 'gzip, deflate, br' } });
}

/** Polls until `accept(body)`; returns ms from `since`. Bounded, so a broken server fails the bench. */
async function until(url, accept, since, timeoutMs) {
  for (;;) {
    // No Accept-Encoding: the body is read as text.
    const response = await request(url).catch(() => null);
    // React separates adjacent text with <!-- -->: match on the text as a reader sees it.
    if (response?.status === 200 && accept(response.body.toString().replace(/<!-- -->/g, ''))) return performance.now() - since;
    if (performance.now() - since > timeoutMs) throw new Error(`${url}: condition not met within ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** Cold start on an empty cache: ms until every article is published, and CPU used meanwhile. */
async function coldStart(dir, count, workers) {
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'cited-bench-cache-'));
  const env = { [ARTICLES_DIR_ENV]: dir, CITED_CACHE_DIR: cacheDir, ...(workers ? { CITED_COMPILE_WORKERS: String(workers) } : {}) };
  const blog = await startBlog({ env, timeoutMs: 600_000 });
  const spawnedAt = performance.now() - blog.startupMs;
  try {
    const allMs = await until(`${blog.origin}/`, (body) => body.includes(`${count} articles, newest first`), spawnedAt, 3_600_000);
    const cpuMs = readTreeCpuMs(blog.proc.pid);
    return { cacheDir, env, firstAnswerMs: blog.startupMs, allMs, cpuMs, throughput: count / (allMs / 1000) };
  } finally {
    await blog.stop();
  }
}

async function timed(url, count, agent) {
  const times = [];
  for (let i = 0; i < count; i += 1) {
    const response = await get(url, agent);
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    times.push(response.ms);
  }
  return times;
}

async function restart(dir, env, count) {
  const blog = await startBlog({ env, timeoutMs: 120_000 });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const origin = blog.origin;
    // First view of articles never requested since the start: body from the disk cache + render.
    // Not the newest few: the server renders those before it listens (its warm-up), so they are hits.
    const firstViews = [];
    for (const n of [10, Math.floor(count / 2), count - 1]) firstViews.push((await timed(`${origin}/articles/synthetic-${n}`, 1, agent))[0]);
    await timed(`${origin}/?page=2`, 20, agent);
    const page2 = await timed(`${origin}/?page=2`, 50, agent);
    const sitemapFirst = (await timed(`${origin}/sitemap.xml`, 1, agent))[0];
    const sitemap = await timed(`${origin}/sitemap.xml`, 10, agent);
    // Settled: compile workers (none expected on a restart) end after 2 s idle.
    await sleep(3000);
    const rssBytes = readTreeRssBytes(blog.proc.pid);
    // An edit: a new title in one file, until its page shows it.
    const file = path.join(dir, 'synthetic-0005.md');
    const { frontmatter, body } = splitFrontmatter(readFileSync(file, 'utf8'));
    const marker = `Edited ${Date.now()}`;
    const editedAt = performance.now();
    writeFileSync(file, `---\n${setFrontmatterKey(frontmatter, 'title', marker)}\n---\n${body}`);
    const editMs = await until(`${origin}/articles/synthetic-5`, (html) => html.includes(marker), editedAt, 30_000);
    // Settled with search: the index is built in the background after the start; the first search
    // waits for it. RSS once it is built is the server's settled memory with every feature in use.
    const searchStartedAt = performance.now();
    const search = await get(`${origin}/search?q=prolotherapy`, agent);
    if (search.status !== 200) throw new Error(`/search answered ${search.status}`);
    const firstSearchMs = performance.now() - searchStartedAt;
    const searchMs = median(await timed(`${origin}/search?q=stem+cell+therapy`, 10, agent));
    await sleep(3000);
    const rssWithSearchBytes = readTreeRssBytes(blog.proc.pid);
    return {
      startupMs: blog.startupMs,
      rssBytes,
      rssWithSearchBytes,
      firstSearchMs,
      searchMs,
      firstViewMs: Math.max(...firstViews),
      page2MedianMs: median(page2),
      sitemapFirstMs: sitemapFirst,
      sitemapMedianMs: median(sitemap),
      editMs,
    };
  } finally {
    agent.destroy();
    await blog.stop();
  }
}

export const pipeline = {
  id: 'pipeline',
  title: 'Publishing pipeline at 1,000 and 10,000 articles',
  async run(ctx) {
    const seed = readFileSync(SEED_ARTICLE, 'utf8');
    const cores = os.availableParallelism();
    const runs = [];
    // Throughput of the pool against one worker, both cold, on the same smaller site.
    const baselineCount = baselineSize();
    const baselineDir = generateSite(seed, baselineCount);
    const baseline = { articles: baselineCount, cores };
    try {
      for (const [name, workers] of [['pool', undefined], ['single', 1]]) {
        const run = await coldStart(baselineDir, baselineCount, workers);
        rmSync(run.cacheDir, { recursive: true, force: true });
        baseline[name] = { allMs: run.allMs, throughput: run.throughput, cpuUtilisation: run.cpuMs / (run.allMs * cores) };
        ctx.log(`  ${baselineCount}, ${name === 'pool' ? `pool of ${cores}` : 'one worker'}: cold ${(run.allMs / 1000).toFixed(1)} s, ${run.throughput.toFixed(1)} articles/s`);
      }
    } finally {
      rmSync(baselineDir, { recursive: true, force: true });
    }
    const counts = sizes();
    for (const count of counts) {
      const dir = generateSite(seed, count);
      let cold;
      try {
        cold = await coldStart(dir, count);
        const utilisation = cold.cpuMs / (cold.allMs * cores);
        ctx.log(`  ${count}: cold ${(cold.allMs / 1000).toFixed(1)} s (${cold.throughput.toFixed(0)} articles/s, CPU ${(utilisation * 100).toFixed(0)}% of ${cores} cores)`);

        const warm = await restart(dir, cold.env, count);
        ctx.log(`  ${count}: restart ${(warm.startupMs / 1000).toFixed(2)} s, RSS ${(warm.rssBytes / 2 ** 20).toFixed(0)} MB, /?page=2 ${warm.page2MedianMs.toFixed(2)} ms, sitemap ${warm.sitemapFirstMs.toFixed(0)} ms, first view ${warm.firstViewMs.toFixed(1)} ms, edit ${warm.editMs.toFixed(0)} ms`);
        runs.push({
          articles: count,
          cores,
          coldFirstAnswerMs: cold.firstAnswerMs,
          coldAllMs: cold.allMs,
          coldThroughput: cold.throughput,
          coldCpuUtilisation: cold.cpuMs / (cold.allMs * cores),
          ...warm,
        });
      } finally {
        if (cold) rmSync(cold.cacheDir, { recursive: true, force: true });
        rmSync(dir, { recursive: true, force: true });
      }
    }
    return { baseline, runs };
  },
  rows(data) {
    const b = data.baseline;
    const out = [
      infoRow(
        'Pipeline',
        `cold validation of ${b.articles}: pool of ${b.cores} vs one worker`,
        `${b.pool.throughput.toFixed(1)} vs ${b.single.throughput.toFixed(1)} articles/s (${(b.pool.throughput / b.single.throughput).toFixed(2)}×)`,
        `CPU ${(b.pool.cpuUtilisation * 100).toFixed(0)}% vs ${(b.single.cpuUtilisation * 100).toFixed(0)}% of ${b.cores} cores`,
      ),
    ];
    for (const r of data.runs) {
      const n = r.articles.toLocaleString('en-US');
      out.push(targetRow('Pipeline', `${n}: restart, unchanged content → first 200 on /`, `${(r.startupMs / 1000).toFixed(2)} s`, '< 3 s', r.startupMs < 3000));
      out.push(infoRow('Pipeline', `${n}: RSS 3 s after the first requests (search index not built yet)`, `${(r.rssBytes / 2 ** 20).toFixed(0)} MB`));
      if (r.rssWithSearchBytes !== undefined) {
        out.push(targetRow('Pipeline', `${n}: RSS once settled (search index built)`, `${(r.rssWithSearchBytes / 2 ** 20).toFixed(0)} MB`, '< 300 MB', r.rssWithSearchBytes < 300 * 2 ** 20));
        out.push(infoRow('Pipeline', `${n}: first search after the start / then (median of 10)`, `${(r.firstSearchMs / 1000).toFixed(2)} s / ${r.searchMs.toFixed(1)} ms`));
      }
      out.push(targetRow('Pipeline', `${n}: /?page=2 (median of 50)`, `${r.page2MedianMs.toFixed(2)} ms`, '< 20 ms', r.page2MedianMs < 20));
      out.push(targetRow('Pipeline', `${n}: /sitemap.xml (first request after start)`, `${r.sitemapFirstMs.toFixed(0)} ms`, '< 300 ms', r.sitemapFirstMs < 300));
      out.push(targetRow('Pipeline', `${n}: first view of an article (worst of 3)`, `${r.firstViewMs.toFixed(1)} ms`, '< 50 ms', r.firstViewMs < 50));
      out.push(targetRow('Pipeline', `${n}: edit visible`, `${r.editMs.toFixed(0)} ms`, '< 1 s', r.editMs < 1000));
      out.push(
        infoRow(
          'Pipeline',
          `${n}: cold validation, all cores`,
          `${(r.coldAllMs / 1000).toFixed(1)} s, ${r.coldThroughput.toFixed(0)} articles/s, CPU ${(r.coldCpuUtilisation * 100).toFixed(0)}% of ${r.cores} cores`,
        ),
      );
    }
    return out;
  },
  markdown(data) {
    const largest = data.runs.at(-1);
    const projection = largest
      ? `Projection to 100,000 articles (linear in the article count from the ${largest.articles.toLocaleString('en-US')} row; not measured): cold validation ≈ ${((largest.coldAllMs / largest.articles) * 100_000 / 60_000).toFixed(0)} min on ${largest.cores} cores; restart and RSS grow with the listings (≈ ${((largest.rssBytes / 2 ** 20) * 1).toFixed(0)} MB at ${largest.articles.toLocaleString('en-US')}, listing fields only), sitemap splits into 2 files past 50,000 URLs.`
      : '';
    return [
      '## 6. Publishing pipeline (content store)',
      '',
      'N distinct articles generated from the seed; `npm start` with `CITED_ARTICLES_DIR` and an empty `CITED_CACHE_DIR` (cold: every article compiled by the worker pool; "all" = spawn → the index counts N articles), then restarted on the same cache (nothing to compile). First view = the first request for an article since the start (body from the disk cache; not one of the three newest, which the server renders before it listens). Edit = a new title written to one file → its page shows it (file watcher). RSS settled with search = after the first search has waited for the background index build and 3 s more.',
      '',
      `Before (issue 10, 10,000 articles): start ${BEFORE_10K.startS} s, RSS ${BEFORE_10K.rssMb} MB, first article view ${BEFORE_10K.firstViewMs} ms, /sitemap.xml ${BEFORE_10K.sitemapS} s.`,
      '',
      `Cold validation throughput, same ${data.baseline.articles} articles: pool of ${data.baseline.cores} workers ${data.baseline.pool.throughput.toFixed(1)} articles/s (CPU ${(data.baseline.pool.cpuUtilisation * 100).toFixed(0)}% of all cores), one worker ${data.baseline.single.throughput.toFixed(1)} articles/s (${(data.baseline.single.cpuUtilisation * 100).toFixed(0)}%): ${(data.baseline.pool.throughput / data.baseline.single.throughput).toFixed(2)}×.`,
      '',
      '| Articles | cold: first 200 | cold: all published | articles/s | CPU | restart: first 200 | RSS before search / settled with search | /?page=2 | sitemap first / median | first view | edit visible | first search / then |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...data.runs.map(
        (r) =>
          `| ${r.articles} | ${(r.coldFirstAnswerMs / 1000).toFixed(2)} s | ${(r.coldAllMs / 1000).toFixed(1)} s | ${r.coldThroughput.toFixed(1)} | ${(r.coldCpuUtilisation * 100).toFixed(0)}% of ${r.cores} | ${(r.startupMs / 1000).toFixed(2)} s | ${(r.rssBytes / 2 ** 20).toFixed(0)} / ${r.rssWithSearchBytes === undefined ? '—' : (r.rssWithSearchBytes / 2 ** 20).toFixed(0)} MB | ${r.page2MedianMs.toFixed(2)} ms | ${r.sitemapFirstMs.toFixed(0)} / ${r.sitemapMedianMs.toFixed(1)} ms | ${r.firstViewMs.toFixed(1)} ms | ${r.editMs.toFixed(0)} ms | ${r.firstSearchMs === undefined ? '—' : `${(r.firstSearchMs / 1000).toFixed(2)} s / ${r.searchMs.toFixed(1)} ms`} |`,
      ),
      '',
      projection,
    ].join('\n');
  },
};
