/**
 * Malformed articles, reported: compileArticle never throws and gives each a position, and
 * `content:check` lists each with file, line and column (malformed-server.test.ts serves them).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { compileArticle } from '@cited/content';
import { describe, expect, it } from 'vitest';
import { expectNone } from './assertions';
import { blogDir } from './harness';
import { leaksInternals } from '@cited/test-utils/html-audit';
import { goodArticle, malformedCases } from './malformed';

const run = promisify(execFile);
const repoRoot = path.resolve(blogDir, '../..');
const cli = path.join(repoRoot, 'packages/content/bin/cited-content.js');

const NEIGHBOURS = ['good-one', 'good-two'];
/** Where the files would live: compileArticle gets the bytes and only uses the path in its diagnostics. */
const dir = path.join(os.tmpdir(), 'cited-malformed');

describe('compileArticle on malformed files', () => {
  it.each(malformedCases.map((entry) => [entry.name, entry] as const))('%s: reported with a position, never thrown', (_name, entry) => {
    const file = path.join(dir, `${entry.name}.md`);
    const article = compileArticle(entry.bytes(), { path: file });
    const errors = article.diagnostics.filter((d) => d.severity === 'error');
    const summary = article.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`).join('\n');
    if (!entry.mayPass) {
      expect(article.ok, `${entry.description} was accepted:\n${summary}`).toBe(false);
    }
    if (!article.ok) {
      expect(errors.length, `${entry.description}: not ok but no error diagnostic`).toBeGreaterThan(0);
      for (const d of errors) {
        expect(d.file, `${entry.description}: diagnostic file`).toBe(file);
        expect(d.line, `${entry.description}: line of ${d.message}`).toBeGreaterThanOrEqual(1);
        expect(d.column, `${entry.description}: column of ${d.message}`).toBeGreaterThanOrEqual(1);
      }
      if (entry.errorLine !== undefined) {
        // YAML parsers notice some mistakes on the line after them: either line is a useful pointer.
        const near = errors.some((d) => d.line === entry.errorLine || d.line === (entry.errorLine ?? 0) + 1);
        expect(near, `${entry.description}: an error should point at line ${entry.errorLine}:\n${summary}`).toBe(true);
      }
    }
  });
});

/**
 * Error positions per file name from a `content:check` report, in either the grouped vfile-reporter
 * layout ("path/file.md" then "  3:1-3:2  error  message") or one "path/file.md:3:1 error" per line.
 */
function errorPositionsByFile(output: string): Map<string, string[]> {
  const positions = new Map<string, string[]>();
  const add = (file: string, position: string) => {
    const name = path.basename(file.trim());
    positions.set(name, [...(positions.get(name) ?? []), position]);
  };
  let current: string | undefined;
  for (const line of output.split('\n')) {
    const inline = /(\S+\.md):(\d+:\d+)\S*\s+(?:error|✖)/.exec(line);
    if (inline?.[1] && inline[2]) {
      add(inline[1], inline[2]);
      continue;
    }
    if (/\.md\s*$/.test(line) && !/^\s*\d+:\d+/.test(line)) {
      current = line;
      continue;
    }
    const grouped = /^\s*(\d+:\d+)(?:-\d+:\d+)?\s+error\b/.exec(line);
    if (grouped?.[1] && current) add(current, grouped[1]);
    if (line.trim() === '') current = undefined;
  }
  return positions;
}

describe('content:check on a directory of malformed files', () => {
  it('exits non-zero and lists every broken file with file:line:column', async () => {
    const cliDir = mkdtempSync(path.join(os.tmpdir(), 'cited-malformed-cli-'));
    for (const entry of malformedCases) writeFileSync(path.join(cliDir, `${entry.name}.md`), entry.bytes());
    for (const slug of NEIGHBOURS) writeFileSync(path.join(cliDir, `${slug}.md`), goodArticle(slug, `NEIGHBOUR-${slug}`));
    const result = await run(process.execPath, [cli, 'check', cliDir], { maxBuffer: 64 * 1024 * 1024 }).then(
      ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({
        code: error.code ?? -1,
        output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
      }),
    );
    expect(result.code, result.output.slice(0, 2000)).not.toBe(0);
    const reported = errorPositionsByFile(result.output);
    const unreported = malformedCases
      .filter((entry) => !entry.mayPass && !(reported.get(`${entry.name}.md`)?.length))
      .map((entry) => `${entry.name}.md (${entry.description})`);
    expectNone(unreported, `not reported with a position:\n${result.output.slice(0, 3000)}`);
    // The known-good neighbours are not errors.
    for (const slug of NEIGHBOURS) expect(reported.get(`${slug}.md`) ?? []).toEqual([]);
    const withoutDir = result.output.split(cliDir).join('');
    expect(leaksInternals(withoutDir), 'CLI stack trace').toBeUndefined();
    rmSync(cliDir, { recursive: true, force: true });
  });
});

