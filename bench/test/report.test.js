import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ANALYSIS_END, ANALYSIS_START, formatTable, infoRow, markdownTable, preservedAnalysis, renderMarkdown, summarize, targetRow } from '../lib/report.js';

const rows = [
  targetRow('SSR', 'article: app ÷ ceiling req/s', '3.2%', '≥ 5%', false),
  targetRow('SSR', 'p99', '12 ms', '< 50 ms', true),
  infoRow('Weight', 'requests', '3'),
  targetRow('Lighthouse', 'all', 'Chromium missing', '100', null),
];

describe('rows', () => {
  it('turn a check into PASS, FAIL or SKIP and keep the honest figure', () => {
    expect(rows.map((row) => row.status)).toEqual(['FAIL', 'PASS', 'INFO', 'SKIP']);
    expect(rows[0].figure).toBe('3.2%');
    expect(summarize(rows)).toEqual({ pass: 1, fail: 1, skip: 1, error: 0, info: 1 });
  });
});

describe('formatTable', () => {
  it('aligns columns and marks failures', () => {
    const table = formatTable(rows).split('\n');
    expect(table[0]).toMatch(/^Section\s+Measure\s+Figure\s+Target\s+Result$/);
    const failing = table.find((line) => line.includes('app ÷ ceiling'));
    expect(failing).toMatch(/FAIL ✗$/);
    // Columns line up: "Figure" starts at the same offset in the header and a data row.
    expect(failing.indexOf('3.2%')).toBe(table[0].indexOf('Figure'));
    // A blank line separates sections.
    expect(table).toContain('');
  });
});

describe('markdown', () => {
  it('escapes pipes inside cells', () => {
    const table = markdownTable([infoRow('A', 'x | y', '1')]);
    expect(table).toContain('x \\| y');
  });

  it('keeps the hand-written analysis when the file is regenerated', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cited-bench-report-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'performance.md');
    writeFileSync(file, `# Old\n\n${ANALYSIS_START}\nThe index is slow because X.\n${ANALYSIS_END}\n\nold figures`);
    const analysis = preservedAnalysis(file);
    expect(analysis).toBe('The index is slow because X.');
    const results = {
      date: '2026-01-01T00:00:00.000Z',
      git: { commit: 'abcdef1234567890', dirty: false },
      machine: { cpus: 2, cpuModel: 'Test CPU', memoryBytes: 2 * 1024 ** 3, platform: 'Linux', node: 'v20', loadAverageAtStart: [1, 1, 1], loadAverageAtEnd: [2, 2, 2], tools: { nginx: '1.22.1', chromium: 'Chromium 1', lighthouse: '12.8.2', autocannon: '8.0.0' } },
      summary: summarize(rows),
      rows,
    };
    const markdown = renderMarkdown(results, ['## Details\n\nmore'], analysis);
    expect(markdown).toContain('2 × Test CPU');
    expect(markdown).toContain('The index is slow because X.');
    expect(markdown).toContain('| SSR | article: app ÷ ceiling req/s | 3.2% | ≥ 5% | ❌ FAIL |');
    expect(markdown).toContain('## Details');
    expect(markdown).not.toContain('old figures');
    expect(preservedAnalysis(path.join(dir, 'missing.md'))).toBeNull();
  });
});
