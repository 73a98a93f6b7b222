/**
 * The auditor the security suite relies on must itself catch what it claims to: each known-bad
 * document below has to produce a violation, and a clean page none.
 */
import { describe, expect, it } from 'vitest';
import { auditRss, auditSitemap } from './feeds';
import { auditHtml, countElements, isDangerousUrl, leaksInternals } from '@cited/test-utils/html-audit';

const origin = 'http://blog.test';
const page = (body: string, head = '') => `<!DOCTYPE html><html><head>${head}</head><body><main>${body}</main></body></html>`;

describe('auditHtml', () => {
  it('passes a clean page with JSON-LD, same-origin resources and off-site links', () => {
    const html = page(
      '<p>Text <a href="https://doi.org/10.1/x">DOI</a> <a href="#ref-1">1</a></p><img src="/a.png" alt="">',
      '<link rel="stylesheet" href="/assets/a.css"><link rel="canonical" href="https://cited.example/x"><script type="application/ld+json">{"a":"\\u003c/script\\u003e"}</script>',
    );
    expect(auditHtml(html, { origin })).toEqual([]);
  });

  it.each([
    ['script element', page('<script>alert(1)</script>')],
    ['script in svg', page('<svg><script>alert(1)</script></svg>')],
    ['script inside template', page('<template><script>alert(1)</script></template>')],
    ['event handler', page('<img src="/x.png" onerror="alert(1)">')],
    ['event handler on svg', page('<svg onload="alert(1)"></svg>')],
    ['javascript: href', page('<a href="javascript:alert(1)">x</a>')],
    ['entity-encoded javascript: (parser decodes)', page('<a href="&#106;avascript:alert(1)">x</a>')],
    ['tab inside the scheme', page('<a href="java\tscript:alert(1)">x</a>')],
    ['leading control character', page('<a href="\u0001javascript:alert(1)">x</a>')],
    ['vbscript: src', page('<img src="vbscript:x">')],
    ['data: image', page('<img src="data:image/svg+xml,<svg onload=alert(1)>">')],
    ['xlink:href', page('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>')],
    ['formaction', page('<button formaction="javascript:alert(1)">x</button>')],
    ['srcset', page('<img src="/a.png" srcset="/b.png 1x, javascript:alert(1) 2x">')],
    ['style url(javascript:)', page('<p style="background:url(javascript:alert(1))">x</p>')],
    ['style url with CSS escapes', page('<p style="background:url(\\6a avascript:alert(1))">x</p>')],
    ['<style> @import', page('<style>@import url(/x.css);</style>')],
    ['off-site image', page('<img src="https://evil.example/p.png">')],
    ['protocol-relative script', page('<script src="//evil.example/x.js"></script>')],
    ['off-site stylesheet', page('', '<link rel="stylesheet" href="https://evil.example/x.css">')],
    ['base', page('', '<base href="https://evil.example/">')],
    ['meta refresh', page('', '<meta http-equiv="refresh" content="0;url=https://evil.example/">')],
    ['iframe', page('<iframe src="/x"></iframe>')],
    ['object', page('<object data="/x"></object>')],
    ['embed', page('<embed src="/x">')],
    ['ld+json that does not parse', page('<script type="application/ld+json">{"a":</script>')],
    ['ld+json broken out of', page('<script type="application/ld+json">{"a":"</script><script>alert(1)</script>"}</script>')],
  ])('flags %s', (_what, html) => {
    expect(auditHtml(html, { origin })).not.toEqual([]);
  });

  it('flags content-added forms beyond the control page baseline', () => {
    const baseline = countElements(page('<p>x</p>'));
    expect(auditHtml(page('<form action="/x"><input name="a"></form>'), { origin, baseline })).not.toEqual([]);
    expect(auditHtml(page('<p>x</p>'), { origin, baseline })).toEqual([]);
  });

  it('knows which URLs run script', () => {
    for (const url of ['javascript:x', ' JAVASCRIPT:x', 'java\nscript:x', '\u0000javascript:x', 'vbscript:x', 'DATA:text/html,x']) {
      expect(isDangerousUrl(url), url).toBe(true);
    }
    for (const url of ['https://x', '/articles/javascript:x', '#javascript:x', 'mailto:a@b', 'tel:+1', '?q=javascript:']) {
      expect(isDangerousUrl(url), url).toBe(false);
    }
  });

  it('recognises leaks', () => {
    expect(leaksInternals('root:x:0:0:root:/root:/bin/bash')).toBe('/etc/passwd contents');
    expect(leaksInternals('Error: x\n    at loader (/srv/blog/build/server/index.js:12:3)')).toBe('stack trace');
    expect(leaksInternals('{"name":"x","devDependencies":{}}')).toBe('package.json contents');
    expect(leaksInternals('<p>Page not found</p>')).toBeUndefined();
  });
});

describe('feed audits', () => {
  const rss = (item: string) =>
    `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>cited</title><link>https://c.example/</link><description>d</description>${item}</channel></rss>`;

  it('passes a clean feed, including escaped markup shown as text', () => {
    const item = '<item><title><![CDATA[Pain & relief]]></title><link>https://c.example/articles/a</link><description>&amp;lt;b&amp;gt;</description></item>';
    expect(auditRss(rss(item), origin)).toEqual([]);
  });

  it('flags a CDATA breakout and script readers would render', () => {
    expect(auditRss(rss('<item><title><![CDATA[x]]><script>alert(1)</script><![CDATA[]]></title></item>'), origin)).not.toEqual([]);
    expect(auditRss(rss('<item><description><![CDATA[<img src=x onerror=alert(1)>]]></description></item>'), origin)).not.toEqual([]);
    expect(auditRss(rss('<item><link>javascript:alert(1)</link></item>'), origin)).not.toEqual([]);
  });

  it('flags an injected sitemap element or a non-URL <loc>', () => {
    const sitemap = (loc: string) => `<?xml version="1.0"?><urlset><url><loc>${loc}</loc></url></urlset>`;
    expect(auditSitemap(sitemap('https://c.example/articles/a'))).toEqual([]);
    expect(auditSitemap(sitemap('https://c.example/a</loc><script>x</script><loc>'))).not.toEqual([]);
    expect(auditSitemap(sitemap('javascript:alert(1)'))).not.toEqual([]);
  });
});
