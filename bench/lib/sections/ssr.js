// 1. Origin SSR next to its ceiling and a caching proxy, same pages, same load, same run.
import http from 'node:http';
import { ARTICLE_PATH, INDEX_PATH, startBlog } from '../app.js';
import { snapshotResponses, startCeiling } from '../ceiling.js';
import { BROWSER_ACCEPT_ENCODING, request } from '../http.js';
import { runLoad } from '../load.js';
import { findNginx, NGINX_INSTALL_HINT, startNginx } from '../nginx.js';
import { infoRow, targetRow } from '../report.js';
import { formatMs, formatPercent, median, ratio } from '../stats.js';

export const id = 'ssr';
/** Measures the shared production server run.js starts (default content). */
export const usesSharedBlog = true;
export const title = 'Origin SSR vs ceiling vs caching proxy';

const PAGES = [
  { name: 'article', path: ARTICLE_PATH },
  { name: 'index', path: INDEX_PATH },
];
// Every row gets exactly these request headers, as a phone's browser would send.
const REQUEST_HEADERS = { 'accept-encoding': BROWSER_ACCEPT_ENCODING, accept: 'text/html' };

async function cacheProbe(origin, urlPath) {
  const first = await request(new URL(urlPath, origin), { headers: REQUEST_HEADERS });
  const second = await request(new URL(urlPath, origin), { headers: REQUEST_HEADERS });
  return {
    firstStatus: first.headers['x-cache-status'] ?? null,
    secondStatus: second.headers['x-cache-status'] ?? null,
    cacheControl: second.headers['cache-control'] ?? null,
    vary: second.headers.vary ?? null,
    setCookie: Boolean(second.headers['set-cookie']),
  };
}

function summarizeLoad(result, cpuName) {
  const cpuMs = result.serverCpuMs[cpuName];
  return {
    requestsPerSecond: result.requestsPerSecond,
    totalRequests: result.totalRequests,
    latencyMs: result.latencyMs,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: result.statusCodes,
    errorCodes: result.errorCodes ?? {},
    serverCpuMsPerRequest: cpuMs != null && result.totalRequests > 0 ? cpuMs / result.totalRequests : null,
    appCpuMsPerRequest:
      result.serverCpuMs.app != null && cpuName !== 'app' && result.totalRequests > 0 ? result.serverCpuMs.app / result.totalRequests : null,
    connections: result.connections,
    loadGeneratorCpuMsPerRequest: result.loadGeneratorCpuMs != null && result.totalRequests > 0 ? result.loadGeneratorCpuMs / result.totalRequests : null,
    otherCpuShare: result.otherCpuShare,
  };
}

const UNCACHED_SAMPLES = 20;

/**
 * What a render costs when server.js's rendered-HTML cache does not have the page (first request
 * after a deploy or an edit): a second server with HTML_CACHE=0, sequential requests, median.
 */
async function uncachedRenderTimes(start) {
  const blog = await start({ env: { HTML_CACHE: '0' } });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const result = {};
    for (const page of PAGES) {
      const url = new URL(page.path, blog.origin);
      const times = [];
      for (let i = 0; i < UNCACHED_SAMPLES + 3; i += 1) {
        const response = await request(url, { headers: REQUEST_HEADERS, agent });
        if (response.status !== 200) throw new Error(`${page.path} answered ${response.status} with HTML_CACHE=0`);
        if (i >= 3) times.push(response.ms); // first 3: warm-up
      }
      result[page.name] = { medianMs: median(times) };
    }
    return result;
  } finally {
    agent.destroy();
    await blog.stop();
  }
}

export async function run(ctx) {
  const blog = await ctx.blog();
  const load = { durationSeconds: ctx.options.durationSeconds, warmupSeconds: ctx.options.warmupSeconds, connections: ctx.options.connections, headers: REQUEST_HEADERS };

  // Prime first, so the ceiling replays the app's steady-state answer (its HTML cache warm).
  await snapshotResponses(blog.origin, PAGES.map((page) => page.path), REQUEST_HEADERS);
  const snapshot = await snapshotResponses(blog.origin, PAGES.map((page) => page.path), REQUEST_HEADERS);
  for (const response of snapshot.responses) {
    if (response.status !== 200) throw new Error(`${response.path} answered ${response.status}; the bench needs 200 pages`);
  }
  // Is the page the same bytes on every request? (A CDN and ETags need that; a nonce breaks it.)
  const repeat = await snapshotResponses(blog.origin, PAGES.map((page) => page.path), REQUEST_HEADERS);
  const stableBytes = Object.fromEntries(
    snapshot.responses.map((response, index) => [response.path, response.bodyBase64 === repeat.responses[index].bodyBase64]),
  );

  const ceiling = await startCeiling(snapshot);
  const nginxBinary = findNginx();
  let nginx = null;
  let nginxSkipReason = null;
  if (!nginxBinary) {
    nginxSkipReason = `nginx not found; install it with \`${NGINX_INSTALL_HINT}\``;
    ctx.log(`  ${nginxSkipReason} — skipping the caching-proxy rows`);
  } else {
    nginx = await startNginx({ binary: nginxBinary, upstreamPort: blog.port, readyPath: INDEX_PATH });
  }

  const pages = {};
  try {
    for (const page of PAGES) {
      const response = snapshot.responses.find((entry) => entry.path === page.path);
      const pageData = {
        path: page.path,
        bytes: response.bodyBytes,
        contentEncoding: response.contentEncoding,
        cacheControl: response.cacheControl,
        stableBytes: stableBytes[page.path],
        rows: {},
      };
      ctx.log(`  ${page.path}: ceiling…`);
      pageData.rows.ceiling = summarizeLoad(await runLoad({ ...load, url: new URL(page.path, ceiling.origin).href, cpuPids: { ceiling: ceiling.proc.pid } }), 'ceiling');
      ctx.log(`  ${page.path}: app…`);
      pageData.rows.app = summarizeLoad(await runLoad({ ...load, url: new URL(page.path, blog.origin).href, cpuPids: { app: blog.proc.pid } }), 'app');
      if (nginx) {
        pageData.proxyCache = await cacheProbe(nginx.origin, page.path);
        ctx.log(`  ${page.path}: nginx cache (${pageData.proxyCache.secondStatus ?? 'no X-Cache-Status'} on a repeat request)…`);
        pageData.rows.proxy = summarizeLoad(
          await runLoad({ ...load, url: new URL(page.path, nginx.origin).href, cpuPids: { nginx: nginx.proc.pid, app: blog.proc.pid } }),
          'nginx',
        );
      }
      // CPU per request is what one server core can sustain regardless of the load generator
      // (which, on 2 cores, bounds the ceiling row's req/s).
      pageData.appCpuVsCeiling = ratio(pageData.rows.app.serverCpuMsPerRequest, pageData.rows.ceiling.serverCpuMsPerRequest);
      pageData.appVsCeiling = ratio(pageData.rows.app.requestsPerSecond, pageData.rows.ceiling.requestsPerSecond);
      pageData.proxyVsCeiling = nginx ? ratio(pageData.rows.proxy.requestsPerSecond, pageData.rows.ceiling.requestsPerSecond) : null;
      pages[page.name] = pageData;
    }
  } finally {
    await ceiling.stop();
    if (nginx) await nginx.stop();
  }
  ctx.log('  render cost without the HTML cache (HTML_CACHE=0)…');
  const uncached = await uncachedRenderTimes(ctx.startBlog ?? startBlog);
  return {
    uncached,
    uncachedSamples: UNCACHED_SAMPLES,
    load: { connections: load.connections, durationSeconds: load.durationSeconds, warmupSeconds: load.warmupSeconds, requestHeaders: REQUEST_HEADERS, generator: 'autocannon in a child process, one per row' },
    nginx: nginx ? { version: nginx.version } : { skipped: nginxSkipReason },
    pages,
  };
}

const rps = (row) => (row ? `${Math.round(row.requestsPerSecond).toLocaleString('en-US')} req/s` : 'n/a');
const latency = (row) => (row ? `p50 ${row.latencyMs.p50} ms, p99 ${row.latencyMs.p99} ms` : 'n/a');
const cpu = (row) =>
  `${row?.serverCpuMsPerRequest != null ? `, ${row.serverCpuMsPerRequest.toFixed(2)} ms CPU/req` : ''}${row?.otherCpuShare != null ? `, others ${formatPercent(row.otherCpuShare, 0)} of machine` : ''}`;
const errorsOf = (row) => (row ? row.non2xx + row.errors : 0);

export function rows(data) {
  const out = [];
  const article = data.pages.article;
  for (const [name, page] of Object.entries(data.pages)) {
    const label = name === 'article' ? 'article' : 'index /';
    out.push(infoRow('SSR', `${label}: ceiling (node:http from memory)`, `${rps(page.rows.ceiling)}; ${latency(page.rows.ceiling)}${cpu(page.rows.ceiling)}`));
    out.push(infoRow('SSR', `${label}: app (npm start)`, `${rps(page.rows.app)}; ${latency(page.rows.app)}${cpu(page.rows.app)}`));
    if (page.rows.proxy) {
      out.push(infoRow('SSR', `${label}: nginx cache → app`, `${rps(page.rows.proxy)}; ${latency(page.rows.proxy)}${cpu(page.rows.proxy)}; repeat request ${page.proxyCache.secondStatus ?? 'no cache status'}`));
    }
    if (page.appCpuVsCeiling != null) {
      out.push(infoRow('SSR', `${label}: app CPU/req ÷ ceiling CPU/req`, `${page.appCpuVsCeiling.toFixed(1)}×`));
    }
    if (name !== 'article') {
      out.push(infoRow('SSR', `${label}: app ÷ ceiling`, formatPercent(page.appVsCeiling)));
      if (page.rows.proxy) out.push(infoRow('SSR', `${label}: cache ÷ ceiling`, formatPercent(page.proxyVsCeiling)));
    }
  }
  for (const [name, entry] of Object.entries(data.uncached ?? {})) {
    out.push(infoRow('SSR', `${name === 'article' ? 'article' : 'index /'}: one render with HTML_CACHE=0`, `${formatMs(entry.medianMs, 2)} (median of ${data.uncachedSamples} sequential)`));
  }
  out.push(targetRow('SSR', 'article: app ÷ ceiling req/s', formatPercent(article.appVsCeiling), '≥ 5%', article.appVsCeiling >= 0.05));
  out.push(targetRow('SSR', `article: app p99 at ${data.load.connections} connections`, formatMs(article.rows.app.latencyMs.p99, 0), '< 50 ms', article.rows.app.latencyMs.p99 < 50));
  const rowsWithErrors = [];
  let totalBad = 0;
  for (const [name, page] of Object.entries(data.pages)) {
    for (const [rowName, row] of Object.entries(page.rows)) {
      const bad = errorsOf(row);
      totalBad += bad;
      const codes = Object.entries(row.errorCodes ?? {}).map(([code, count]) => `${code} ×${count}`).join(', ');
      if (bad > 0) rowsWithErrors.push(`${name}/${rowName}: ${row.non2xx} non-2xx, ${row.errors} socket errors${codes ? ` (${codes})` : ''}`);
    }
  }
  out.push(targetRow('SSR', 'non-2xx + socket errors (every row)', rowsWithErrors.length ? rowsWithErrors.join('; ') : '0', '0', totalBad === 0));
  if (article.rows.proxy) {
    out.push(targetRow('SSR', 'article: cache ÷ ceiling req/s', formatPercent(article.proxyVsCeiling), '≥ 50%', article.proxyVsCeiling >= 0.5));
  } else {
    out.push({ section: 'SSR', measure: 'article: cache ÷ ceiling req/s', figure: data.nginx.skipped, target: '≥ 50%', status: 'SKIP' });
  }
  for (const [name, page] of Object.entries(data.pages)) {
    if (page.proxyCache && page.proxyCache.secondStatus !== 'HIT') {
      out.push(infoRow('SSR', `${name}: not cached by the proxy`, `X-Cache-Status ${page.proxyCache.secondStatus}; Cache-Control: ${page.proxyCache.cacheControl ?? 'none'}${page.proxyCache.setCookie ? '; sets a cookie' : ''}`));
    }
    if (!page.stableBytes) out.push(infoRow('SSR', `${name}: bytes differ between two requests`, 'yes (per-request content such as a nonce)'));
  }
  return out;
}

export function markdown(data) {
  const lines = [
    '## 1. Origin SSR',
    '',
    `Load: autocannon ${data.load.connections} connections, ${data.load.warmupSeconds} s warm-up then ${data.load.durationSeconds} s measured, in a child process (same for every row). Request headers: \`${Object.entries(data.load.requestHeaders).map(([k, v]) => `${k}: ${v}`).join('`, `')}\`.`,
    'Ceiling: node:http answering the snapshotted response (same status, headers and — already compressed — body bytes the app sent) from memory. Cache: nginx ' +
      `${data.nginx.version ?? '(skipped)'} with proxy_cache honouring the app's own Cache-Control (no proxy_cache_valid, no ignored headers), one worker, loopback.`,
    'CPU/req is the server process tree\'s user+system CPU time over the measured run divided by the requests served — the least noise-sensitive figure here. On 2 cores the load generator itself needs most of a core, so the ceiling\'s req/s is bounded by the generator as much as by the server: the CPU/req ratio says how far apart the servers really are.',
    '',
    '"others" is the share of the whole machine\'s CPU (all cores) used during the measured run by processes that are neither this row\'s servers nor its load generator: the machine\'s busy share over the run (/proc/stat, every core, stolen time not busy) times the part of the processes\' CPU time (/proc/<pid>/stat) that was not this row\'s; time of processes that ended during the run is split in the same proportion. Both parts are fractions, so the figure is between 0% and 100%: the noise each row was measured under.',
    '',
    '| Page | Row | req/s | p50 | p99 | max | non-2xx | errors | server CPU/req | ÷ ceiling | others |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [name, page] of Object.entries(data.pages)) {
    for (const [rowName, row] of Object.entries(page.rows)) {
      const share = rowName === 'ceiling' ? '100%' : formatPercent(ratio(row.requestsPerSecond, page.rows.ceiling.requestsPerSecond));
      const cpuText = row.serverCpuMsPerRequest != null ? `${row.serverCpuMsPerRequest.toFixed(3)} ms${row.appCpuMsPerRequest != null ? ` (+ app ${row.appCpuMsPerRequest.toFixed(3)} ms)` : ''}` : 'n/a';
      lines.push(`| ${name} \`${page.path}\` | ${rowName} | ${Math.round(row.requestsPerSecond)} | ${row.latencyMs.p50} ms | ${row.latencyMs.p99} ms | ${row.latencyMs.max} ms | ${row.non2xx} | ${row.errors} | ${cpuText} | ${share} | ${formatPercent(row.otherCpuShare, 0)} |`);
    }
  }
  lines.push('');
  for (const [name, entry] of Object.entries(data.uncached ?? {})) {
    lines.push(`- ${name}: one render without the rendered-HTML cache (second server with \`HTML_CACHE=0\`, sequential keep-alive requests) takes ${formatMs(entry.medianMs, 2)} (median of ${data.uncachedSamples}); the rows above are what production serves: cache hits.`);
  }
  for (const [name, page] of Object.entries(data.pages)) {
    lines.push(`- ${name}: ${page.bytes} bytes on the wire (${page.contentEncoding ?? 'identity'}), Cache-Control \`${page.cacheControl ?? 'none'}\`, identical bytes on two requests: ${page.stableBytes ? 'yes' : 'no'}${page.proxyCache ? `, proxy on a repeat request: ${page.proxyCache.secondStatus}` : ''}.`);
  }
  return lines.join('\n');
}
