import type { Article, NumberedReference, PersonRecord, SiteConfig } from '@cited/content';

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

/**
 * A registry record as schema.org: a `Person` (name, credentials, role) or an `Organization`
 * (name, URL, contact point). `@id` is its page on this site, so every article names one entity.
 */
export function personJsonLd(record: PersonRecord, pageUrl: string): Record<string, unknown> {
  if (record.type === 'person') {
    return {
      '@type': 'Person',
      '@id': pageUrl,
      name: record.name,
      url: record.url ?? pageUrl,
      ...(record.credentials ? { honorificSuffix: record.credentials } : {}),
      ...(record.role ? { jobTitle: record.role } : {}),
      ...(record.bio ? { description: record.bio } : {}),
      ...(record.url ? { sameAs: [record.url] } : {}),
    };
  }
  const contact = record.contact;
  return {
    '@type': 'Organization',
    '@id': pageUrl,
    name: record.name,
    url: record.url ?? pageUrl,
    ...(record.description ? { description: record.description } : {}),
    ...(contact?.email || contact?.telephone
      ? {
          contactPoint: {
            '@type': 'ContactPoint',
            ...(contact.email ? { email: contact.email } : {}),
            ...(contact.telephone ? { telephone: contact.telephone } : {}),
          },
        }
      : {}),
    ...(contact?.address ? { address: contact.address } : {}),
  };
}

export interface ArticlePeople {
  author?: { record: PersonRecord; pageUrl: string };
  reviewer?: { record: PersonRecord; pageUrl: string };
  /** The site's publisher, with its registry record when site.yml names one. */
  publisher: { name: string; url?: string; record?: PersonRecord; pageUrl?: string };
}

/** schema.org MedicalWebPage for an article; review fields only when the article has them. */
export function medicalWebPageJsonLd(
  article: Article,
  canonicalUrl: string,
  people: ArticlePeople,
  site: Pick<SiteConfig, 'locale'>,
): Record<string, unknown> {
  const { meta } = article;
  const { author, reviewer, publisher } = people;
  return {
    '@context': 'https://schema.org',
    '@type': 'MedicalWebPage',
    '@id': canonicalUrl,
    url: canonicalUrl,
    name: meta.title,
    headline: meta.title,
    description: meta.description,
    inLanguage: site.locale,
    datePublished: meta.published,
    dateModified: meta.updated ?? meta.published,
    ...(meta.lastReviewed ? { lastReviewed: meta.lastReviewed } : {}),
    ...(reviewer ? { reviewedBy: personJsonLd(reviewer.record, reviewer.pageUrl) } : {}),
    ...(author ? { author: personJsonLd(author.record, author.pageUrl) } : {}),
    ...(meta.tags.length ? { keywords: meta.tags.join(', ') } : {}),
    // schema.org has no conflict-of-interest property. `publishingPrinciples` is the CreativeWork
    // property for the statements "of the party primarily responsible for the creation of the
    // CreativeWork" about its ethics and funding (it takes a CreativeWork as well as a URL), which
    // is what a disclosure of what the author sells is; the page shows the same words by the byline.
    ...(meta.disclosure ? { publishingPrinciples: { '@type': 'CreativeWork', name: 'Disclosure', text: meta.disclosure } } : {}),
    publisher:
      publisher.record && publisher.pageUrl
        ? personJsonLd(publisher.record, publisher.pageUrl)
        : { '@type': 'Organization', name: publisher.name, ...(publisher.url ? { url: publisher.url } : {}) },
    citation: article.references.map(citationFor),
  };
}
