import { siteConfig } from './site.server';

/** Articles per index/category/tag page. */
export const PAGE_SIZE = 20;

/**
 * Absolute origin used for canonical URLs, feeds and the sitemap: SITE_URL when set (each
 * deployment's own), else `url` in site.yml. Server-only: read in loaders and resource routes.
 */
export function siteUrl(): string {
  const configured = process.env.SITE_URL?.trim();
  return (configured && configured.length > 0 ? configured : siteConfig().url).replace(/\/+$/, '');
}

export function absoluteUrl(pathname: string): string {
  return `${siteUrl()}${pathname.startsWith('/') ? pathname : `/${pathname}`}`;
}
