import { describe, expect, it } from 'vitest';
import { compileArticle, readArticleMeta } from '../src/index.js';
import { maxContainerDepth, maxFrontmatterFlowDepth, maxInlineMarkersPerBlock, maxSourceChars } from '../src/source.js';
import type { Article } from '../src/index.js';
import { article, elements } from './helpers.js';

/**
 * Compiles and checks the result is a well-formed Article. How long it takes is measured by the bench
 * (`npm run bench -- --only=worst-case`), never here: a test's verdict must not depend on the machine's load.
 */
function compileChecked(source: string | Uint8Array): Article {
  const result = compileArticle(source, { path: 'bad.md', now: new Date('2026-01-01') });
  expect(result.hast.type).toBe('root');
  expect(Array.isArray(result.diagnostics)).toBe(true);
  expect(result.ok).toBe(result.diagnostics.every((diagnostic) => diagnostic.severity !== 'error'));
  for (const diagnostic of result.diagnostics) {
    expect(diagnostic.line).toBeGreaterThanOrEqual(1);
    expect(diagnostic.column).toBeGreaterThanOrEqual(1);
  }
  return result;
}

/** Line of the body's first line in `article()`. */
const bodyLine = article('BODY').split('\n').indexOf('BODY') + 1;
const ruleIdsOf = (result: Article) => result.diagnostics.map((diagnostic) => diagnostic.ruleId);

/** The guard refused the body before the parser saw it: nothing rendered, the frontmatter read. */
function expectRefused(result: Article): void {
  expect(result.ok).toBe(false);
  expect(result.hast.children).toEqual([]);
  expect(result.meta.title).toBe('Test article');
}

describe('bad input never crashes', () => {
  it('empty file', () => {
    expect(ruleIdsOf(compileChecked(''))).toEqual(['frontmatter-missing']);
    expect(ruleIdsOf(compileChecked(new Uint8Array()))).toEqual(['frontmatter-missing']);
  });

  it('binary garbage', () => {
    let seed = 42;
    const bytes = new Uint8Array(64 * 1024).map(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed & 0xff;
    });
    const result = compileChecked(bytes);
    expect(ruleIdsOf(result)).toContain('source-invalid-utf8');
    expect(ruleIdsOf(result)).toContain('frontmatter-missing');
  });

  it('invalid UTF-8: reported at the bad byte, rendered with replacement characters', () => {
    const source = new TextEncoder().encode(article('Caf\u0000'));
    const bytes = new Uint8Array([...source.slice(0, source.indexOf(0)), 0xe9, ...new TextEncoder().encode(' au lait.\n')]);
    const result = compileChecked(bytes);
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([
      expect.objectContaining({ ruleId: 'source-invalid-utf8', line: 14, column: 4 }),
    ]);
    expect(JSON.stringify(result.hast)).toContain('Caf\uFFFD au lait.');
  });

  it('byte order mark: ignored, frontmatter still found', () => {
    const withBom = compileChecked(`\uFEFF${article('Text.:cite[a2020]')}`);
    expect(withBom.diagnostics).toEqual([]);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(article('Text.:cite[a2020]'))]);
    expect(compileChecked(bytes).diagnostics).toEqual([]);
  });

  it('CRLF line endings: same result and positions as LF', () => {
    const lf = article('Text.:cite[a2020]\n\n:::study{cite=a2020 certainty=low}\nNo figure.\n:::\n\nAnd :cite[missing].');
    const crlf = compileChecked(lf.replace(/\n/g, '\r\n'));
    const plain = compileChecked(lf);
    expect(crlf.diagnostics.map(({ ruleId, line, column }) => [ruleId, line, column])).toEqual(
      plain.diagnostics.map(({ ruleId, line, column }) => [ruleId, line, column]),
    );
    expect(ruleIdsOf(plain)).toEqual(['directive-missing-attribute', 'cite-unknown-key']);
    expect(crlf.meta.title).toBe('Test article');
    expect(crlf.references).toHaveLength(1);
  });

  it('a 5 MB article: refused with a diagnostic', () => {
    const result = compileChecked(article('A sentence of prose. '.repeat(250_000)));
    expect(ruleIdsOf(result)).toEqual(['source-too-large']);
  });

  it('100 MB of bytes: refused from the byte count, frontmatter still read', () => {
    const bytes = new TextEncoder().encode(article('x'.repeat(3 * maxSourceChars + 1)));
    const result = compileChecked(bytes);
    expect(ruleIdsOf(result)).toEqual(['source-too-large']);
    expect(result.diagnostics[0]?.message).toContain(`${bytes.length} bytes`);
    expect(result.meta.title).toBe('Test article');
  });

  it('10,000-deep nested block quotes', () => {
    const result = compileChecked(article(`${'> '.repeat(10_000)}deep`));
    expect(ruleIdsOf(result)).toContain('source-too-deep');
    expect(JSON.stringify(result.hast)).toContain('deep');
  });

  it('10,000-deep nested lists (markers on one line)', () => {
    const result = compileChecked(article(`${'- '.repeat(10_000)}deep`));
    expect(ruleIdsOf(result)).toContain('source-too-deep');
  });

  it('1,000-deep nested lists by indentation (10,000 would be a 100 MB file)', () => {
    const lines = Array.from({ length: 1_000 }, (_, index) => `${'  '.repeat(index)}- item ${index}`);
    const result = compileChecked(article(lines.join('\n')));
    expect(ruleIdsOf(result)).toContain('source-too-deep');
    expect(JSON.stringify(result.hast)).toContain('item 999');
  });

  it('10,000-deep nested quotes and lists mixed', () => {
    const result = compileChecked(article(`${'> - '.repeat(5_000)}deep`));
    expect(ruleIdsOf(result)).toContain('source-too-deep');
  });

  it('1,000 nested containers: refused before parsing, frontmatter still checked', () => {
    const result = compileChecked(article(`${':::pullquote\n'.repeat(1_000)}x\n${':::\n'.repeat(1_000)}`));
    expect(ruleIdsOf(result)).toEqual(['source-too-deep']);
    expect(result.diagnostics[0]).toMatchObject({ line: bodyLine + maxContainerDepth, column: 1 });
    expectRefused(result);
  });

  it('containers at the depth limit are parsed', () => {
    const depth = maxContainerDepth;
    const result = compileChecked(article(`${':::pullquote\n'.repeat(depth)}Nested text.\n${':::\n'.repeat(depth)}`));
    expect(ruleIdsOf(result)).not.toContain('source-too-deep');
    expect(JSON.stringify(result.hast)).toContain('Nested text.');
  });

  // Unguarded, 10,000 of these take micromark minutes (quadratic delimiter matching); escaped, seconds.
  it('5,000 nested emphasis markers: refused before parsing', () => {
    const emphasis = compileChecked(article(`${'*a '.repeat(5_000)}x${' a*'.repeat(5_000)}`));
    expect(ruleIdsOf(emphasis)).toEqual(['source-too-complex']);
    expect(emphasis.diagnostics[0]?.message).toContain('10000 emphasis markers');
    expectRefused(emphasis);
  });

  it('5,000 nested link brackets: refused before parsing', () => {
    const brackets = compileChecked(article(`${'['.repeat(5_000)}x${'](u)'.repeat(5_000)}`));
    expect(ruleIdsOf(brackets)).toEqual(['source-too-complex']);
    expect(brackets.diagnostics[0]?.message).toContain('10000 brackets');
    expectRefused(brackets);
  });

  it('inline markers: a paragraph at the limit is parsed, one more is refused', () => {
    const half = maxInlineMarkersPerBlock / 2;
    const atLimit = compileChecked(article(`Cited.:cite[a2020]\n\n${'*a '.repeat(half)}x${' a*'.repeat(half)}`));
    expect(ruleIdsOf(atLimit)).toEqual([]);
    expect(atLimit.hast.children.length).toBeGreaterThan(0);
    const overLimit = compileChecked(article(`${'*a '.repeat(half)}x${' a*'.repeat(half)} *`));
    expect(ruleIdsOf(overLimit)).toEqual(['source-too-complex']);
  });

  it('markers are counted per paragraph, and not in the frontmatter', () => {
    const paragraphs = Array.from({ length: 20 }, () => `${'*a* '.repeat(maxInlineMarkersPerBlock / 4)}`).join('\n\n');
    expect(ruleIdsOf(compileChecked(article(`Cited.:cite[a2020]\n\n${paragraphs}`)))).toEqual([]);
    // A tight list is one block of lines but a paragraph per item: 150 linked items are fine.
    const links = Array.from({ length: 150 }, (_, index) => `- [Resource ${index}](/articles/r${index}) *new*`).join('\n');
    expect(ruleIdsOf(compileChecked(article(`Cited.:cite[a2020]\n\n${links}`)))).toEqual([]);
    const bracketsInYaml = `---\ntitle: "Test article"\ndescription: "d"\ncategory: "c"\npublished: 2024-01-01\ntags: [${Array(maxInlineMarkersPerBlock).fill('"[x]"').join(', ')}]\n---\n\nText.\n`;
    expect(ruleIdsOf(compileChecked(bracketsInYaml))).not.toContain('source-too-complex');
  });

  it('10,000 nested YAML flow sequences: refused before YAML parsing, at the first bracket too deep', () => {
    const yaml = `tags: ${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const result = compileChecked(`---\ntitle: "Deep"\n${yaml}\n---\n\nText.\n`);
    expect(ruleIdsOf(result)).toEqual(['frontmatter-invalid']);
    expect(result.diagnostics[0]).toMatchObject({ line: 3, column: 'tags: '.length + maxFrontmatterFlowDepth + 1 });
    expect(result.diagnostics[0]?.message).toContain('nested more than 32 levels');
    // Brackets inside quoted strings and comments are text, not nesting.
    const quoted = `tags: ["${'['.repeat(100)}", '${'{'.repeat(100)}'] # ${'['.repeat(100)}`;
    expect(ruleIdsOf(compileChecked(`---\ntitle: "T"\ndescription: d\ncategory: c\npublished: 2024-01-01\n${quoted}\n---\n\nText.\n`))).toEqual([]);
  });

  it('a 1 MB frontmatter: refused before YAML parsing', () => {
    const result = compileChecked(`---\ntitle: "${'T'.repeat(1024 * 1024)}"\n---\n\nText.\n`);
    expect(ruleIdsOf(result)).toEqual(['frontmatter-too-large']);
    expect(result.diagnostics[0]).toMatchObject({ line: 1, column: 1 });
  });

  it('frontmatter that is not a mapping, or not closed, or an alias bomb', () => {
    expect(ruleIdsOf(compileChecked('---\n- a\n- b\n---\n\nText.'))).toContain('frontmatter-invalid');
    expect(ruleIdsOf(compileChecked('---\ntitle: x\n\nText without a closing fence.'))).toEqual(['frontmatter-missing']);
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 10; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const current = String.fromCharCode(97 + level);
      bomb.push(`${current}: &${current} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    expect(ruleIdsOf(compileChecked(`---\n${bomb.join('\n')}\n---\n\nText.`))).toContain('frontmatter-invalid');
  });

  it('wrong shapes everywhere in the frontmatter', () => {
    const result = compileChecked(
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
    const result = compileChecked(article(`Intro.:cite[a2020]\n\n${'> '.repeat(100)}deep`));
    expect(elements(result.hast).some((element) => element.tagName === 'cited-citation')).toBe(true);
  });
});
