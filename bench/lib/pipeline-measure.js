// The publishing pipeline's measurements on one generated site, for any checkout of the blog: a cold
// start on an empty cache, a restart on the warm cache (first answer, memory, pages, sitemap, first
// views, search, an edit), and a fresh deploy on a build-time database. The section runs them for
// today's code and for an earlier commit, on the same machine in the same run.
import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ARTICLES_DIR_ENV, npmLikeEnv, startBlog } from './app.js';
import { request } from './http.js';
import { readTreeCpuMs, readTreeRssBytes, runCommand } from './proc.js';
import { median, percentile } from './stats.js';
import { word } from './synthetic-search.js';
import { setFrontmatterKey, splitFrontmatter } from './synthetic.js';

/** Both checkouts list 20 articles a page (apps/blog/app/lib/site.ts PAGE_SIZE). */
const PAGE_SIZE = 20;
/** Generous: the search before SQLite built its whole index in memory on the first query (41 s at 100,000). */
const FIRST_SEARCH_TIMEOUT_MS = 600_000;

/**
 * The search mix: the seed's topic (one in 20 short articles, every seed copy), a prefix, a typo
 * ("did you mean"), several words, and generated words from common to rare (the short site's
 * vocabulary; no result on a site of seed copies, which measures the empty answer).
 */
export const SEARCH_QUERIES = ['prolotherapy', 'stem cell therapy', 'spine surgery', 'MRI', 'platelet-rich plasma', 'prolo', 'prolotherpy', 'back pain after surgery', word(0), word(40), word(2500), `${word(3)} ${word(90)}`];
const SEARCH_ROUNDS = 5;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const get = (url, agent, timeoutMs) => request(url, { agent, headers: { 'accept-encoding': 'gzip, deflate, br' }, ...(timeoutMs ? { timeoutMs } : {}) });

/** Polls until `accept(body)`; returns ms from `since`. Bounded, so a broken server fails the bench. */
export async function until(url, accept, since, timeoutMs) {
  for (;;) {
    // No Accept-Encoding: the body is read as text.
    const response = await request(url).catch(() => null);
    // React separates adjacent text with <!-- -->: match on the text as a reader sees it.
    if (response?.status === 200 && accept(response.body.toString().replace(/<!-- -->/g, ''))) return performance.now() - since;
    if (performance.now() - since > timeoutMs) throw new Error(`${url}: condition not met within ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** The index says every generated article is published. */
export const allPublished = (count) => (body) => {
  // The index page groups thousands ("100,000 articles", lib/format.ts); the checkout measured as
  // "before" (main before #25) does not ("100000 articles"). Either is every article.
  const counted = count === 1 ? ['1 article'] : [`${count.toLocaleString('en-US')} articles`, `${count} articles`];
  // Not preceded by a digit or separator: "1,000 articles" is not "11,000 articles".
  return counted.some((text) => new RegExp(`(?<![\\d,])${text}, newest first`).test(body));
};

async function timed(url, count, agent, timeoutMs) {
  const times = [];
  for (let i = 0; i < count; i += 1) {
    const response = await get(url, agent, timeoutMs);
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    times.push(response.ms);
  }
  return times;
}

function cacheEnv(dir, cacheDir, { workers, extraEnv = {} } = {}) {
  return { ...extraEnv, [ARTICLES_DIR_ENV]: dir, CITED_CACHE_DIR: cacheDir, ...(workers ? { CITED_COMPILE_WORKERS: String(workers) } : {}) };
}

/** Cold start on an empty cache: ms until every article is published, and the CPU used meanwhile. */
export async function coldStart({ dir, count, blogDir, workers, extraEnv }) {
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'cited-bench-cache-'));
  const env = cacheEnv(dir, cacheDir, { workers, extraEnv });
  const blog = await startBlog({ env, timeoutMs: 600_000, blogDir });
  const spawnedAt = performance.now() - blog.startupMs;
  try {
    const allMs = await until(`${blog.origin}/`, allPublished(count), spawnedAt, 3 * 3_600_000);
    const cpuMs = readTreeCpuMs(blog.proc.pid);
    // A server that has run leaves its search index behind (the blog builds it in the background
    // once settled): one search waits for it, so the restart below is a restart of such a server.
    const searchedAt = performance.now();
    const search = await get(`${blog.origin}/search?q=prolotherapy`, undefined, FIRST_SEARCH_TIMEOUT_MS);
    if (search.status !== 200) throw new Error(`/search answered ${search.status} after the cold pass`);
    return { cacheDir, env, firstAnswerMs: blog.startupMs, allMs, cpuMs, throughput: count / (allMs / 1000), searchReadyMs: performance.now() - searchedAt };
  } finally {
    await blog.stop();
  }
}

/** Listing pages 2, the middle one and the last: median of 20 each after 5 unmeasured; the last page must hold the oldest article. */
async function listingPages(origin, count, agent) {
  const last = Math.ceil(count / PAGE_SIZE);
  const pages = {};
  for (const page of [2, Math.ceil(last / 2), last]) {
    const url = `${origin}/?page=${page}`;
    const first = (await timed(url, 1, agent))[0];
    await timed(url, 4, agent);
    pages[page] = { firstMs: first, medianMs: median(await timed(url, 20, agent)) };
  }
  const lastPage = await request(`${origin}/?page=${last}`);
  if (!lastPage.body.toString().includes(`/articles/synthetic-${count}"`)) throw new Error(`/?page=${last} does not list the oldest article, synthetic-${count}`);
  return { pages, worstPageMedianMs: Math.max(...Object.values(pages).map((entry) => entry.medianMs)) };
}

/** The search mix: the first query after the start (it may wait for an index), then every query SEARCH_ROUNDS times. */
async function searches(origin, agent) {
  const startedAt = performance.now();
  const first = await get(`${origin}/search?q=prolotherapy`, agent, FIRST_SEARCH_TIMEOUT_MS);
  if (first.status !== 200) throw new Error(`/search answered ${first.status}`);
  const firstSearchMs = performance.now() - startedAt;
  const times = [];
  for (let round = 0; round < SEARCH_ROUNDS; round += 1) {
    for (const query of SEARCH_QUERIES) times.push(...(await timed(`${origin}/search?q=${encodeURIComponent(query)}`, 1, agent)));
  }
  return { firstSearchMs, searchMedianMs: median(times), searchP95Ms: percentile(times, 95), searchCount: times.length };
}

/** A new title written to one file, until its page shows it (the file watcher's path). */
async function edit(origin, dir) {
  const file = path.join(dir, 'synthetic-0005.md');
  const { frontmatter, body } = splitFrontmatter(readFileSync(file, 'utf8'));
  const marker = `Edited ${Date.now()}`;
  const editedAt = performance.now();
  writeFileSync(file, `---\n${setFrontmatterKey(frontmatter, 'title', marker)}\n---\n${body}`);
  return until(`${origin}/articles/synthetic-5`, (html) => html.includes(marker), editedAt, 30_000);
}

/** Restart on the warm cache with unchanged content, then every latency the issue sets a target for. */
export async function restart({ dir, env, count, blogDir }) {
  const blog = await startBlog({ env, timeoutMs: 600_000, blogDir });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const origin = blog.origin;
    // First view of articles never requested since the start. Not the newest few: the server
    // renders those before it listens (its warm-up), so they are hits.
    const firstViews = [];
    for (const n of [10, Math.floor(count / 2), count - 1]) firstViews.push((await timed(`${origin}/articles/synthetic-${n}`, 1, agent))[0]);
    const listing = await listingPages(origin, count, agent);
    const sitemapFirstMs = (await timed(`${origin}/sitemap.xml`, 1, agent))[0];
    const sitemapMedianMs = median(await timed(`${origin}/sitemap.xml`, 10, agent));
    // Settled: compile workers (none expected on a restart) end after 2 s idle.
    await sleep(3000);
    const rssBytes = readTreeRssBytes(blog.proc.pid);
    const editMs = await edit(origin, dir);
    const search = await searches(origin, agent);
    await sleep(3000);
    const rssWithSearchBytes = readTreeRssBytes(blog.proc.pid);
    return { startupMs: blog.startupMs, rssBytes, rssWithSearchBytes, firstViewMs: Math.max(...firstViews), ...listing, sitemapFirstMs, sitemapMedianMs, editMs, ...search };
  } finally {
    agent.destroy();
    await blog.stop();
  }
}

/**
 * A fresh deploy: the blog's build step (`cited-content build`, as apps/blog's build script runs
 * it) writes the database into the cache a CI job keeps between builds (here the one the cold pass
 * filled, so it compiles only what changed); every article file then gets a new mtime, as a fresh
 * checkout gives it, and a new server process starts on that cache. Measured: spawn → the index
 * counts every article, and the newest, middle and oldest articles answer 200.
 */
export async function freshDeploy({ dir, count, blogDir, env }) {
  const build = await runCommand('npx', ['cited-content', 'build'], { cwd: blogDir, env: npmLikeEnv(env, blogDir) });
  if (build.code !== 0) throw new Error(`cited-content build failed (exit ${build.code}):\n${(build.stdout + build.stderr).slice(-3000)}`);
  const touched = new Date();
  for (const name of readdirSync(dir)) utimesSync(path.join(dir, name), touched, touched);
  const blog = await startBlog({ env, timeoutMs: 600_000, blogDir });
  const spawnedAt = performance.now() - blog.startupMs;
  try {
    const allMs = await until(`${blog.origin}/`, allPublished(count), spawnedAt, 600_000);
    for (const n of [1, Math.floor(count / 2), count]) await timed(`${blog.origin}/articles/synthetic-${n}`, 1);
    const servedMs = performance.now() - spawnedAt;
    const searchedAt = performance.now();
    await timed(`${blog.origin}/search?q=prolotherapy`, 1, undefined, FIRST_SEARCH_TIMEOUT_MS);
    const firstSearchMs = performance.now() - searchedAt;
    return { buildMs: build.ms, firstAnswerMs: blog.startupMs, allPublishedMs: allMs, servedMs, firstSearchMs, buildOutput: build.stdout.trim().split('\n').at(-1) };
  } finally {
    await blog.stop();
  }
}
