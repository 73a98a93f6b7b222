import { Link, useLocation } from '@remix-run/react';
import type { Category } from '../lib/articles.server';
import type { PublicSite } from '../lib/site.server';
import * as styles from '../styles/layout.css';

/** The search box: a plain GET form, so it works without JavaScript. */
function SearchForm({ query }: { query: string }) {
  return (
    <form method="get" action="/search" role="search" aria-label="Articles" className={styles.searchForm}>
      <label htmlFor="site-search" className={styles.searchLabel}>
        Search articles
      </label>
      <div className={styles.searchRow}>
        <input
          id="site-search"
          className={styles.searchInput}
          type="search"
          name="q"
          defaultValue={query}
          maxLength={500}
          autoComplete="off"
          enterKeyHint="search"
        />
        <button type="submit" className={styles.searchButton}>
          Search
        </button>
      </div>
    </form>
  );
}

export function SiteHeader({ categories, site }: { categories: readonly Category[]; site: PublicSite | undefined }) {
  const { pathname, search } = useLocation();
  const current = (href: string) => (pathname === href ? 'page' : undefined);
  const query = pathname === '/search' ? (new URLSearchParams(search).get('q') ?? '') : '';
  return (
    <header className={styles.siteHeader}>
      <div className={styles.siteHeaderInner}>
        <Link to="/" className={styles.brand}>
          <span className={styles.brandName}>{site?.name}</span>
          <span className={styles.brandTagline}>{site?.tagline}</span>
        </Link>
        <SearchForm query={query} />
        <nav aria-label="Main" className={styles.siteNav}>
          <ul className={styles.navList}>
            <li>
              <Link to="/" className={styles.navLink} aria-current={current('/')}>
                All articles
              </Link>
            </li>
            {categories.map((category) => {
              const href = `/category/${category.slug}`;
              return (
                <li key={category.slug}>
                  <Link to={href} className={styles.navLink} aria-current={current(href)}>
                    {category.name}
                  </Link>
                </li>
              );
            })}
            <li>
              <Link to="/contact" className={styles.navLink} aria-current={current('/contact')}>
                Contact
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
