import type { Article, NumberedReference } from '@cited/content';
import { SITE_NAME } from './site';

/**
 * JSON for an inline <script type="application/ld+json">. JSON.stringify alone is not enough:
 * a string containing "</script>" or "<!--" would end or corrupt the element, so every <, >, &
 * and the JS line separators become \u escapes (still the same JSON value).
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function referenceUrl(reference: NumberedReference): string | undefined {
  if (reference.doi) return `https://doi.org/${reference.doi}`;
  if (reference.pmid) return `https://pubmed.ncbi.nlm.nih.gov/${reference.pmid}/`;
  return reference.url;
}

const schemaTypes: Record<NonNullable<NumberedReference['type']>, string> = {
  'article-journal': 'ScholarlyArticle',
  book: 'Book',
  chapter: 'Chapter',
  report: 'Report',
  webpage: 'WebPage',
};

function citationFor(reference: NumberedReference): Record<string, unknown> {
  const identifiers = [
    reference.doi ? { '@type': 'PropertyValue', propertyID: 'DOI', value: reference.doi } : null,
    reference.pmid ? { '@type': 'PropertyValue', propertyID: 'PMID', value: reference.pmid } : null,
  ].filter((id) => id !== null);
  const url = referenceUrl(reference);
  return {
    '@type': schemaTypes[reference.type ?? 'article-journal'],
    ...(reference.title ? { name: reference.title } : {}),
    ...(reference.authors?.length
      ? { author: reference.authors.map((name) => ({ '@type': 'Person', name })) }
      : {}),
    ...(reference.year !== undefined ? { datePublished: String(reference.year) } : {}),
    ...(reference.journal ? { isPartOf: { '@type': 'Periodical', name: reference.journal } } : {}),
    ...(reference.pages ? { pagination: reference.pages } : {}),
    ...(url ? { url } : {}),
    ...(identifiers.length ? { identifier: identifiers } : {}),
  };
}

/** schema.org MedicalWebPage for an article; review fields only when the article has them. */
export function medicalWebPageJsonLd(article: Article, canonicalUrl: string): Record<string, unknown> {
  const { meta } = article;
  return {
    '@context': 'https://schema.org',
    '@type': 'MedicalWebPage',
    '@id': canonicalUrl,
    url: canonicalUrl,
    name: meta.title,
    headline: meta.title,
    description: meta.description,
    inLanguage: 'en',
    datePublished: meta.published,
    dateModified: meta.updated ?? meta.published,
    ...(meta.lastReviewed ? { lastReviewed: meta.lastReviewed } : {}),
    ...(meta.reviewedBy ? { reviewedBy: { '@type': 'Person', name: meta.reviewedBy } } : {}),
    ...(meta.author ? { author: { '@type': 'Person', name: meta.author } } : {}),
    ...(meta.tags.length ? { keywords: meta.tags.join(', ') } : {}),
    publisher: { '@type': 'Organization', name: SITE_NAME },
    citation: article.references.map(citationFor),
  };
}
