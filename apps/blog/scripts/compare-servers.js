// Throughput of the production build behind remix-serve vs server.js (with and without its
// rendered-HTML cache). Usage: node scripts/compare-servers.js [path] [seconds] [connections]
// Needs a build (npm run build). Prints a Markdown table for the README.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const [pathname = '/', seconds = '10', connections = '10'] = process.argv.slice(2);

if (!existsSync(path.join(appDir, 'build/server/index.js'))) {
  console.error('No build: run `npm run build` first.');
  process.exit(1);
}

const remixServe = require.resolve('@remix-run/serve/dist/cli.js');
const servers = [
  { name: 'remix-serve', args: [remixServe, 'build/server/index.js'], env: {} },
  { name: 'server.js, HTML cache off', args: ['server.js'], env: { HTML_CACHE: '0' } },
  { name: 'server.js (HTML cache on)', args: ['server.js'], env: {} },
];

function freePort() {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitFor(url, child) {
  for (let i = 0; i < 100; i += 1) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not come up`);
}

const rows = [];
for (const server of servers) {
  const port = await freePort();
  const child = spawn(process.execPath, server.args, {
    cwd: appDir,
    env: { ...process.env, ...server.env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const url = `http://127.0.0.1:${port}${pathname}`;
    await waitFor(url, child);
    const headers = { 'accept-encoding': 'br, gzip' };
    await autocannon({ url, connections: Number(connections), duration: 2, headers }); // warm-up
    const result = await autocannon({ url, connections: Number(connections), duration: Number(seconds), headers });
    rows.push({
      name: server.name,
      rps: Math.round(result.requests.average),
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx,
    });
  } finally {
    child.kill('SIGTERM');
  }
}

console.log(`\n${pathname}, ${connections} connections, ${seconds} s, Accept-Encoding: br, gzip\n`);
console.log('| server | req/s | p50 ms | p99 ms | errors + non-2xx |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(`| ${row.name} | ${row.rps} | ${row.p50} | ${row.p99} | ${row.errors} |`);
