import { Breadcrumbs } from '@cited/ui';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { ArticleList } from '../components/ArticleList';
import { ContactDetails } from '../components/ContactDetails';
import { getCatalog, summarize } from '../lib/articles.server';
import { formatCount } from '../lib/format';
import { personJsonLd, serializeJsonLd } from '../lib/jsonld';
import { personById } from '../lib/people.server';
import { seoMeta, siteOf } from '../lib/seo';
import { absoluteUrl } from '../lib/site';
import * as styles from '../styles/list.css';

export async function loader({ params }: LoaderFunctionArgs) {
  const person = personById(params.id);
  if (!person) throw data(null, { status: 404, statusText: 'Unknown author' });
  const { articles, snapshot } = await getCatalog();
  const canonicalUrl = absoluteUrl(`/authors/${person.id}`);
  return {
    person,
    canonicalUrl,
    // Every article the person wrote (the page is not paginated), from the store's author index.
    written: snapshot.page({ author: person.id, offset: 0, limit: Number.MAX_SAFE_INTEGER }).items.map(summarize),
    // Reviewers have no column in the store's database: filtered from the snapshot's list.
    reviewed: articles.filter((article) => article.reviewedBy === person.id).map(summarize),
    jsonLd: serializeJsonLd({ '@context': 'https://schema.org', ...personJsonLd(person, canonicalUrl) }),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) =>
  page
    ? seoMeta(
        {
          title: page.person.name,
          description:
            page.person.type === 'person'
              ? (page.person.bio ?? `Articles by ${page.person.name}.`)
              : (page.person.description ?? `Articles by ${page.person.name}.`),
          canonicalUrl: page.canonicalUrl,
          type: 'website',
        },
        siteOf(matches),
      )
    : [];

export default function AuthorPage() {
  const { person, written, reviewed, jsonLd } = useLoaderData<typeof loader>();
  const about = person.type === 'person' ? person.bio : person.description;
  const contact = person.type === 'organization' ? person.contact : undefined;
  return (
    <>
      {/* Structured data, not executable script: escaped by serializeJsonLd. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
      <div className={styles.intro}>
        <Breadcrumbs items={[{ href: '/', label: 'Home' }]} current={person.name} />
        <p className={styles.eyebrow}>{person.type === 'person' ? 'Author' : 'Organization'}</p>
        <h1 className={styles.pageTitle}>
          {person.name}
          {person.type === 'person' && person.credentials ? `, ${person.credentials}` : ''}
        </h1>
        {person.type === 'person' && person.role ? <p className={styles.lede}>{person.role}</p> : null}
        {about ? <p>{about}</p> : null}
        <ContactDetails contact={{ ...contact, ...(person.url ? { url: person.url } : {}) }} />
      </div>
      {written.length > 0 ? (
        <section aria-labelledby="written-heading" className={styles.listSection}>
          <h2 id="written-heading" className={styles.sectionHeading}>
            Articles by {person.name} ({formatCount(written.length)})
          </h2>
          <ArticleList articles={written} label={`Articles by ${person.name}`} headingLevel={3} idPrefix="written" />
        </section>
      ) : null}
      {reviewed.length > 0 ? (
        <section aria-labelledby="reviewed-heading" className={styles.listSection}>
          <h2 id="reviewed-heading" className={styles.sectionHeading}>
            Articles medically reviewed by {person.name} ({formatCount(reviewed.length)})
          </h2>
          <ArticleList articles={reviewed} label={`Articles reviewed by ${person.name}`} headingLevel={3} idPrefix="reviewed" />
        </section>
      ) : null}
      {written.length === 0 && reviewed.length === 0 ? <p className={styles.empty}>No published articles yet.</p> : null}
    </>
  );
}
