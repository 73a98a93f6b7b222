// Compile-time benchmark on the built package (run `npm run build` first): the seed article and
// synthetic articles 10× and 100× its size. Cost per KB must stay roughly flat: the 100×/1× ratio of
// ms/KB must be within 2×, or something in the pipeline is superlinear.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument, stringify } from 'yaml';
import { compileArticle } from '../dist/index.js';

const seedPath = fileURLToPath(new URL('../../../apps/blog/content/articles/failed-back-surgery-syndrome.md', import.meta.url));
const seed = readFileSync(seedPath, 'utf8');
const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(seed);
if (!match) throw new Error('The seed article has no frontmatter');
const frontmatter = parseDocument(match[1]).toJS();
const body = match[2];
const keys = frontmatter.references.map((reference) => reference.id);

/** The seed repeated `copies` times, each copy with its own reference keys and headings. */
function synthesize(copies) {
  if (copies === 1) return seed;
  const references = [];
  const bodies = [];
  for (let copy = 0; copy < copies; copy += 1) {
    const rename = (key) => `${key}-${copy}`;
    references.push(...frontmatter.references.map((reference) => ({ ...reference, id: rename(reference.id) })));
    let text = body;
    for (const key of keys) {
      text = text.replaceAll(`:cite[${key}]`, `:cite[${rename(key)}]`).replaceAll(`cite=${key} `, `cite=${rename(key)} `).replaceAll(`cite=${key}}`, `cite=${rename(key)}}`);
    }
    text = text.replace(/^(#{2,3} .*)$/gm, `$1 (part ${copy + 1})`);
    bodies.push(text);
  }
  return `---\n${stringify({ ...frontmatter, references })}---\n${bodies.join('\n')}`;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure(source, runs) {
  const times = [];
  let result;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    result = compileArticle(source, { path: 'bench.md', now: new Date('2026-11-24') });
    times.push(performance.now() - started);
  }
  return { ms: median(times), result };
}

// Warm up the JIT so the 1× figure is not dominated by first-run compilation.
for (let run = 0; run < 10; run += 1) compileArticle(seed, { path: 'warmup.md' });

const rows = [];
for (const [copies, runs] of [
  [1, 30],
  [10, 7],
  [100, 3],
]) {
  const source = synthesize(copies);
  const kb = Buffer.byteLength(source) / 1024;
  const { ms, result } = measure(source, runs);
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) throw new Error(`${copies}× synthetic article has errors: ${errors[0].ruleId} ${errors[0].message}`);
  if (result.references.length !== keys.length * copies) throw new Error(`${copies}×: expected ${keys.length * copies} references`);
  rows.push({ size: `${copies}×`, kb, ms, msPerKb: ms / kb, references: result.references.length });
}

console.log('size   KB        ms        ms/KB   references');
for (const row of rows) {
  console.log(
    `${row.size.padEnd(6)} ${row.kb.toFixed(1).padStart(8)} ${row.ms.toFixed(1).padStart(9)} ${row.msPerKb.toFixed(3).padStart(10)} ${String(row.references).padStart(10)}`,
  );
}
const ratio = rows[2].msPerKb / rows[0].msPerKb;
const pass = ratio <= 2;
console.log(`\nms/KB ratio 100×/1×: ${ratio.toFixed(2)} (limit 2.00) ${pass ? 'PASS' : 'FAIL'}`);
process.exitCode = pass ? 0 : 1;
