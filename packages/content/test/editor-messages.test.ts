/**
 * Messages that name the real cause (issue 21): ratings are not claims, skipped heading levels warn,
 * an unquoted colon in YAML is named, a missing bibliography is one error, readability suggestions
 * never swap a word for one of another sense.
 */
import { describe, expect, it } from 'vitest';
import { compileArticle, findClaim } from '../src/index.js';
import { article, now } from './helpers.js';

function compile(source: string, path = 'article.md', readFile?: (path: string) => string) {
  return compileArticle(source, { path, now, ...(readFile ? { readFile } : {}) });
}

describe('pain-scale and rating phrases', () => {
  it.each([
    'She rated her pain 5 out of 10 before the injection.',
    'Most people start at 7/10 pain in the first week.',
    'On a pain scale, a score of 3 in 10 is mild.',
    'My back pain was eight out of ten on bad days.',
  ])('are not claims: %j', (text) => {
    expect(findClaim(text)).toBeUndefined();
    expect(compile(article(`${text}\n`)).diagnostics.map((d) => d.ruleId)).not.toContain('claim-without-citation');
  });

  it.each([
    ['9 out of 10 patients rated the pain lower.', '9 out of 10 patients'],
    ['Three out of four people improved.', 'Three out of four'],
    ['Pain fell in 40% of them.', '40%'],
  ])('leave shares of people as claims: %j', (text, figure) => {
    expect(findClaim(text)).toBe(figure);
  });
});

describe('heading levels', () => {
  it('warns at a heading that skips a level, naming the level to use', () => {
    const result = compile(article('## Causes\n\nText.\n\n#### Nerves\n\nText.\n\n### Discs\n\n#### Joints\n'));
    const skipped = result.diagnostics.filter((d) => d.ruleId === 'heading-level-skipped');
    expect(skipped).toEqual([expect.objectContaining({ severity: 'warning', line: 18, column: 1 })]);
    expect(skipped[0]?.message).toMatch(/"Nerves" is level 4 .*level-2 heading: use `###`/);
    expect(result.ok).toBe(true);
  });

  it('says nothing of an outline that steps down one level at a time and back up any number', () => {
    const result = compile(article('## A\n\n### B\n\n#### C\n\n## D\n'));
    expect(result.diagnostics.map((d) => d.ruleId)).not.toContain('heading-level-skipped');
  });
});

describe('an unquoted colon in a YAML value', () => {
  it('is named as the cause, at the colon, with the quoted form, and is the only error', () => {
    const source = article('Text.\n').replace('title: Test article', 'title: Sciatica: what helps');
    const result = compile(source);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'frontmatter-invalid', line: 2, column: 16 }),
    ]);
    const message = result.diagnostics[0]?.message ?? '';
    expect(message).toContain('colon');
    expect(message).toContain('`title: "Sciatica: what helps"`');
    expect(message).not.toMatch(/indent/i);
  });

  it('quotes with single quotes when the value has double quotes', () => {
    const source = article('Text.\n').replace('description: A test.', 'description: The "FBSS" question: surgery again?');
    expect(compile(source).diagnostics[0]?.message).toContain(`\`description: 'The "FBSS" question: surgery again?'\``);
  });

  it('leaves quoted values and URLs alone', () => {
    const source = article('Text.\n').replace('title: Test article', 'title: "Sciatica: what helps"\ncanonical: https://example.org/a');
    expect(compile(source).diagnostics.map((d) => d.message).join('\n')).not.toContain('colon');
  });
});

describe('a missing bibliography file', () => {
  it('is one error, with no follow-on cite-unknown-key errors', () => {
    const source = `---\ntitle: T\ndescription: D.\ncategory: Test\npublished: 2024-01-01\nbibliography: references.bib\n---\n\nOne.[@smith2020] Two.[@jones2021] Three.:cite[doe2019]\n`;
    const missing = (path: string): string => {
      throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    };
    const result = compile(source, 'article.md', missing);
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['bibliography-not-found']);
    expect(result.diagnostics[0]).toMatchObject({ line: 6, severity: 'error' });
  });
});
