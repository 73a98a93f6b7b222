import type { SearchHit, SnippetPart } from '@cited/content/search';
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Pagination } from '../components/ArticleList';
import { TagList } from '../components/TagList';
import { formatArticleCount, formatCount as count, formatDate, parsePageParam, slugifyCategory } from '../lib/format';
import { searchArticles } from '../lib/search.server';
import { seoMeta, siteOf } from '../lib/seo';
import { absoluteUrl } from '../lib/site';
import * as styles from '../styles/list.css';

const RESULTS_PER_PAGE = 10;

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const page = parsePageParam(params.get('page'));
  if (page === null) throw data(null, { status: 400, statusText: 'Invalid page number' });
  // Never throws for any query: the words are searched as words (no FTS5 syntax gets through), and
  // the query echoed back is cleaned and capped (React escapes it). Snippets are text parts.
  const { results, index } = await searchArticles(params.get('q') ?? '', { page, pageSize: RESULTS_PER_PAGE });
  return {
    results,
    // Shown only when nothing is found: somewhere to go instead.
    popularTags: results.hits.length > 0 ? [] : index.popularTags.slice(0, 8).map(({ tag, count }) => ({ name: tag, slug: slugifyCategory(tag), count })),
    canonicalUrl: absoluteUrl('/search'),
  };
}

// Results depend on the query: never stored by shared caches or the server's HTML cache.
export const headers: HeadersFunction = () => ({ 'Cache-Control': 'private, no-cache', 'X-Robots-Tag': 'noindex' });

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) =>
  seoMeta(
    {
      title: page?.results.query ? `Search: ${page.results.query}` : 'Search',
      description: 'Search the articles by condition, treatment or any word.',
      canonicalUrl: page?.canonicalUrl ?? '',
      noindex: true,
    },
    siteOf(matches),
  );

/** Text runs with the found words in <mark>: React escapes every run, so no markup can come through. */
function Marked({ parts }: { parts: readonly SnippetPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.match ? (
          <mark key={i} className={styles.resultMark}>
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

function Result({ hit }: { hit: SearchHit }) {
  return (
    <li className={styles.item}>
      <article aria-labelledby={`result-${hit.id}`}>
        <h2 className={styles.itemTitle} id={`result-${hit.id}`}>
          <Link to={`/articles/${hit.id}`}>
            <Marked parts={hit.titleParts} />
          </Link>
        </h2>
        <p className={styles.resultSnippet}>
          <Marked parts={hit.snippet} />
        </p>
        <ul className={styles.itemFacts} aria-label="Details">
          <li>
            <Link to={`/category/${slugifyCategory(hit.category)}`} className={styles.itemCategory}>
              {hit.category}
            </Link>
          </li>
          <li>
            <time dateTime={hit.published}>{formatDate(hit.published)}</time>
          </li>
        </ul>
        <TagList tags={hit.tags} />
      </article>
    </li>
  );
}


function PopularTags({ tags }: { tags: readonly { name: string; slug: string; count: number }[] }) {
  if (tags.length === 0) return null;
  return (
    <>
      <h2 className={styles.sectionHeading}>Popular topics</h2>
      <TagList tags={tags.map((tag) => tag.name)} label="Popular topics" />
    </>
  );
}

export default function SearchPage() {
  const { results, popularTags } = useLoaderData<typeof loader>();
  const query = results.query ?? '';
  const basePath = `/search?q=${encodeURIComponent(query)}`;
  return (
    <>
      <div className={styles.intro}>
        <h1 className={styles.pageTitle}>{query ? `Results for “${query}”` : 'Search articles'}</h1>
        <p className={styles.lede} role="status">
          {!query
            ? 'Type a condition, treatment or any word in the search box above.'
            : results.total > 0
              ? `${results.rankedNewest ? 'More than ' : ''}${formatArticleCount(results.total)} found${results.pageCount > 1 ? ` (page ${count(results.page)} of ${count(results.pageCount)})` : ''}.`
              : 'No articles found.'}
        </p>
      </div>
      {results.truncated ? (
        <div className={styles.notice}>
          <p>Your search was long, so only its first words were used.</p>
        </div>
      ) : null}
      {results.rankedNewest ? (
        <div className={styles.notice}>
          <p>
            Many articles have these words. The {count(results.rankedNewest)} newest are shown, sorted by best match.
            Add a word to narrow the search.
          </p>
        </div>
      ) : null}
      {results.didYouMean ? (
        <div className={styles.notice}>
          <p>
            Did you mean{' '}
            <Link to={`/search?q=${encodeURIComponent(results.didYouMean)}`}>
              <strong>{results.didYouMean}</strong>
            </Link>
            ?{results.total > 0 ? ' These results include close spellings.' : ''}
          </p>
        </div>
      ) : null}
      {results.hits.length > 0 ? (
        <>
          <ol className={styles.list} aria-label={results.rankedNewest ? 'Search results, the newest, best match first' : 'Search results, best match first'}>
            {results.hits.map((hit) => (
              <Result key={hit.id} hit={hit} />
            ))}
          </ol>
          <Pagination
            page={results.page}
            pageCount={results.pageCount}
            basePath={basePath}
            labels={{ previous: '← Previous results', next: 'More results →' }}
          />
        </>
      ) : (
        <div className={styles.intro}>
          {query ? <p>Check the spelling, try fewer words, or browse a topic:</p> : null}
          <PopularTags tags={popularTags} />
          <p>
            Or <Link to="/">browse all articles</Link>, newest first.
          </p>
        </div>
      )}
    </>
  );
}
