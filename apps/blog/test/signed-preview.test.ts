/**
 * Signed draft preview on the production build: a link per draft, signed with
 * CITED_PREVIEW_SECRET and expiring, shows that draft (noindex, never in a shared cache); every
 * other visitor (no token, a wrong, expired or tampered one, another article's) gets the 404 or
 * 410 as before, never a 500. CITED_PREVIEW=1 never shows drafts in production.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { previewToken } from '../server/preview-token.js';
import { articleSource, makeArticlesDir, writeArticle } from './fixtures/articles';
import { get, loadHandler, mainText, setClock, settle, type Handler } from './helpers';

const secret = 'a-test-secret-that-is-long-enough-0123456789';
const now = new Date('2026-11-27T12:00:00Z');
let handler: Handler;
let dir: string;
const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);

const draftSource = (slug: string, title: string) => articleSource({ slug, title, published: '2024-01-02' }).replace('\n---\n', '\ndraft: true\n---\n');
const link = (slug: string, options: { for?: string; expiresAt?: Date; secret?: string } = {}) =>
  `/articles/${slug}?preview=${previewToken({ secret: options.secret ?? secret, slug: options.for ?? slug, expiresAt: options.expiresAt ?? new Date(now.getTime() + 86_400_000) })}`;

beforeAll(async () => {
  dir = makeArticlesDir();
  writeArticle(dir, { slug: 'live', title: 'Live article', published: '2024-01-01' });
  writeFileSync(path.join(dir, 'draft.md'), draftSource('draft', 'A draft for review'));
  writeArticle(dir, { slug: 'later', title: 'Later', published: '2027-03-01' });
  writeArticle(dir, { slug: 'taken-down', title: 'Taken down', published: '2024-01-03' });
  process.env.CITED_ARTICLES_DIR = dir;
  process.env.CITED_PREVIEW_SECRET = secret;
  handler = await loadHandler();
  setClock(now);
  await settle();
  writeFileSync(path.join(dir, 'taken-down.md'), draftSource('taken-down', 'Taken down'));
  await settle();
});

afterAll(() => {
  delete process.env.CITED_PREVIEW_SECRET;
  setClock(null);
  rmSync(dir, { recursive: true, force: true });
  errors.mockRestore();
});

describe('a signed preview link', () => {
  it('shows the draft, noindex, private and never stored by a shared cache', async () => {
    const response = await get(handler, link('draft'));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const html = await response.text();
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    const text = mainText(html);
    expect(text).toContain('A draft for review');
    expect(text).toContain('Only people with this preview link see it');
  });

  it('shows a scheduled article before its day, and a withdrawn one (410 for everyone else)', async () => {
    expect((await get(handler, link('later'))).status).toBe(200);
    expect((await get(handler, '/articles/later')).status).toBe(404);
    expect((await get(handler, link('taken-down'))).status).toBe(200);
    expect((await get(handler, '/articles/taken-down')).status).toBe(410);
  });

  it.each([
    ['no token', '/articles/draft'],
    ['an expired link', link('draft', { expiresAt: new Date(now.getTime() - 1000) })],
    ['another article’s link', link('draft', { for: 'later' })],
    ['a link signed with another secret', link('draft', { secret: 'another-secret-that-is-also-long-enough-xyz' })],
    ['a tampered expiry', link('draft').replace(/preview=\d+/, 'preview=99999999999')],
    ['garbage', '/articles/draft?preview=%00%ff..'],
    ['a huge token', `/articles/draft?preview=${'9'.repeat(5000)}.x`],
    ['a bad token before a good one', `/articles/draft?preview=x&${link('draft').split('?')[1] ?? ''}`],
  ])('is refused with %s: the 404 readers get', async (_name, pathname) => {
    expect((await get(handler, pathname)).status).toBe(404);
  });

  it('does nothing to published articles (still cacheable)', async () => {
    const response = await get(handler, link('live'));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/^public/);
  });

  it('is off without the secret', async () => {
    delete process.env.CITED_PREVIEW_SECRET;
    try {
      expect((await get(handler, link('draft'))).status).toBe(404);
    } finally {
      process.env.CITED_PREVIEW_SECRET = secret;
    }
  });
});

describe('CITED_PREVIEW=1', () => {
  it('never shows drafts in production', async () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    process.env.CITED_PREVIEW = '1';
    try {
      expect((await get(handler, '/articles/draft')).status).toBe(404);
      expect(errors.mock.calls.map((call) => String(call[0])).join('\n')).toContain('CITED_PREVIEW=1 is ignored in production');
    } finally {
      process.env.NODE_ENV = before;
      delete process.env.CITED_PREVIEW;
    }
  });
});
