/**
 * Content-level half of the security suite: every case of the hostile corpus (in @cited/test-utils,
 * shared with the blog's page-level tests) through compileArticle and the React renderer, audited
 * with the same parse5-based checks.
 *
 * `Article.hast` is documented as "sanitized, ready to render" — so this holds for EVERY article,
 * including the ones validation rejects (a preview or an editor may well render those): the
 * sanitizer is a second, independent line behind validation, and these tests watch it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CTA, ReferenceList } from '@cited/ui';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HOSTILE_DIR, hostileCases as cases } from '@cited/test-utils/hostile';
import { auditHtml, parseHtml, textOf } from '@cited/test-utils/html-audit';
import { compileArticle } from '../../src/index.js';
import { ArticleBody, toReferenceListData } from '../../src/react/index.js';
import type { Article } from '../../src/index.js';

const origin = 'http://blog.test';

/** What the blog renders from an article's content: body, reference list and frontmatter CTA. */
function renderArticle(article: Article): string {
  const { cta } = article.meta;
  return renderToStaticMarkup(
    <>
      <ArticleBody article={article} />
      <ReferenceList references={toReferenceListData(article)} />
      {cta ? (
        <CTA heading={cta.heading} action={{ href: cta.href, label: cta.label }}>
          {cta.body}
        </CTA>
      ) : null}
    </>,
  );
}

function audit(markup: string): string[] {
  // No baseline: nothing in an article's own markup may be a form, style, script, iframe…
  return auditHtml(`<!DOCTYPE html><html><head></head><body>${markup}</body></html>`, {
    origin,
    baseline: {},
  });
}

describe('the hostile corpus', () => {
  it('is there and large', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });
});

for (const category of [...new Set(cases.map((entry) => entry.category))]) {
  describe(`hostile ${category}: compiled and rendered with nothing executable or off-site`, () => {
    it.each(cases.filter((entry) => entry.category === category).map((entry) => [entry.id, entry] as const))('%s', (_id, entry) => {
      const file = path.join(HOSTILE_DIR, entry.file);
      const article = compileArticle(readFileSync(file), { path: file });
      const markup = renderArticle(article);
      const context = `${entry.id}: ${entry.description} (ok: ${article.ok})`;
      expect(audit(markup).join('\n'), context).toBe('');
      if (article.ok) {
        const text = textOf(parseHtml(markup));
        expect(text, `${context}: start marker`).toContain(entry.startMarker);
        if (entry.endMarker) expect(text, `${context}: end marker`).toContain(entry.endMarker);
      } else {
        expect(article.diagnostics.some((d) => d.severity === 'error'), `${context}: rejected without an error`).toBe(true);
      }
    });
  });
}
