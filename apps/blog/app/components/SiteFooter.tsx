import { Link } from '@remix-run/react';
import { SITE_NAME } from '../lib/site';
import * as styles from '../styles/layout.css';

export function SiteFooter() {
  return (
    <footer className={styles.siteFooter}>
      <div className={styles.siteFooterInner}>
        <div>
          <h2 className={styles.footerHeading}>About {SITE_NAME}</h2>
          <p className={styles.footerText}>
            Articles here explain health conditions and treatments in plain words and link every claim to the
            study behind it, so you can check the evidence yourself. They are general information, not medical
            advice for you.
          </p>
          <p className={styles.footerText}>If you think you may have a medical emergency, call your local emergency number.</p>
        </div>
        <div>
          <h2 className={styles.footerHeading}>Follow</h2>
          <ul className={styles.footerList}>
            <li>
              <Link to="/">All articles</Link>
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
