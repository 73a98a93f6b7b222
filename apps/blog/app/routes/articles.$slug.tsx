import { ArticleBody, ArticleKeyPoints, toReferenceListData } from '@cited/content/react';
import { Breadcrumbs, ContentsList, CTA, Disclosure, Prose, ReferenceList, ReviewStatus } from '@cited/ui';
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import type { TocEntry } from '@cited/content';
import { ArticleList } from '../components/ArticleList';
import { FileProblemList } from '../components/ContentProblems';
import { GonePage } from '../components/GonePage';
import { ReadabilityReport } from '../components/ReadabilityReport';
import { EmergencyNumber } from '../components/SiteFooter';
import { TagList } from '../components/TagList';
import { contentToday, getArticle, getCatalog, getProblemsForSlug, isPreview, summarize } from '../lib/articles.server';
import { formatDate, formatReadingTime, slugifyCategory } from '../lib/format';
import { medicalWebPageJsonLd, serializeJsonLd } from '../lib/jsonld';
import { bylineFor, personById } from '../lib/people.server';
import { previewAllowed, previewHeaders } from '../lib/preview.server';
import { readabilityOf } from '../lib/readability.server';
import { seoMeta, siteOf } from '../lib/seo';
import { absoluteUrl } from '../lib/site';
import { siteConfig } from '../lib/site.server';
import { relatedArticles } from '../lib/taxonomy.server';
import * as styles from '../styles/article.css';
import * as diagnosticsStyles from '../styles/diagnostics.css';

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const slug = params.slug ?? '';
  // Dev: a file whose current version has errors shows them, instead of a 404 or its last good version.
  const problems = isPreview() ? await getProblemsForSlug(slug) : null;
  if (problems) {
    const readability = await readabilityOf(problems.file, undefined);
    return data({ kind: 'problems' as const, problems, ...(readability ? { readability } : {}) }, { status: 500 });
  }
  const published = slug ? await getArticle(slug) : null;
  // A draft or scheduled article, for whoever has its signed preview link (everyone else: 404/410).
  const signedPreview = !published && slug !== '' && previewAllowed(request, slug, new Date());
  const served = published ?? (signedPreview ? await getArticle(slug, { unpublished: true }) : null);
  if (!served) {
    const { snapshot } = await getCatalog();
    // An earlier URL of a published article (a changed slug, a renamed file, `redirectFrom:`).
    const moved = snapshot.redirectFor(slug);
    if (moved) throw redirect(`/articles/${moved.to}`, 301);
    // An article that was published and is not now: 410 Gone, with a way on.
    const gone = snapshot.goneAt(slug);
    if (gone) {
      const related = relatedArticles(snapshot, gone.listing);
      const instead = (related.length > 0 ? related : snapshot.articles.slice(0, 3)).map(summarize);
      return data(
        { kind: 'gone' as const, title: gone.listing.title, reason: gone.reason, ...(gone.removedOn ? { removedOn: gone.removedOn } : {}), related: instead },
        { status: 410 },
      );
    }
    // Unknown slug, or an article that has never compiled without errors (logged by the store):
    // readers get the 404 page; every other page keeps working.
    throw data(null, { status: 404, statusText: 'Article not found' });
  }
  const { article, visibility } = served;
  const canonicalUrl = absoluteUrl(`/articles/${article.meta.slug}`);
  const site = siteConfig();
  const { snapshot } = await getCatalog();
  const listing = snapshot.entry(article.meta.slug)?.listing;
  const person = (id: string | undefined) => {
    const record = personById(id);
    return record ? { record, pageUrl: absoluteUrl(`/authors/${record.id}`) } : undefined;
  };
  const publisherRecord = personById(site.publisher.id);
  const author = person(article.meta.author);
  const reviewer = person(article.meta.reviewedBy);
  // A reviewer people.yml no longer lists (a last good version, held since): no one can be named
  // or linked, so no review date is claimed either.
  const reviewUnvouched = Boolean(article.meta.reviewedBy) && !reviewer;
  const page = {
    kind: 'article' as const,
    article,
    visibility,
    signedPreview,
    canonicalUrl,
    author: bylineFor(article.meta.author),
    reviewer: bylineFor(article.meta.reviewedBy),
    lastReviewed: reviewUnvouched ? undefined : article.meta.lastReviewed,
    // Review dates are judged against the content clock's day (the HTML cache rolls over daily).
    today: contentToday(),
    disclaimer: site.disclaimer,
    ...(site.emergencyNumber ? { emergencyNumber: site.emergencyNumber } : {}),
    related: listing ? relatedArticles(snapshot, listing).map(summarize) : [],
    categorySlug: slugifyCategory(article.meta.category),
    // The CTA comes from the body's :::cta directive when there is one, else from frontmatter.
    showFrontmatterCta: Boolean(article.meta.cta) && !bodyHasCta(article.hast),
    jsonLd: serializeJsonLd(
      medicalWebPageJsonLd(
        reviewUnvouched ? { ...article, meta: { ...article.meta, lastReviewed: undefined } } : article,
        canonicalUrl,
        {
          ...(author ? { author } : {}),
          ...(reviewer ? { reviewer } : {}),
          publisher: {
            name: site.publisher.name,
            ...(site.publisher.url ? { url: site.publisher.url } : {}),
            ...(publisherRecord ? { record: publisherRecord, pageUrl: absoluteUrl(`/authors/${publisherRecord.id}`) } : {}),
          },
        },
        site,
      ),
    ),
  };
  return data(page, signedPreview ? { headers: previewHeaders } : {});
}

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) => {
  if (!page) return [];
  const site = siteOf(matches);
  if (page.kind === 'problems') return [{ title: site.name ? `Content error · ${site.name}` : 'Content error' }, { name: 'robots', content: 'noindex' }];
  if (page.kind === 'gone') return [{ title: `No longer available: ${page.title}${site.name ? ` · ${site.name}` : ''}` }, { name: 'robots', content: 'noindex' }];
  const tags = seoMeta(
    {
      title: page.article.meta.title,
      description: page.article.meta.description,
      canonicalUrl: page.canonicalUrl,
      type: 'article',
      publishedTime: page.article.meta.published,
      modifiedTime: page.article.meta.updated ?? page.article.meta.published,
      section: page.article.meta.category,
    },
    site,
  );
  // Dev previews of drafts and scheduled articles must never be indexed.
  return page.visibility === 'published' ? tags : [...tags, { name: 'robots', content: 'noindex' }];
};

/** True when the body already has a :::cta directive (rendered inline by ArticleBody). */
function bodyHasCta(node: { type: string; tagName?: string; children?: unknown[] }): boolean {
  if (node.type === 'element' && node.tagName === 'cited-cta') return true;
  return (node.children ?? []).some((child) => bodyHasCta(child as Parameters<typeof bodyHasCta>[0]));
}

/**
 * The article's sections, from its h2 headings (care cards' included: a reader looking for when to
 * get help finds them here). Sub-sections stay out: the list is for finding a section, not an outline.
 */
function TableOfContents({ entries }: { entries: readonly TocEntry[] }) {
  const sections = entries.filter((entry) => entry.depth === 2);
  if (sections.length < 2) return null;
  return (
    <ContentsList
      id="contents"
      className={styles.toc}
      items={sections.map((entry) => ({ href: `#${entry.id}`, label: entry.text }))}
    />
  );
}

function PreviewBanner({ visibility, published, signed }: { visibility: 'draft' | 'scheduled'; published: string; signed: boolean }) {
  const shownBy = signed ? 'Only people with this preview link see it, until the link expires' : 'Only the dev server shows it';
  return (
    <p className={diagnosticsStyles.banner} role="note">
      {visibility === 'draft'
        ? `Draft: not published. ${shownBy}; readers get a 404 (a 410 if it was published before).`
        : `Scheduled for ${formatDate(published)}: not published yet. ${shownBy} before then.`}
    </p>
  );
}

export default function ArticleRoute() {
  const page = useLoaderData<typeof loader>();
  if (page.kind === 'problems') {
    return (
      <div className={diagnosticsStyles.problems}>
        <h1>This article has errors</h1>
        <p>
          Fix the file and reload this page. <a href="/_content">All content problems</a>.
        </p>
        <FileProblemList files={[page.problems]} />
        {page.readability ? <ReadabilityReport reports={[page.readability]} total={1} /> : null}
      </div>
    );
  }
  if (page.kind === 'gone') return <GonePage title={page.title} reason={page.reason} removedOn={page.removedOn} related={page.related} />;
  return <ArticlePage page={page} />;
}

type ArticlePageData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { kind: 'article' }>;

function ArticlePage({ page }: { page: ArticlePageData }) {
  const { article, author, reviewer, lastReviewed, today, disclaimer, emergencyNumber, related, categorySlug, jsonLd, showFrontmatterCta, visibility } = page;
  const { meta } = article;
  const references = toReferenceListData(article);
  return (
    <>
    <article className={styles.article} aria-labelledby="article-title">
      {/* Structured data, not executable script: escaped by serializeJsonLd. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
      {visibility !== 'published' ? <PreviewBanner visibility={visibility} published={meta.published} signed={page.signedPreview} /> : null}
      <header className={styles.header}>
        <Breadcrumbs
          items={[
            { href: '/', label: 'Home' },
            { href: `/category/${categorySlug}`, label: meta.category },
          ]}
          current={meta.title}
        />
        <h1 id="article-title" className={styles.title}>
          {meta.title}
        </h1>
        <p className={styles.standfirst}>{meta.description}</p>
        <ReviewStatus
          className={styles.byline}
          author={author}
          reviewer={reviewer}
          published={meta.published}
          lastReviewed={lastReviewed}
          nextReviewDue={meta.nextReviewDue}
          today={today}
        />
        {meta.disclosure ? <Disclosure className={styles.disclosure}>{meta.disclosure}</Disclosure> : null}
        <dl className={styles.facts}>
          {meta.updated && meta.updated !== meta.published ? (
            <div className={styles.fact}>
              <dt>Updated</dt>
              <dd>
                <time dateTime={meta.updated}>{formatDate(meta.updated)}</time>
              </dd>
            </div>
          ) : null}
          <div className={styles.fact}>
            <dt>Reading time</dt>
            <dd>{formatReadingTime(article.readingTimeMinutes)}</dd>
          </div>
        </dl>
        {meta.tags.length > 0 ? <TagList tags={meta.tags} label="Topics" /> : null}
      </header>
      {/* Pulled out of the body by the compiler: the article in a few sentences, before the contents. */}
      <ArticleKeyPoints article={article} className={styles.keyPoints} />
      <TableOfContents entries={article.toc} />
      <Prose>
        <ArticleBody article={article} emergencyNumber={emergencyNumber} />
      </Prose>
      {references.length > 0 ? <ReferenceList className={styles.references} references={references} /> : null}
      <aside className={styles.disclaimer} aria-labelledby="disclaimer-heading">
        <h2 id="disclaimer-heading" className={styles.disclaimerHeading}>
          About this information
        </h2>
        <p>{disclaimer}</p>
        <p>
          If you have sudden or severe symptoms, call {emergencyNumber ? <EmergencyNumber number={emergencyNumber} /> : 'your local emergency number'}.
        </p>
      </aside>
      {showFrontmatterCta && meta.cta ? (
        <CTA className={styles.cta} heading={meta.cta.heading} action={{ href: meta.cta.href, label: meta.cta.label }}>
          {meta.cta.body}
        </CTA>
      ) : null}
    </article>
      {related.length > 0 ? (
        <section className={styles.related} aria-labelledby="related-heading">
          <h2 id="related-heading" className={styles.relatedHeading}>
            Related articles
          </h2>
          <ArticleList articles={related} label="Related articles" headingLevel={3} idPrefix="related" />
        </section>
      ) : null}
    </>
  );
}
