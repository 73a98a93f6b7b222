/** Site identity shared by meta tags, feeds and the page chrome. */
export const SITE_NAME = 'cited';
export const SITE_TAGLINE = 'Health articles that show their evidence';
export const SITE_DESCRIPTION =
  'Plain-language articles on health conditions and treatments, with every claim linked to the study behind it.';

/** Articles per index/category page. */
export const PAGE_SIZE = 20;

/**
 * Absolute origin used for canonical URLs, feeds and the sitemap. Server-only: read in loaders
 * and resource routes, never in components (process.env does not exist in the browser).
 */
export function siteUrl(): string {
  const configured = process.env.SITE_URL?.trim();
  return (configured && configured.length > 0 ? configured : 'http://localhost:3000').replace(/\/+$/, '');
}

export function absoluteUrl(pathname: string): string {
  return `${siteUrl()}${pathname.startsWith('/') ? pathname : `/${pathname}`}`;
}
