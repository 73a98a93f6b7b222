// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReferenceList } from '@cited/ui';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { compileArticle } from '../src/index.js';
import type { Article } from '../src/index.js';
import { ArticleBody, toReferenceListData } from '../src/react/index.js';
import { fixturesDir, now, seedSource } from './helpers.js';

const pandocDir = join(fixturesDir, 'seed-pandoc');
const inline = compileArticle(seedSource(), { path: 'failed-back-surgery-syndrome.md', now });
const pandoc = compileArticle(new Uint8Array(readFileSync(join(pandocDir, 'failed-back-surgery-syndrome.md'))), {
  path: join(pandocDir, 'failed-back-surgery-syndrome.md'),
  now,
  readFile: (path) => readFileSync(path),
});

function html(article: Article): string {
  return renderToStaticMarkup(
    <>
      <main>
        <ArticleBody article={article} />
      </main>
      <ReferenceList references={toReferenceListData(article)} />
    </>,
  );
}

describe('the seed article written with a bibliography file and Pandoc citations', () => {
  it('is really written the other way: no inline references, no :cite[], a CSL-JSON bibliography', () => {
    const source = readFileSync(join(pandocDir, 'failed-back-surgery-syndrome.md'), 'utf8');
    expect(source).not.toMatch(/^references:/m);
    expect(source).not.toContain(':cite[');
    expect(source).toMatch(/^bibliography: references\.json$/m);
    expect(source.match(/\[@[a-z0-9]+\]/g)).toHaveLength(8);
    expect(pandoc.dependencies).toEqual([join(pandocDir, 'references.json')]);
  });

  it('compiles to the same references, tree, metadata and HTML as the inline version', () => {
    expect(pandoc.ok).toBe(true);
    expect(pandoc.references).toEqual(inline.references);
    expect(pandoc.hast).toEqual(inline.hast);
    expect(pandoc.meta).toEqual(inline.meta);
    expect(pandoc.toc).toEqual(inline.toc);
    expect(pandoc.wordCount).toBe(inline.wordCount);
    const markup = html(pandoc);
    expect(markup).toBe(html(inline));
    expect(markup).toContain('href="#ref-9"');
  });

  it('reports the same honest warnings, the incomplete reference now at its line in the bibliography', () => {
    const ruleIds = (article: Article) => article.diagnostics.map((diagnostic) => diagnostic.ruleId).sort();
    expect(ruleIds(pandoc)).toEqual(ruleIds(inline));
    const incomplete = pandoc.diagnostics.find((diagnostic) => diagnostic.ruleId === 'reference-incomplete');
    expect(incomplete?.file).toBe(join(pandocDir, 'references.json'));
    expect(incomplete?.message).toContain('nhsprolotherapy2013');
  });
});
