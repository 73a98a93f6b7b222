// The ceiling: a minimal node:http server that answers each snapshotted path with the exact
// status, headers and body bytes the app sent, from memory. No routing framework, no
// rendering, no compression at request time: the most one Node process can do for these bytes.
// Usage: node ceiling-server.js <snapshot.json> <port>
import { readFileSync } from 'node:fs';
import http from 'node:http';

const [snapshotPath, portArgument] = process.argv.slice(2);
const snapshot = JSON.parse(readFileSync(snapshotPath, 'utf8'));

const routes = new Map(
  snapshot.responses.map((entry) => [
    entry.path,
    { status: entry.status, headers: entry.headers, body: Buffer.from(entry.bodyBase64, 'base64') },
  ]),
);

const server = http.createServer((req, res) => {
  const route = routes.get(req.url);
  if (!route) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not in snapshot');
    return;
  }
  res.writeHead(route.status, route.headers);
  res.end(route.body);
});

server.listen(Number(portArgument), '127.0.0.1', () => {
  process.stdout.write(`ceiling listening on ${portArgument}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
