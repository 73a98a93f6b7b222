import { Link } from '@remix-run/react';
import { slugifyCategory } from '../lib/format';
import * as styles from '../styles/list.css';

/** An article's tags as links to their /tags pages. */
export function TagList({ tags, label = 'Tags' }: { tags: readonly string[]; label?: string }) {
  const unique = [...new Map(tags.map((tag) => [slugifyCategory(tag), tag])).entries()].filter(([slug]) => slug);
  if (unique.length === 0) return null;
  return (
    <ul className={styles.tagList} aria-label={label}>
      {unique.map(([slug, tag]) => (
        <li key={slug}>
          <Link to={`/tags/${slug}`} className={styles.tag}>
            {tag}
          </Link>
        </li>
      ))}
    </ul>
  );
}
