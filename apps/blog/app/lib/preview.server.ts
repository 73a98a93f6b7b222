import { defaultPreviewDays, previewSecret, previewToken, previewTokenValid } from '../../server/preview-token.js';

/**
 * Signed preview links (server/preview-token.js): a draft or scheduled article, shown to whoever
 * has its link until the link expires. Off without CITED_PREVIEW_SECRET.
 */
export type PreviewLinks = { on: true; linkFor: (slug: string) => { href: string; expiresAt: string } } | { on: false; why: string };

/** What /_content says of preview links: each draft's link, or how to turn them on. */
export function previewLinks(now: Date): PreviewLinks {
  const configured = previewSecret();
  if ('off' in configured) return { on: false, why: configured.off };
  const expiresAt = new Date(now.getTime() + defaultPreviewDays * 86_400_000);
  return {
    on: true,
    linkFor: (slug) => ({ href: `/articles/${slug}?preview=${previewToken({ secret: configured.secret, slug, expiresAt })}`, expiresAt: expiresAt.toISOString() }),
  };
}

/** Whether the request's `?preview=` token opens this article now. */
export function previewAllowed(request: Request, slug: string, now: Date): boolean {
  const token = new URL(request.url).searchParams.get('preview');
  if (!token) return false;
  const configured = previewSecret();
  return 'secret' in configured && previewTokenValid({ secret: configured.secret, slug, token, now });
}

/** Headers of a preview: never indexed, never kept by a shared cache. */
export const previewHeaders = { 'X-Robots-Tag': 'noindex, nofollow', 'Cache-Control': 'private, no-store' } as const;
