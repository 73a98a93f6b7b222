import { Link } from '@remix-run/react';
import type { PublicSite } from '../lib/site.server';
import * as styles from '../styles/layout.css';

/** site.yml's emergency number as a telephone link (never a guessed one). */
export function EmergencyNumber({ number }: { number: string }) {
  return <a href={`tel:${number.replace(/[^\d+]/g, '')}`}>{number}</a>;
}

export function SiteFooter({ site }: { site: PublicSite | undefined }) {
  return (
    <footer className={styles.siteFooter}>
      <div className={styles.siteFooterInner}>
        <div>
          <h2 className={styles.footerHeading}>About {site?.name}</h2>
          {site ? <p className={styles.footerText}>{site.footer}</p> : null}
          {site ? <p className={styles.footerText}>Published by {site.publisherName}.</p> : null}
          <p className={styles.footerText}>
            If you think you may have a medical emergency, call{' '}
            {site?.emergencyNumber ? <EmergencyNumber number={site.emergencyNumber} /> : 'your local emergency number'}.
          </p>
        </div>
        <div>
          <h2 className={styles.footerHeading}>Follow</h2>
          <ul className={styles.footerList}>
            <li>
              <Link to="/">All articles</Link>
            </li>
            <li>
              <Link to="/search">Search</Link>
            </li>
            <li>
              <Link to="/contact">Contact</Link>
            </li>
            <li>
              <a href="/rss.xml">RSS feed</a>
            </li>
            <li>
              <a href="/sitemap.xml">Sitemap</a>
            </li>
          </ul>
        </div>
      </div>
    </footer>
  );
}
