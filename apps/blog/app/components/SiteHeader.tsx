import { Link, useLocation } from '@remix-run/react';
import type { Category } from '../lib/articles.server';
import { SITE_NAME, SITE_TAGLINE } from '../lib/site';
import * as styles from '../styles/layout.css';

export function SiteHeader({ categories }: { categories: readonly Category[] }) {
  const { pathname } = useLocation();
  const current = (href: string) => (pathname === href ? 'page' : undefined);
  return (
    <header className={styles.siteHeader}>
      <div className={styles.siteHeaderInner}>
        <Link to="/" className={styles.brand}>
          <span className={styles.brandName}>{SITE_NAME}</span>
          <span className={styles.brandTagline}>{SITE_TAGLINE}</span>
        </Link>
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
          </ul>
        </nav>
      </div>
    </header>
  );
}
