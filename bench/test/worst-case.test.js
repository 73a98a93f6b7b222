// The worst-case section: which files it compiles, how it ranks them and how the row reads. No timing is
// asserted: a fake compiler reports a fixed CPU cost per file through the cpuUsage it is measured with.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadCorpora, measureWorstCase, rows } from '../lib/sections/worst-case.js';

describe('worst-case compile section', () => {
  afterEach(() => vi.restoreAllMocks());

  it('loads every hostile fixture and every malformed case, as bytes', async () => {
    const cases = await loadCorpora();
    const names = cases.map((entry) => entry.name);
    expect(cases.filter((entry) => entry.corpus === 'hostile').length).toBeGreaterThan(500);
    for (const name of ['deep-directives', 'deep-emphasis', 'deep-links', 'deep-yaml', 'megabyte-title', 'ten-megabytes']) expect(names).toContain(name);
    expect(cases.every((entry) => entry.bytes.length >= 0 && typeof entry.bytes.subarray === 'function')).toBe(true);
  });

  it('ranks files by their best round and divides the worst by the seed', () => {
    // Each "compile" advances the fake CPU clock by a cost named in the bytes.
    let clockMicros = 0;
    vi.spyOn(process, 'cpuUsage').mockImplementation(() => ({ user: clockMicros, system: 0 }));
    const costs = { seed: 10, cheap: 5, slow: 42 };
    let slowRuns = 0;
    const compileArticle = (bytes) => {
      const name = Buffer.from(bytes).toString();
      // The slow file is disturbed once (a load burst): its best round counts, not its worst.
      clockMicros += 1000 * (name === 'slow' && slowRuns++ === 0 ? 500 : costs[name]);
    };
    const cases = ['cheap', 'slow'].map((name) => ({ corpus: 'test', name, bytes: Buffer.from(name) }));
    const data = measureWorstCase(compileArticle, Buffer.from('seed'), cases, 3);
    expect(data.seedMs).toBe(10);
    expect(data.worst).toMatchObject({ name: 'slow', ms: 42 });
    expect(data.ratio).toBeCloseTo(4.2);
    expect(data.top.map((entry) => entry.name)).toEqual(['slow', 'cheap']);
    const [target] = rows(data);
    expect(target).toMatchObject({ status: 'PASS', target: '≤ 5×' });
    expect(target.figure).toBe('4.20× (slow: 42.0 ms vs seed 10.0 ms)');
    expect(rows({ ...data, ratio: 5.01 })[0].status).toBe('FAIL');
  });
});
