import { describe, expect, it } from 'vitest';
import { compileArticle, readArticleMeta } from '../src/index.js';
import type { Article } from '../src/index.js';
import { article, elements } from './helpers.js';

/** Compiles within a time budget and checks the result is a well-formed Article. */
function compileQuickly(source: string | Uint8Array, budgetMs = 8000): Article {
  const started = performance.now();
  const result = compileArticle(source, { path: 'bad.md', now: new Date('2026-01-01') });
  expect(performance.now() - started).toBeLessThan(budgetMs);
  expect(result.hast.type).toBe('root');
  expect(Array.isArray(result.diagnostics)).toBe(true);
  expect(result.ok).toBe(result.diagnostics.every((diagnostic) => diagnostic.severity !== 'error'));
  for (const diagnostic of result.diagnostics) {
    expect(diagnostic.line).toBeGreaterThanOrEqual(1);
    expect(diagnostic.column).toBeGreaterThanOrEqual(1);
  }
  return result;
}

const ruleIdsOf = (result: Article) => result.diagnostics.map((diagnostic) => diagnostic.ruleId);

describe('bad input never crashes', () => {
  it('empty file', () => {
    expect(ruleIdsOf(compileQuickly(''))).toEqual(['frontmatter-missing']);
    expect(ruleIdsOf(compileQuickly(new Uint8Array()))).toEqual(['frontmatter-missing']);
  });

  it('binary garbage', () => {
    let seed = 42;
    const bytes = new Uint8Array(64 * 1024).map(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed & 0xff;
    });
    const result = compileQuickly(bytes);
    expect(ruleIdsOf(result)).toContain('source-invalid-utf8');
    expect(ruleIdsOf(result)).toContain('frontmatter-missing');
  });

  it('invalid UTF-8: reported at the bad byte, rendered with replacement characters', () => {
    const source = new TextEncoder().encode(article('Caf\u0000'));
    const bytes = new Uint8Array([...source.slice(0, source.indexOf(0)), 0xe9, ...new TextEncoder().encode(' au lait.\n')]);
    const result = compileQuickly(bytes);
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([
      expect.objectContaining({ ruleId: 'source-invalid-utf8', line: 14, column: 4 }),
    ]);
    expect(JSON.stringify(result.hast)).toContain('Caf\uFFFD au lait.');
  });

  it('byte order mark: ignored, frontmatter still found', () => {
    const withBom = compileQuickly(`\uFEFF${article('Text.:cite[a2020]')}`);
    expect(withBom.diagnostics).toEqual([]);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(article('Text.:cite[a2020]'))]);
    expect(compileQuickly(bytes).diagnostics).toEqual([]);
  });

  it('CRLF line endings: same result and positions as LF', () => {
    const lf = article('Text.:cite[a2020]\n\n:::study{cite=a2020}\nNo figure.\n:::\n\nAnd :cite[missing].');
    const crlf = compileQuickly(lf.replace(/\n/g, '\r\n'));
    const plain = compileQuickly(lf);
    expect(crlf.diagnostics.map(({ ruleId, line, column }) => [ruleId, line, column])).toEqual(
      plain.diagnostics.map(({ ruleId, line, column }) => [ruleId, line, column]),
    );
    expect(ruleIdsOf(plain)).toEqual(['directive-missing-attribute', 'cite-unknown-key']);
    expect(crlf.meta.title).toBe('Test article');
    expect(crlf.references).toHaveLength(1);
  });

  it('a 5 MB article: refused with a diagnostic, quickly', () => {
    const result = compileQuickly(article('A sentence of prose. '.repeat(250_000)), 3000);
    expect(ruleIdsOf(result)).toEqual(['source-too-large']);
  });

  it('10,000-deep nested block quotes', () => {
    const result = compileQuickly(article(`${'> '.repeat(10_000)}deep`));
    expect(ruleIdsOf(result)).toContain('source-too-deep');
    expect(JSON.stringify(result.hast)).toContain('deep');
  });

  it('10,000-deep nested lists (markers on one line)', () => {
    const result = compileQuickly(article(`${'- '.repeat(10_000)}deep`));
    expect(ruleIdsOf(result)).toContain('source-too-deep');
  });

  it('1,000-deep nested lists by indentation (10,000 would be a 100 MB file)', () => {
    const lines = Array.from({ length: 1_000 }, (_, index) => `${'  '.repeat(index)}- item ${index}`);
    const result = compileQuickly(article(lines.join('\n')));
    expect(ruleIdsOf(result)).toContain('source-too-deep');
    expect(JSON.stringify(result.hast)).toContain('item 999');
  });

  it('10,000-deep nested quotes and lists mixed', () => {
    const result = compileQuickly(article(`${'> - '.repeat(5_000)}deep`));
    expect(ruleIdsOf(result)).toContain('source-too-deep');
  });

  it('1,000 nested containers', () => {
    const result = compileQuickly(article(`${':::pullquote\n'.repeat(1_000)}x\n${':::\n'.repeat(1_000)}`));
    expect(ruleIdsOf(result)).toContain('source-too-deep');
  });

  // Unguarded, 10,000 of these take micromark minutes (quadratic delimiter matching).
  it('5,000 nested emphasis markers', () => {
    const emphasis = compileQuickly(article(`${'*a '.repeat(5_000)}x${' a*'.repeat(5_000)}`));
    expect(ruleIdsOf(emphasis)).toContain('source-too-complex');
  });

  it('5,000 nested link brackets', () => {
    const brackets = compileQuickly(article(`${'['.repeat(5_000)}x${'](u)'.repeat(5_000)}`));
    expect(ruleIdsOf(brackets)).toContain('source-too-complex');
  });

  it('frontmatter that is not a mapping, or not closed, or an alias bomb', () => {
    expect(ruleIdsOf(compileQuickly('---\n- a\n- b\n---\n\nText.'))).toContain('frontmatter-invalid');
    expect(ruleIdsOf(compileQuickly('---\ntitle: x\n\nText without a closing fence.'))).toEqual(['frontmatter-missing']);
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 10; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const current = String.fromCharCode(97 + level);
      bomb.push(`${current}: &${current} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    expect(ruleIdsOf(compileQuickly(`---\n${bomb.join('\n')}\n---\n\nText.`))).toContain('frontmatter-invalid');
  });

  it('wrong shapes everywhere in the frontmatter', () => {
    const result = compileQuickly(
      '---\ntitle: [1, 2]\ndescription: 3\ncategory: {a: b}\npublished: 2024-13-01\ntags: yes\ncta: nope\nreferences: {a: b}\n---\n\nText.',
    );
    expect(new Set(ruleIdsOf(result))).toEqual(new Set(['frontmatter-invalid', 'frontmatter-invalid-date']));
    expect(result.meta.slug).toBe('bad');
  });

  it('readArticleMeta never throws and returns meta only when valid', () => {
    expect(readArticleMeta(new Uint8Array([0xff, 0xfe, 0x00]), { path: 'x.md' }).meta).toBeUndefined();
    const valid = readArticleMeta(article('Body is not parsed: :::nonsense'), { path: 'valid-file.md' });
    expect(valid.meta).toMatchObject({ title: 'Test article', slug: 'valid-file', published: '2024-01-01' });
    expect(valid.diagnostics).toEqual([]);
  });

  it('keeps a rendered body sane after flattening', () => {
    const result = compileQuickly(article(`Intro.:cite[a2020]\n\n${'> '.repeat(100)}deep`));
    expect(elements(result.hast).some((element) => element.tagName === 'cited-citation')).toBe(true);
  });
});
