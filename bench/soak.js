#!/usr/bin/env node
/**
 * Soak test: sustained mixed traffic over every route of the production server, then checks that
 * nothing was lost and memory did not creep.
 *
 *   npm run soak                      60 s at 50 connections (after a 10 s warm-up)
 *   npm run soak -- --duration=10     a quick run
 *   options: --duration=S --warmup=S --connections=N --articles=N (generated beside the real ones)
 *   harsher: --unique-404 (a new 404 path per request, like a scanner; never cached, every one rendered)
 *   diagnosis: --no-html-cache (HTML_CACHE=0)
 *
 * RSS is read after a forced full GC in the server (a preload given only to this run's server via
 * --import), so the figure measures what the process keeps, not how lazily V8 collects garbage.
 *
 * Passes when: zero 5xx, zero socket errors/timeouts, every route kept its expected status, and the
 * server's RSS after the run is within 20 % of its RSS after warm-up (VmRSS from /proc/<pid>/status).
 * Prints the figures either way; exits 1 on any failure. Traffic goes to 127.0.0.1 only.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { writeFixtureSiteConfig } from '@cited/test-utils/site-config';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const blogDir = path.join(repoRoot, 'apps/blog');
const serverBuild = path.join(blogDir, 'build/server/index.js');
const realArticlesDir = path.join(blogDir, 'content/articles');

function option(name, fallback) {
  const prefix = `--${name}=`;
  const arg = process.argv.slice(2).find((a) => a.startsWith(prefix));
  const index = process.argv.indexOf(`--${name}`);
  const raw = arg ? arg.slice(prefix.length) : index > -1 ? process.argv[index + 1] : undefined;
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`--${name} must be a positive number, got ${raw}`);
    process.exit(2);
  }
  return value;
}

const durationSeconds = option('duration', 60);
const warmupSeconds = option('warmup', Math.min(10, Math.max(2, Math.round(durationSeconds / 6))));
const connections = option('connections', 50);
const generatedArticles = option('articles', 30);
const unique404 = process.argv.includes('--unique-404');
const noHtmlCache = process.argv.includes('--no-html-cache');
const RSS_GROWTH_LIMIT = 0.2;

function log(message) {
  console.log(`[soak] ${message}`);
}

/** Build the blog (and what it depends on) when there is no production build. */
function ensureBuilt() {
  if (existsSync(serverBuild)) return;
  log('no production build: building the blog…');
  const result = spawnSync('npx', ['turbo', 'run', 'build', '--filter=@cited/blog', '--output-logs=errors-only'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('[soak] build failed');
    process.exit(1);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function yamlString(value) {
  return JSON.stringify(value);
}

/** The generated articles' categories: the real site.yml lists only real ones, so the soak site has its own. */
const categories = ['Back pain', 'Joints', 'Sports injuries'];

/** The soak site's site.yml (CITED_SITE_CONFIG): the blog's, with the generated categories in its registry. */
function prepareSiteConfig() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cited-soak-site-'));
  return { dir, file: writeFixtureSiteConfig({ from: path.join(blogDir, 'content/site.yml'), dir, categories }) };
}

/** The real articles plus enough generated ones for a second index page (20 per page). */
function prepareArticles() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cited-soak-'));
  if (existsSync(realArticlesDir)) {
    for (const name of readdirSync(realArticlesDir)) {
      if (name.endsWith('.md') && statSync(path.join(realArticlesDir, name)).isFile()) {
        copyFileSync(path.join(realArticlesDir, name), path.join(dir, name));
      }
    }
  }
  for (let i = 1; i <= generatedArticles; i += 1) {
    const n = String(i).padStart(3, '0');
    const paragraphs = Array.from(
      { length: 12 },
      (_, p) => `Paragraph ${p + 1} of soak article ${n}. Staying active helps more than bed rest, and most people improve within weeks.`,
    );
    writeFileSync(
      path.join(dir, `soak-${n}.md`),
      [
        '---',
        `title: ${yamlString(`Soak article ${n}`)}`,
        `description: ${yamlString(`Generated article ${n} for the soak test.`)}`,
        `slug: soak-${n}`,
        `category: ${yamlString(categories[i % categories.length])}`,
        `published: 2024-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`,
        '---',
        '',
        ...paragraphs.slice(0, 4),
        '',
        '## What helps',
        '',
        ...paragraphs.slice(4, 8),
        '',
        '## When to get help',
        '',
        ...paragraphs.slice(8),
        '',
      ].join('\n'),
    );
  }
  return dir;
}

async function startServer(articlesDir, siteConfig) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', GC_PRELOAD, 'server.js'], {
    cwd: blogDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      CITED_ARTICLES_DIR: articlesDir,
      CITED_SITE_CONFIG: siteConfig,
      ...(noHtmlCache ? { HTML_CACHE: '0' } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${origin}/robots.txt`);
      await response.arrayBuffer();
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`server did not answer within 30 s:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return { child, origin, port, output: () => output };
}

/**
 * Loaded into the soak's server only: SIGUSR2 → two full GCs, then the heap figures on stderr as one
 * "[soak-mem] {json}" line. The app itself is untouched.
 */
const GC_PRELOAD = `data:text/javascript,${encodeURIComponent(`
import v8 from 'node:v8';
import vm from 'node:vm';
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
process.on('SIGUSR2', () => {
  gc();
  gc();
  const { heapUsed, heapTotal, external } = process.memoryUsage();
  process.stderr.write('[soak-mem] ' + JSON.stringify({ heapUsed, heapTotal, external }) + '\\n');
});
`)}`;

function vmRssKb(pid) {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]);
}

/** VmRSS after a full GC in the server (and its JS heap then), median of three readings. */
async function settledMemory(server) {
  const pid = server.child.pid;
  const samples = [];
  let heap = null;
  for (let i = 0; i < 3; i += 1) {
    const before = server.output().length;
    process.kill(pid, 'SIGUSR2');
    await new Promise((resolve) => setTimeout(resolve, 700));
    const line = server.output().slice(before).match(/\[soak-mem\] (\{.*\})/);
    if (line) heap = JSON.parse(line[1]);
    samples.push(vmRssKb(pid));
  }
  samples.sort((a, b) => a - b);
  return { rssKb: samples[1], heapUsedMB: heap ? +(heap.heapUsed / 1048576).toFixed(1) : null };
}

/** Finds the real routes from the running site: an article, a category, and checks page 2 exists. */
async function discoverRoutes(origin) {
  const index = await (await fetch(`${origin}/`)).text();
  const article = /href="(\/articles\/[^"#?]+)"/.exec(index)?.[1];
  const category = /href="(\/category\/[^"#?]+)"/.exec(index)?.[1];
  if (!article || !category) throw new Error('could not find an article and a category link on /');
  const seed = existsSync(path.join(realArticlesDir)) ? readdirSync(realArticlesDir).find((n) => n.endsWith('.md')) : undefined;
  const routes = [
    { path: '/', status: 200, weight: 4 },
    { path: '/?page=2', status: 200, weight: 2 },
    { path: article, status: 200, weight: 6 },
    { path: category, status: 200, weight: 2 },
    { path: '/rss.xml', status: 200, weight: 1 },
    { path: '/sitemap.xml', status: 200, weight: 1 },
    { path: '/robots.txt', status: 200, weight: 1 },
    // With --unique-404 every request is a new path: never cached, a full render each time.
    { path: '/no-such-page', status: 404, weight: 2, vary: unique404 },
  ];
  if (seed) {
    const slug = /^slug:\s*(\S+)/m.exec(readFileSync(path.join(realArticlesDir, seed), 'utf8'))?.[1]?.replace(/^["']|["']$/g, '');
    if (slug && `/articles/${slug}` !== article) routes.push({ path: `/articles/${slug}`, status: 200, weight: 4 });
  }
  for (const route of routes) {
    const response = await fetch(origin + route.path);
    await response.arrayBuffer();
    if (response.status !== route.status) throw new Error(`${route.path} answered ${response.status}, expected ${route.status}`);
  }
  return routes;
}

function runLoad(origin, routes, seconds, tally) {
  // One request list, interleaved by weight, that every connection cycles through.
  const requests = [];
  const maxWeight = Math.max(...routes.map((r) => r.weight));
  for (let round = 0; round < maxWeight; round += 1) {
    for (const route of routes) {
      if (round < route.weight) {
        let counter = 0;
        requests.push({
          method: 'GET',
          path: route.path,
          headers: { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html,*/*' },
          ...(route.vary ? { setupRequest: (request) => ({ ...request, path: `${route.path}-${(counter += 1)}` }) } : {}),
          onResponse: (status) => {
            if (status !== route.status) {
              tally.unexpected += 1;
              const key = `${route.path} → ${status}`;
              tally.unexpectedByRoute[key] = (tally.unexpectedByRoute[key] ?? 0) + 1;
            }
          },
        });
      }
    }
  }
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: origin, connections, duration: seconds, requests, timeout: 10 },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

function count5xx(result) {
  const stats = result.statusCodeStats ?? {};
  return Object.entries(stats)
    .filter(([code]) => Number(code) >= 500)
    .reduce((sum, [, value]) => sum + (value.count ?? 0), 0);
}

async function main() {
  ensureBuilt();
  const articlesDir = prepareArticles();
  const siteConfig = prepareSiteConfig();
  let server;
  let failed = false;
  try {
    server = await startServer(articlesDir, siteConfig.file);
    const pid = server.child.pid;
    const routes = await discoverRoutes(server.origin);
    log(`server pid ${pid} on ${server.origin}; ${routes.length} routes: ${routes.map((r) => r.path).join(' ')}`);

    const warmTally = { unexpected: 0, unexpectedByRoute: {} };
    log(`warm-up: ${warmupSeconds} s at ${connections} connections`);
    const warm = await runLoad(server.origin, routes, warmupSeconds, warmTally);
    const memWarm = await settledMemory(server);
    const rssWarm = memWarm.rssKb;

    const tally = { unexpected: 0, unexpectedByRoute: {} };
    log(`soak: ${durationSeconds} s at ${connections} connections`);
    const soak = await runLoad(server.origin, routes, durationSeconds, tally);
    const memAfter = await settledMemory(server);
    const rssAfter = memAfter.rssKb;

    const growth = (rssAfter - rssWarm) / rssWarm;
    const fiveXx = count5xx(warm) + count5xx(soak);
    const errors = warm.errors + soak.errors;
    const timeouts = warm.timeouts + soak.timeouts;
    const unexpected = warmTally.unexpected + tally.unexpected;
    const alive = server.child.exitCode === null;

    const figures = {
      durationSeconds,
      warmupSeconds,
      connections,
      requests: soak.requests.total,
      requestsPerSecond: Math.round(soak.requests.average),
      latencyMs: { p50: soak.latency.p50, p99: soak.latency.p99, max: soak.latency.max },
      statusCodes: Object.fromEntries(Object.entries(soak.statusCodeStats ?? {}).map(([code, v]) => [code, v.count])),
      fiveXx,
      socketErrors: errors,
      timeouts,
      unexpectedStatuses: unexpected,
      rssAfterWarmupMB: +(rssWarm / 1024).toFixed(1),
      rssAfterSoakMB: +(rssAfter / 1024).toFixed(1),
      rssGrowthPercent: +(growth * 100).toFixed(1),
      heapUsedAfterWarmupMB: memWarm.heapUsedMB,
      heapUsedAfterSoakMB: memAfter.heapUsedMB,
      unique404,
    };
    console.log(JSON.stringify(figures, null, 2));

    const checks = [
      ['zero 5xx', fiveXx === 0, `${fiveXx}`],
      ['zero socket errors', errors === 0, `${errors}`],
      ['zero timeouts', timeouts === 0, `${timeouts}`],
      ['every route kept its status', unexpected === 0, unexpected ? JSON.stringify({ ...warmTally.unexpectedByRoute, ...tally.unexpectedByRoute }) : '0'],
      ['server still running', alive, alive ? 'yes' : `exited ${server.child.exitCode}`],
      [`RSS within ${RSS_GROWTH_LIMIT * 100}% of warm-up`, growth <= RSS_GROWTH_LIMIT, `${figures.rssAfterWarmupMB} → ${figures.rssAfterSoakMB} MB (${figures.rssGrowthPercent}%)`],
    ];
    for (const [name, ok, detail] of checks) {
      console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}: ${detail}`);
      if (!ok) failed = true;
    }
    if (failed && /Error/.test(server.output())) {
      console.log(`[soak] server output (tail):\n${server.output().replace(/\[soak-mem\].*\n/g, '').slice(-3000)}`);
    }
  } finally {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await new Promise((resolve) => server.child.once('exit', resolve));
    }
    rmSync(articlesDir, { recursive: true, force: true });
    rmSync(siteConfig.dir, { recursive: true, force: true });
  }
  console.log(failed ? 'soak: FAILED' : 'soak: passed');
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error('[soak]', error);
  process.exit(1);
});
