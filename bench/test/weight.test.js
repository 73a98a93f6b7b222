import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeHtml, cssReferences, measurePageWeight } from '../lib/weight.js';
import { FILES, PAGE, startTinySite } from './fixtures/tiny-site.js';

describe('analyzeHtml', () => {
  const base = 'http://127.0.0.1:1/';

  it('lists stylesheets, scripts, modulepreloads and images once each, with what blocks rendering', () => {
    const analysis = analyzeHtml(PAGE, base);
    const byPath = Object.fromEntries(analysis.resources.map((r) => [new URL(r.url).pathname, r]));
    expect(Object.keys(byPath).sort()).toEqual(['/blocking.js', '/module.js', '/pixel.png', '/print.css', '/style.css']);
    expect(byPath['/style.css']).toMatchObject({ kind: 'stylesheet', renderBlocking: true });
    expect(byPath['/print.css']).toMatchObject({ kind: 'stylesheet', renderBlocking: false });
    expect(byPath['/blocking.js']).toMatchObject({ kind: 'script', renderBlocking: true });
    // modulepreload + <script type=module> for one URL is one request, and modules are deferred.
    expect(byPath['/module.js']).toMatchObject({ kind: 'script', renderBlocking: false });
  });

  it('counts inline scripts as JavaScript but JSON-LD as data', () => {
    const analysis = analyzeHtml(PAGE, base);
    expect(analysis.inlineScripts).toBe(1);
    expect(analysis.inlineScriptBytes).toBe(Buffer.byteLength('window.inline = 1;'));
    expect(analysis.jsonDataBytes).toBeGreaterThan(0);
  });

  it('finds nothing to fetch on a page with only inline CSS, and does not call a body script blocking', () => {
    const html = '<!doctype html><html><head><style>p{color:red}</style></head><body><script src="/late.js"></script></body></html>';
    const analysis = analyzeHtml(html, base);
    expect(analysis.inlineStyleBytes).toBe(Buffer.byteLength('p{color:red}'));
    expect(analysis.resources).toEqual([{ kind: 'script', url: 'http://127.0.0.1:1/late.js', renderBlocking: false }]);
  });

  it('ignores data: URIs and fragment-only links', () => {
    const html = '<link rel="icon" href="data:image/svg+xml,<svg/>"><img src="#x" alt="">';
    expect(analyzeHtml(html, base).resources).toEqual([]);
    expect(analyzeHtml(html, base).hasIconLink).toBe(true);
  });
});

describe('cssReferences', () => {
  it('finds @import (blocking) and fonts, skipping data: URIs', () => {
    const refs = cssReferences(FILES['/style.css'].body + FILES['/base.css'].body, 'http://h/css/style.css');
    expect(refs).toEqual([
      { kind: 'stylesheet', url: 'http://h/base.css', renderBlocking: true },
      { kind: 'font', url: 'http://h/font.woff2', renderBlocking: false },
    ]);
  });
});

describe('measurePageWeight on a tiny local page', () => {
  let site;
  beforeAll(async () => {
    site = await startTinySite();
  });
  afterAll(() => site.close());

  it('fetches every subresource and sums bytes per type', async () => {
    const weight = await measurePageWeight(`${site.origin}/`);
    expect(weight.totals.html.raw).toBe(Buffer.byteLength(PAGE));
    expect(weight.totals.html.gzip).toBeLessThan(weight.totals.html.raw);
    const js = ['/blocking.js', '/module.js'].reduce((sum, p) => sum + FILES[p].body.length, 0) + 'window.inline = 1;'.length;
    expect(weight.totals.js.raw).toBe(js);
    const css = ['/style.css', '/base.css', '/print.css'].reduce((sum, p) => sum + FILES[p].body.length, 0);
    expect(weight.totals.css.raw).toBe(css);
    expect(weight.totals.font.raw).toBe(FILES['/font.woff2'].body.length);
    // document + style, print, base (@import), font, blocking.js, module.js, pixel, implicit favicon
    expect(weight.requests).toBe(9);
    expect(weight.renderBlocking).toMatchObject({ stylesheets: 2, scripts: 1 });
    expect(weight.failedResources).toEqual([]);
  });
});
