/**
 * What an editor sees for the common slips: one plain YAML error and no follow-ons, an unclosed
 * container at its opener, "did you mean" suggestions, worded figures as claims, and the CLI
 * checking one file (and re-checking on save with --watch).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtureSiteConfig } from '@cited/test-utils/site-config';
import { contentRoot } from '@cited/test-utils/workspace';
import { run } from '../src/cli.js';
import { compileArticle } from '../src/index.js';
import { article, now, seedPath } from './helpers.js';

const seed = readFileSync(seedPath, 'utf8');
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function compile(source: string, path = 'article.md') {
  return compileArticle(source, { path, now });
}

describe('a YAML slip', () => {
  it('is one error in plain words at the slipped line, with no follow-on errors', () => {
    const lines = seed.split('\n');
    const index = lines.findIndex((line) => /^ {4}title:/.test(line));
    lines[index] = (lines[index] as string).slice(1);
    const result = compile(lines.join('\n'), 'seed.md');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'frontmatter-invalid',
        severity: 'error',
        line: index + 1,
        column: 4,
        message: 'Invalid YAML: this line is indented 1 space less than the keys above it (4 spaces): line it up with them',
      }),
    ]);
  });

  it('names an unclosed bracket plainly, once', () => {
    const result = compile('---\ntitle: Test\ndescription: [unclosed\ncategory: Test\npublished: 2024-01-01\n---\n\n40% of people.:cite[x]\n');
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['frontmatter-invalid']);
    expect(result.diagnostics[0]).toMatchObject({ line: 3, column: 14, message: expect.stringContaining('is opened here but never closed') });
  });
});

describe('an unclosed container directive', () => {
  it('is an error at its opener, not silently swallowing the rest of the article', () => {
    const source = article(':::pullquote{cite=a2020}\nA quote.\n\n## Results\n\n- one\n- two\n');
    const result = compile(source);
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ ruleId: 'directive-unclosed', line: 14, column: 1, message: expect.stringContaining('`:::pullquote` is never closed') }),
    );
    const closed = compile(article(':::pullquote{cite=a2020}\nA quote.\n:::\n\n## Results\n'));
    expect(closed.diagnostics.map((d) => d.ruleId)).not.toContain('directive-unclosed');
  });

  it('accepts a closed container inside a quote and nested containers', () => {
    const nested = compile(article('> :::pullquote{cite=a2020}\n> A quote.\n> :::\n\n::::study{cite=a2020 figure="40%" certainty=low}\nText.\n::::\n'));
    expect(nested.diagnostics.map((d) => d.ruleId)).not.toContain('directive-unclosed');
  });
});

describe('did you mean', () => {
  it('suggests the nearest frontmatter key, directive and reference id', () => {
    const result = compile(article(':::pulquote{cite=a2020}\nQuote.\n:::\n\nText.:cite[a2002]\n', 'publised: 2024-01-01\n'));
    const messages = result.diagnostics.map((d) => `${d.ruleId}: ${d.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^frontmatter-unknown-key: .*`publised`.*\(did you mean `published`\?\)/));
    expect(messages).toContainEqual(expect.stringMatching(/^directive-unknown: .*":::pulquote" \(did you mean `:::pullquote`\?\)/));
    expect(messages).toContainEqual(expect.stringMatching(/^cite-unknown-key: Citation key "a2002" .* \(did you mean `a2020`\?\)/));
  });

  it('suggests nothing when no name is close', () => {
    const result = compile(article('Text.:cite[zzzzzzzz]\n'));
    expect(result.diagnostics.find((d) => d.ruleId === 'cite-unknown-key')?.message).not.toContain('did you mean');
  });
});

describe('worded figures', () => {
  it.each(['Three out of four patients improved.', 'One in five people has this pain.', 'Half of all patients stop within a year.', 'Two-thirds of adults recover.'])(
    'counts "%s" as a claim',
    (text) => {
      const result = compile(article(`${text}\n`));
      expect(result.diagnostics.map((d) => d.ruleId)).toContain('claim-without-citation');
      const cited = compile(article(`${text}:cite[a2020]\n`));
      expect(cited.diagnostics.map((d) => d.ruleId)).not.toContain('claim-without-citation');
    },
  );

  it('leaves ordinary words alone', () => {
    const result = compile(article('It is one of the options. Walk in the second half of the day.:cite[a2020]\n\nOne in the morning is fine.\n'));
    expect(result.diagnostics.map((d) => d.ruleId)).not.toContain('claim-without-citation');
  });
});

describe('cited-content check on files', () => {
  // Checked outside any site, the files are judged against the site of the working directory (the
  // blog's): a site.yml of their own, the blog's with their made-up category in its registry.
  let previousSiteConfig: string | undefined;
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'cited-check-site-'));
    temporary.push(dir);
    previousSiteConfig = process.env.CITED_SITE_CONFIG;
    process.env.CITED_SITE_CONFIG = writeFixtureSiteConfig({ from: join(contentRoot(), 'site.yml'), dir, categories: ['Test'] });
  });
  afterAll(() => {
    if (previousSiteConfig === undefined) delete process.env.CITED_SITE_CONFIG;
    else process.env.CITED_SITE_CONFIG = previousSiteConfig;
  });

  function site(): string {
    const dir = mkdtempSync(join(tmpdir(), 'cited-check-'));
    temporary.push(dir);
    writeFileSync(join(dir, 'target.md'), article('Text.:cite[a2020]\n', 'slug: target\n').replace('title: Test article', 'title: Target article'));
    writeFileSync(join(dir, 'broken.md'), article('Text.:cite[nope]\n', 'slug: broken\n'));
    return dir;
  }
  const capture = () => {
    const out: string[] = [];
    return { out, io: { out: (text: string) => out.push(text), err: (text: string) => out.push(text) } };
  };

  it('checks a single file, knowing its neighbours’ slugs for links', async () => {
    const dir = site();
    const file = join(dir, 'linker.md');
    writeFileSync(file, article('See [the target](/articles/target) and [this](/articles/targte).:cite[a2020]\n', 'slug: linker\n'));
    const { out, io } = capture();
    expect(await run(['check', file], io)).toBe(1);
    const text = out.join('\n');
    expect(text).toContain('linker.md');
    expect(text).not.toContain('broken.md'); // only the file asked for
    expect(text).toMatch(/15:40\s+error\s+Link "\/articles\/targte" points at no published article \(did you mean `\/articles\/target`\?\)\s+link-broken/);
    expect(text).toContain('1 error, 0 warnings in 1 article');
  });

  it('re-checks a file when it is saved, with --watch', async () => {
    const dir = site();
    const file = join(dir, 'target.md');
    const controller = new AbortController();
    const out: string[] = [];
    let notify: () => void = () => undefined;
    const rechecked = new Promise<void>((resolve) => (notify = resolve));
    const io = {
      out: (text: string) => {
        out.push(text);
        if (text.includes('Citation key "typo2020"')) notify();
        if (text.startsWith('Watching')) writeFileSync(file, article('Text.:cite[typo2020]\n', 'slug: target\n'));
      },
      err: (text: string) => out.push(text),
      signal: controller.signal,
    };
    const exit = run(['check', '--watch', file], io);
    await rechecked;
    controller.abort();
    expect(await exit).toBe(0); // the first check was clean
    expect(out.at(-1)).toContain('1 error, 1 warning in 1 article');
  });
});
