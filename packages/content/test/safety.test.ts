import { pngBytes } from '@cited/test-utils/png';
import { describe, expect, it } from 'vitest';
import { compileArticle, isSafeHref, isSameSiteResource } from '../src/index.js';
import type { CompileOptions } from '../src/index.js';
import { imageVersion } from '../src/plugins/images.js';
import { article, elements } from './helpers.js';

function compile(body: string, options: Partial<CompileOptions> = {}) {
  return compileArticle(article(`Cited.:cite[a2020]\n\n${body}`), { path: 'safety.md', ...options });
}

function assertClean(body: string, options: Partial<CompileOptions> = {}) {
  const result = compile(body, options);
  for (const element of elements(result.hast)) {
    expect(['script', 'style', 'iframe', 'object', 'embed', 'form', 'meta', 'link', 'base', 'svg', 'math']).not.toContain(element.tagName);
    for (const [name, value] of Object.entries(element.properties)) {
      expect(name.toLowerCase()).not.toMatch(/^on|^style$/);
      const text = Array.isArray(value) ? value.join(' ') : String(value);
      // eslint-disable-next-line no-control-regex -- browsers ignore these inside schemes
      expect(text.replace(/[\u0000-\u0020]/g, '')).not.toMatch(/^(?:javascript|vbscript|data):/i);
    }
  }
  return result;
}

describe('untrusted markdown', () => {
  it.each([
    '<script>alert(1)</script>',
    '<style>body{display:none}</style>',
    '<iframe src="https://evil.example"></iframe>',
    '<object data="x.swf"></object>',
    '<form action="https://evil.example"><input name="password"></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<img src="x" onerror="alert(1)">',
    '<a href="javascript:alert(1)" onclick="alert(1)">x</a>',
    '<p style="background:url(javascript:alert(1))">css</p>',
    'Inline <span onmouseover="alert(1)">html</span> in a paragraph.',
  ])('drops raw HTML: %s', (html) => {
    const result = assertClean(html);
    expect(result.diagnostics.some((diagnostic) => diagnostic.ruleId === 'html-ignored')).toBe(true);
  });

  it.each([
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](vbscript:msgbox(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](jav&#x61;script:alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x](<java\tscript:alert(1)>)',
    '[x](<javascript :alert(1)>)',
    '![x](javascript:alert(1))',
    '![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)',
    '[x][ref]\n\n[ref]: javascript:alert(1)',
    '<javascript:alert(1)>',
  ])('removes unsafe URLs: %s', (markdown) => {
    const result = assertClean(markdown);
    const links = elements(result.hast).filter((element) => element.tagName === 'a' || element.tagName === 'img');
    for (const link of links) expect(String(link.properties.href ?? link.properties.src ?? '')).not.toMatch(/script|data:/i);
  });

  it.each([
    '![pixel](https://evil.example/pixel.png)',
    '![pixel](http://evil.example/pixel.png)',
    '![pixel](//evil.example/pixel.png)',
    '![pixel][p]\n\n[p]: https://evil.example/pixel.png',
  ])('removes off-site images (they would track readers): %s', (markdown) => {
    const result = assertClean(markdown);
    expect(elements(result.hast).filter((element) => element.tagName === 'img')).toEqual([]);
    expect(result.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['image-offsite']);
  });

  it('treats protocol-relative and backslash image URLs as off-site', () => {
    for (const url of ['//evil.example/p.png', '/\\evil.example/p.png', '\\\\evil.example/p.png', ' //evil.example/p.png', 'https://x.example/p.png', 'data:image/png;base64,AA==', '']) {
      expect(isSameSiteResource(url), url).toBe(false);
    }
    for (const url of ['/images/p.png', 'images/p.png', '../p.png', '/a:b.png']) expect(isSameSiteResource(url), url).toBe(true);
  });

  it('keeps same-site images', () => {
    const xRay = pngBytes(4, 4);
    const result = assertClean('![An x-ray](/images/x-ray.png)', { readFile: () => xRay });
    expect(elements(result.hast).find((element) => element.tagName === 'img')?.properties).toMatchObject({
      src: `/images/x-ray.png?v=${imageVersion(xRay)}`,
      alt: 'An x-ray',
    });
    expect(result.ok).toBe(true);
  });

  it('keeps safe links', () => {
    const result = assertClean('[a](https://example.org) [b](/contact) [c](mailto:a@example.org) [d](tel:+15551234) [e](#ref-1)');
    const hrefs = elements(result.hast).filter((element) => element.tagName === 'a').map((element) => element.properties.href);
    expect(hrefs).toEqual(expect.arrayContaining(['https://example.org', '/contact', 'mailto:a@example.org', 'tel:+15551234', '#ref-1']));
    expect(result.ok).toBe(true);
  });

  it('treats directive attributes as text and allows only safe CTA links', () => {
    const result = assertClean(
      `:::pullquote{cite=a2020 attribution='"><script>alert(1)</script>' onclick="alert(1)" style="color:red"}\nQuoted.\n:::\n\n` +
        ':::cta{href=" JavaScript:alert(1)" label="Go"}\nHeading\n:::\n\n' +
        ':::cta{href="/contact" label="Go" secondary-href="data:text/html,x" secondary-label="More"}\nHeading\n:::',
    );
    const quote = elements(result.hast).find((element) => element.tagName === 'cited-pullquote');
    expect(Object.keys(quote?.properties ?? {})).not.toContain('onClick');
    expect(quote?.properties.dataAttribution).toBe('"><script>alert(1)</script>');
    const ctas = elements(result.hast).filter((element) => element.tagName === 'cited-cta');
    expect(ctas).toHaveLength(1);
    expect(ctas[0]?.properties.dataSecondaryHref).toBeUndefined();
    expect(result.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual([
      'directive-invalid-attribute',
      'directive-invalid-attribute',
      'directive-unsafe-url',
      'directive-unsafe-url',
    ]);
  });

  it.each([
    ['https://example.org', true],
    ['/contact', true],
    ['mailto:a@example.org', true],
    ['tel:+1555', true],
    ['#section', true],
    ['javascript:alert(1)', false],
    ['JAVASCRIPT:alert(1)', false],
    ['java\tscript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['vbscript:x', false],
    ['data:text/html,x', false],
    ['//evil.example', false],
    ['', false],
  ])('isSafeHref(%j) is %s', (href, safe) => {
    expect(isSafeHref(href)).toBe(safe);
  });
});

describe('ids', () => {
  it('keeps generated ids unprefixed so markers, entries and footnotes link', () => {
    const result = assertClean('Text with a footnote.[^1]\n\n[^1]: The note.');
    const ids = elements(result.hast).map((element) => element.properties.id).filter(Boolean);
    expect(ids).toContain('cite-1');
    expect(ids.some((id) => String(id).includes('user-content-'))).toBe(false);
    const footnoteLink = elements(result.hast).find((element) => element.properties.dataFootnoteRef !== undefined);
    expect(footnoteLink?.properties.href).toBe('#fn-1');
    expect(ids).toContain('fn-1');
  });

  it('renames heading slugs that would collide with reference, citation or footnote ids', () => {
    const result = compile('## Ref 1\n\n## Cite 1\n\n## Fn 1\n\n## Section ref 1\n\n## Plain');
    expect(result.toc.map((entry) => entry.id)).toEqual(['section-ref-1', 'section-cite-1', 'section-fn-1', 'section-ref-1-1', 'plain']);
  });
});

describe('colons in prose are not directives', () => {
  it.each([
    'The ratio was 3:1.',
    'We met at 12:30 and at 10:30am.',
    'Some causes, e.g.: stress.',
    'Note: this is prose.',
    'See:this and that:word here.',
    'A URL like http://example.org:8080/path in text.',
    'Bible verse John 3:16 and a time 9:05:30.',
  ])('%s', (text) => {
    const result = compile(text);
    expect(result.diagnostics).toEqual([]);
    const paragraphText = JSON.stringify(result.hast);
    for (const fragment of text.match(/:\w+/g) ?? []) expect(paragraphText).toContain(fragment);
  });

  it('but explicit unknown directives are errors', () => {
    const result = compile('A :span[x] here and :abbr{title="y"} there.\n\n::leaf[z]');
    expect(result.diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.line, diagnostic.column])).toEqual([
      ['directive-unknown', 16, 3],
      ['directive-unknown', 16, 21],
      ['directive-unknown', 18, 1],
    ]);
  });
});

describe('claims', () => {
  it.each([
    ['17% of them improved.', '17%'],
    ['It worked in 44.5 percent.', '44.5 percent'],
    ['69 (44.5%) of the 155 second opinion patients', '44.5%'],
    ['In all, 12 of 40 patients improved.', '12 of 40 patients'],
    ['1,204 out of 2,000 adult participants', '1,204 out of 2,000 adult participants'],
  ])('finds the figure in %j', async (text, figure) => {
    const { findClaim } = await import('../src/index.js');
    expect(findClaim(text)).toBe(figure);
  });

  it.each(['A total of 395 adult patients were included.', 'Three injections over a 3 to 5 week period.', 'In July 2017, doctors wrote…'])(
    'does not flag %j',
    async (text) => {
      const { findClaim } = await import('../src/index.js');
      expect(findClaim(text)).toBeUndefined();
    },
  );

  it('does not flag figures covered by a citing container, and flags them in uncited ones', () => {
    const result = compile(':::study{cite=a2020 figure="50%" certainty=low}\nHalf of 20 patients, 50%, improved.\n:::\n\n:::pullquote\n"It helped 90% of them."\n:::');
    expect(result.diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.line])).toEqual([['claim-without-citation', 21]]);
  });
});

describe('table of contents', () => {
  it('uses h2/h3 text without citation markers, and leaves positions out of the tree', () => {
    const result = compile('## Results:cite[a2020]\n\n### Detail\n\n#### Too deep for the outline');
    expect(result.toc).toEqual([
      { id: 'results', text: 'Results', depth: 2 },
      { id: 'detail', text: 'Detail', depth: 3 },
    ]);
    expect(JSON.stringify(result.hast)).not.toContain('"position"');
  });

  it('leaves footnote calls out of a heading\'s text and id ("Results1" before)', () => {
    const result = compile('## Results[^note]\n\nText.\n\n[^note]: A note.\n');
    expect(result.toc).toEqual([{ id: 'results', text: 'Results', depth: 2 }]);
  });
});
