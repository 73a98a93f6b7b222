#!/usr/bin/env node
/**
 * Measures what @cited/ui costs (the built package in packages/ui/dist) and keeps the table in
 * packages/ui/README.md true: the stylesheet as shipped, and the JavaScript an app's bundler adds,
 * bundled and minified by esbuild with React left out, for everything, for Citation alone and for
 * @cited/ui/theme. gzip at zlib's default level.
 *
 *   node scripts/measure-ui.mjs            print the table
 *   node scripts/measure-ui.mjs --write    write it into the README (between the sizes markers)
 *   node scripts/measure-ui.mjs --check    fail if the README's table is not the measured one
 *                                          (run by `npm run lint:package -w @cited/ui`)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const packageDir = path.resolve(import.meta.dirname, '../packages/ui');
const dist = path.join(packageDir, 'dist');
const readmePath = path.join(packageDir, 'README.md');
const [start, end] = ['<!-- sizes:start (scripts/measure-ui.mjs --write) -->', '<!-- sizes:end -->'];

if (!existsSync(path.join(dist, 'index.js'))) {
  console.error('packages/ui/dist is missing: run `npm run build -w @cited/ui` first.');
  process.exit(1);
}

const sizes = (bytes) => ({ minified: bytes.length, gzip: gzipSync(bytes).length });
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;

async function bundle(contents) {
  const result = await build({
    stdin: { contents, resolveDir: dist, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    external: ['react', 'react/*', 'react-dom', 'react-dom/*'],
    logLevel: 'error',
  });
  return sizes(Buffer.from(result.outputFiles[0].contents));
}

const rows = [
  ['`styles.css` (every component, both themes)', sizes(readFileSync(path.join(dist, 'styles.css')))],
  ['JavaScript of everything in `@cited/ui`', await bundle(`export * from './index.js';`)],
  ['JavaScript of `Citation` alone (what an app importing only it bundles)', await bundle(`export { Citation } from './index.js';`)],
  ['`@cited/ui/theme` (theme class names, raw token values, contrast helpers), only if you import it', await bundle(`export * from './theme.js';`)],
];
const table = [
  start,
  '| | Minified | gzip |',
  '| --- | --- | --- |',
  ...rows.map(([label, { minified, gzip }]) => `| ${label} | ${kB(minified)} | ${kB(gzip)} |`),
  end,
].join('\n');

const readme = readFileSync(readmePath, 'utf8');
const from = readme.indexOf(start);
const to = readme.indexOf(end);
if (from === -1 || to === -1) {
  console.error(`packages/ui/README.md has no ${start} … ${end} markers`);
  process.exit(1);
}
const updated = `${readme.slice(0, from)}${table}${readme.slice(to + end.length)}`;

if (process.argv.includes('--write')) {
  writeFileSync(readmePath, updated);
  console.log(table);
} else if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error(`packages/ui/README.md's sizes are not the measured ones; run node scripts/measure-ui.mjs --write\n\n${table}`);
    process.exit(1);
  }
  console.log('README sizes match the build.');
} else {
  console.log(table);
}
