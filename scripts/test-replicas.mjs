#!/usr/bin/env node
// Two blog replicas behind nginx (issue 25, "Replicas"). Builds nothing: it runs the built blog
// (apps/blog/build; `npx turbo run build --filter=@cited/blog` first) and Debian's nginx.
//  1. Starts replicas A and B of apps/blog/server.js on ports the OS chose, over one generated
//     site (scripts/replicas/content.mjs), each with its own copy of it and its own cache directory.
//  2. Every kind of page, from both: the same status, headers (but Date), body bytes (plain, br,
//     gzip) and ETag; B answers A's ETag with a 304. Again after A restarts on its warm cache.
//  3. nginx with deploy/nginx/cited.conf (rendered for these ports) in front of both: a page is a
//     MISS, then a HIT with the replicas' bytes and ETag; a conditional request gets a 304; errors
//     are never cached; an unknown Host gets no answer; nginx's error log stays empty.
//  4. A second nginx whose copies expire after a second: each is revalidated with its ETag, and
//     the replica that did not make the copy answers 304.
// Prints each failure with its reason and exits 1; every process is stopped by its pid, always.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeReplicaSite, writeReplicaSiteConfig } from './replicas/content.mjs';
import { findNginx, nginxDir, startNginx } from './replicas/nginx.mjs';
import { freePort, request, startChild, stopChild, waitForAnswer } from './replicas/processes.mjs';

const repo = path.resolve(import.meta.dirname, '..');
const blogDir = path.join(repo, 'apps/blog');
const serverName = 'cited.test';

/** Pages this site does not have (a sitemap part exists only past 50,000 URLs): 404 from both. */
const missing = new Set(['/articles/no-such-article', '/no/such/page', '/sitemaps/1.xml']);
/**
 * Old URLs the content redirects (`redirectFrom:`), answered 301 by both replicas. Redirects the
 * store learns from history (a renamed file, a changed slug) and 410s for deleted articles live in
 * each replica's own cache, so a replica started on an empty cache cannot know them: deploy/README.md.
 */
const redirected = new Map([['/articles/replica-h-old-name', '/articles/replica-h']]);
/** Every kind of page; the 404s must agree too. A fingerprinted asset is added from the build. */
const pages = [
  '/',
  '/articles/replica-a',
  '/articles/replica-h-old-name',
  '/articles/failed-back-surgery-syndrome',
  '/category/back-pain',
  '/category/spine-surgery',
  '/tags/mri',
  '/tags/spine-surgery',
  '/authors/magaziner-center',
  '/search?q=surgery',
  '/search?q=prolotheraphy+mri',
  '/search?q=mri&page=1',
  '/search',
  '/contact',
  '/sitemap.xml',
  '/rss.xml',
  '/robots.txt',
  '/favicon.svg',
  '/articles/no-such-article',
  '/no/such/page',
  '/sitemaps/1.xml',
];
const encodings = ['identity', 'br', 'gzip'];
/** Headers that may differ between two answers of one page: when, and how the connection went. */
const perResponseHeaders = new Set(['date', 'connection', 'keep-alive', 'x-html-cache']);

const failures = [];
const fail = (message) => {
  failures.push(message);
  console.error(`  FAIL ${message}`);
};

function comparable(headers) {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !perResponseHeaders.has(name)).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The first differing place of two bodies, shown with some context from each. */
function firstDifference(a, b) {
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at += 1;
  const around = (body) => JSON.stringify(body.subarray(Math.max(0, at - 60), at + 60).toString('latin1'));
  return `byte ${at}: A ${around(a)} / B ${around(b)}`;
}

/** Every process started, stopped by pid at the end (also one that never answered). */
const processes = [];
/** Every temporary directory made, removed at the end. */
const temp = [];
const removeTemp = () => {
  for (const dir of temp.splice(0)) rmSync(dir, { recursive: true, force: true });
};

async function startReplica(name, { port, cacheDir, articlesDir, siteConfig }) {
  const proc = startChild(`replica ${name}`, process.execPath, ['server.js'], {
    cwd: blogDir,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', CITED_CACHE_DIR: cacheDir, CITED_ARTICLES_DIR: articlesDir, CITED_SITE_CONFIG: siteConfig, SITE_URL: `http://${serverName}` },
  });
  processes.push(proc);
  await waitForAnswer(proc, port, '/robots.txt');
  return proc;
}

/** The replicas agree on every page; returns each page's identity answer from A. */
async function compareReplicas(label, portA, portB) {
  console.log(`\n${label}`);
  const answers = new Map();
  for (const page of pages) {
    for (const encoding of encodings) {
      const headers = { 'accept-encoding': encoding };
      const [a, b] = [await request(portA, page, { headers }), await request(portB, page, { headers })];
      const what = `${page} (${encoding})`;
      if (a.status !== b.status) fail(`${what}: status ${a.status} from A, ${b.status} from B`);
      if (a.headers.etag !== b.headers.etag) fail(`${what}: ETag ${a.headers.etag} from A, ${b.headers.etag} from B`);
      if (!a.body.equals(b.body)) fail(`${what}: bodies differ at ${firstDifference(a.body, b.body)}`);
      const [ha, hb] = [JSON.stringify(comparable(a.headers)), JSON.stringify(comparable(b.headers))];
      if (ha !== hb) fail(`${what}: headers differ:\n    A ${ha}\n    B ${hb}`);
      if (encoding === 'identity') answers.set(page, a);
    }
    const a = answers.get(page);
    // Two identical 404s for a page that should exist would prove little.
    const expected = missing.has(page) ? 404 : redirected.has(page) ? 301 : 200;
    if (a.status !== expected) fail(`${page}: status ${a.status}, expected ${expected}`);
    if (redirected.has(page) && a.headers.location !== redirected.get(page)) fail(`${page}: redirects to ${a.headers.location}, expected ${redirected.get(page)}`);
    if (a.status === 200 && !a.headers.etag) fail(`${page}: a 200 without an ETag`);
    if (a.headers.etag) {
      const conditional = await request(portB, page, { headers: { 'if-none-match': a.headers.etag } });
      if (conditional.status !== 304) fail(`${page}: B answered A's ETag ${a.headers.etag} with ${conditional.status}, not 304`);
    }
    console.log(`  ${a.status} ${page} ${a.headers.etag ?? '(no ETag)'}`);
  }
  return answers;
}

/** Through nginx: MISS, HIT, 304 for cacheable pages; errors are never cached. */
async function checkProxy(nginxPort, replicaAnswers, portA) {
  console.log('\nThrough nginx');
  const host = { host: serverName };
  for (const page of pages) {
    const replica = replicaAnswers.get(page);
    const cacheable = replica.status === 200 && /\bpublic\b/.test(String(replica.headers['cache-control']));
    for (const encoding of encodings) {
      const what = `nginx ${page} (${encoding})`;
      const headers = { ...host, 'accept-encoding': encoding };
      const expected = await request(portA, page, { headers: { 'accept-encoding': encoding } });
      const first = await request(nginxPort, page, { headers });
      const second = await request(nginxPort, page, { headers });
      for (const [n, answer] of [['first', first], ['second', second]]) {
        if (answer.status !== replica.status) fail(`${what}: ${n} answer ${answer.status}, the replicas say ${replica.status}`);
        if (answer.headers.etag !== replica.headers.etag) fail(`${what}: ${n} answer's ETag ${answer.headers.etag}, the replicas' ${replica.headers.etag}`);
        if (answer.headers['content-encoding'] !== expected.headers['content-encoding']) {
          fail(`${what}: ${n} answer's Content-Encoding ${answer.headers['content-encoding']}, the replicas' ${expected.headers['content-encoding']}`);
        }
        if (!answer.body.equals(expected.body)) fail(`${what}: ${n} answer's body differs from the replicas' at ${firstDifference(answer.body, expected.body)}`);
      }
      const statuses = `${first.headers['x-cache-status']} then ${second.headers['x-cache-status']}`;
      if (cacheable && (first.headers['x-cache-status'] !== 'MISS' || second.headers['x-cache-status'] !== 'HIT')) fail(`${what}: X-Cache-Status ${statuses}, expected MISS then HIT`);
      if (!cacheable && second.headers['x-cache-status'] === 'HIT') fail(`${what}: a ${replica.status} (${replica.headers['cache-control']}) was served from nginx's cache`);
      if (replica.headers.etag) {
        // From nginx's cache, or (search, not cached) passed to a replica.
        const conditional = await request(nginxPort, page, { headers: { ...headers, 'if-none-match': replica.headers.etag } });
        if (conditional.status !== 304) fail(`${what}: If-None-Match ${replica.headers.etag} got ${conditional.status}, not 304`);
        if (conditional.body.length > 0) fail(`${what}: the 304 has a body`);
      }
    }
    console.log(`  ${replica.status} ${page}: ${cacheable ? 'MISS, HIT' : 'not cached'}${replica.headers.etag ? ', 304' : ''}`);
  }
  // However a browser spells Accept-Encoding, nginx asks for (and keys on) the coding the blog would choose.
  const spellings = [
    ['gzip, deflate, br, zstd', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0.5, br;q=0.000', 'gzip'],
    ['gzip;q=0, br;q=0', undefined],
    ['deflate', undefined],
  ];
  for (const [acceptEncoding, coding] of spellings) {
    const answer = await request(nginxPort, '/', { headers: { ...host, 'accept-encoding': acceptEncoding } });
    if (answer.headers['content-encoding'] !== coding) fail(`nginx: Accept-Encoding "${acceptEncoding}" got Content-Encoding ${answer.headers['content-encoding']}, expected ${coding ?? 'none'}`);
  }
  // The site's name however a client spells it (capitals, a port) reaches the replicas as a Host
  // their request checks accept; any other name is dropped.
  for (const spelling of [serverName.toUpperCase(), `${serverName}:${nginxPort}`]) {
    const answer = await request(nginxPort, '/robots.txt', { headers: { host: spelling } });
    if (answer.status !== 200) fail(`nginx: Host ${spelling} got ${answer.status}, not 200`);
  }
  const stranger = await request(nginxPort, '/', { headers: { host: 'elsewhere.test' } }).then(
    (answer) => `a ${answer.status}`,
    () => null,
  );
  if (stranger !== null) fail(`nginx answered a request for an unknown Host with ${stranger}; it must close the connection (444)`);
}

/**
 * Through a second nginx whose cached pages expire after a second: each expired page is
 * revalidated with its ETag (If-None-Match) and a replica answers 304 (REVALIDATED), also when the
 * copy came from the other replica (nginx alternates between them).
 */
async function checkRevalidation(nginxPort, replicaAnswers, portA) {
  console.log('\nThrough nginx, pages expiring after 1 s: revalidated with their ETags');
  const headers = { host: serverName, 'accept-encoding': 'br' };
  const cacheable = pages.filter((page) => replicaAnswers.get(page).status === 200 && /\bpublic\b/.test(String(replicaAnswers.get(page).headers['cache-control'])));
  const cachedFrom = new Map();
  for (const page of cacheable) cachedFrom.set(page, (await request(nginxPort, page, { headers })).headers['x-upstream']);
  // An odd number of upstream requests in between: nginx's round robin then sends each
  // revalidation to the replica that did not make the cached copy.
  if (cacheable.length % 2 === 0) await request(nginxPort, '/replica-test-shift', { headers });
  // nginx keeps time in whole seconds and a copy valid for 1 s stays fresh through the next one.
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  let crossed = 0;
  for (const page of cacheable) {
    const expected = await request(portA, page, { headers: { 'accept-encoding': 'br' } });
    const answer = await request(nginxPort, page, { headers });
    const status = answer.headers['x-cache-status'];
    const from = answer.headers['x-upstream'];
    if (status !== 'REVALIDATED') fail(`nginx ${page}: after expiry X-Cache-Status ${status} from ${from}, expected REVALIDATED (a 304 for the cached ETag)`);
    if (answer.status !== 200 || !answer.body.equals(expected.body)) fail(`nginx ${page}: the revalidated page is not the replicas' page (${answer.status})`);
    if (status === 'REVALIDATED' && from !== cachedFrom.get(page)) crossed += 1;
    console.log(`  ${page}: cached from ${cachedFrom.get(page)}, ${status} by ${from}`);
  }
  if (crossed === 0) fail('nginx: no page was revalidated by the replica other than the one that made its cached copy');
}

/** Starts nginx with the deployed configuration, runs `check` against it, and wants an empty error log. */
async function withNginx({ binary, replicaPorts, expireAfterSeconds }, check) {
  const dir = nginxDir();
  temp.push(dir);
  const listenPort = await freePort();
  const siteConfig = readFileSync(path.join(repo, 'deploy/nginx/cited.conf'), 'utf8');
  const nginx = startNginx({ dir, binary, siteConfig, replicaPorts, listenPort, serverName, expireAfterSeconds });
  processes.push(nginx.proc);
  // A 404 (never cached): the readiness probe leaves nothing in nginx's cache.
  await waitForAnswer(nginx.proc, listenPort, '/replica-test-ready', { headers: { host: serverName }, timeoutMs: 15_000 });
  await check(listenPort);
  await stopChild(nginx.proc);
  const log = nginx.errorLog().trim();
  if (log) fail(`nginx's error log is not empty:\n${log}`);
}

async function main() {
  if (!existsSync(path.join(blogDir, 'build/server/index.js'))) {
    throw new Error('No blog build at apps/blog/build: run `npx turbo run build --filter=@cited/blog` first (this test builds nothing).');
  }
  const asset = readdirSync(path.join(blogDir, 'build/client/assets')).find((name) => name.endsWith('.css'));
  if (asset) pages.splice(pages.indexOf('/favicon.svg') + 1, 0, `/assets/${asset}`);
  const nginxBinary = findNginx();
  if (!nginxBinary) throw new Error('nginx is not installed: `apt-get install -y nginx` (.ci/run installs it).');

  const cleanUp = async () => {
    for (const proc of [...processes].reverse()) await stopChild(proc);
    removeTemp();
  };
  try {
    const articlesDir = writeReplicaSite(path.join(blogDir, 'content/articles/failed-back-surgery-syndrome.md'));
    // B reads its own copy of the same files, at another path, as a replica on another machine
    // (or another checkout) would: no page may depend on where the content is.
    const articlesCopy = mkdtempSync(path.join(tmpdir(), 'cited-replica-b-articles-'));
    cpSync(articlesDir, articlesCopy, { recursive: true });
    const cacheA = mkdtempSync(path.join(tmpdir(), 'cited-replica-a-cache-'));
    const cacheB = mkdtempSync(path.join(tmpdir(), 'cited-replica-b-cache-'));
    const siteDir = mkdtempSync(path.join(tmpdir(), 'cited-replicas-site-'));
    const siteConfig = writeReplicaSiteConfig(path.join(blogDir, 'content/site.yml'), siteDir);
    temp.push(articlesDir, articlesCopy, cacheA, cacheB, siteDir);
    const [portA, portB] = [await freePort(), await freePort()];
    if (portA === portB) throw new Error('the OS gave one free port twice; run again');

    let replicaA = await startReplica('A', { port: portA, cacheDir: cacheA, articlesDir, siteConfig });
    await startReplica('B', { port: portB, cacheDir: cacheB, articlesDir: articlesCopy, siteConfig });
    await compareReplicas(`Replicas A (port ${portA}) and B (port ${portB}), each cold on its own cache`, portA, portB);

    await stopChild(replicaA);
    processes.splice(processes.indexOf(replicaA), 1);
    replicaA = await startReplica('A', { port: portA, cacheDir: cacheA, articlesDir, siteConfig });
    const answers = await compareReplicas('A restarted on its warm cache, B still running', portA, portB);

    await withNginx({ binary: nginxBinary, replicaPorts: [portA, portB] }, (port) => checkProxy(port, answers, portA));
    await withNginx({ binary: nginxBinary, replicaPorts: [portA, portB], expireAfterSeconds: 1 }, (port) => checkRevalidation(port, answers, portA));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  } finally {
    if (failures.length > 0) {
      for (const proc of processes) console.error(`\n--- output of ${proc.name} ---\n${proc.output().trim()}`);
    }
    await cleanUp();
  }
}

// A reader that stops reading (`| head`) must not kill the run before it stops its processes.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
// Interrupted (Ctrl-C, a CI timeout): the replicas and nginx are stopped by pid before exiting.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\nReplica test interrupted (${signal}): stopping its processes.`);
    Promise.all(processes.map((proc) => stopChild(proc)))
      .then(removeTemp)
      .finally(() => process.exit(1));
  });
}

main().then(
  () => {
    if (failures.length > 0) {
      console.error(`\nReplica test FAILED: ${failures.length} problem(s), listed above.`);
      process.exit(1);
    }
    console.log('\nReplica test passed: the replicas answer identical bytes and ETags, and nginx caches and revalidates them.');
  },
  (error) => {
    console.error(`\nReplica test FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
