import { WarningCallout } from '@cited/ui';
import { formatCount } from '../lib/format';

export interface ColdPassCounts {
  /** Files the content store's cold pass has looked at so far, of `total`. */
  looked: number;
  total: number;
  /** Articles readers can get now. */
  published: number;
  /** ISO time the pass started. */
  startedAt?: string;
}

const time = new Intl.DateTimeFormat('en-US', { timeStyle: 'short', timeZone: 'UTC' });

function startedAtText(startedAt: string | undefined): string {
  const date = startedAt ? new Date(startedAt) : undefined;
  return date && !Number.isNaN(date.getTime()) ? ` (it started at ${time.format(date)} UTC)` : '';
}

/**
 * /_content while the content store publishes as it goes (more new files than it checks before
 * answering: a start without the build-time database, a large batch of new files), in the words of
 * what readers get meanwhile.
 */
export function ColdPassNotice({ looked, total, published, startedAt }: ColdPassCounts) {
  return (
    <WarningCallout heading="Publishing is still catching up">
      <p>
        {formatCount(looked)} of {formatCount(total)} files looked at; {formatCount(published)} {published === 1 ? 'article' : 'articles'}{' '}
        published so far{startedAtText(startedAt)}. The server started with more new files than it checks before answering (no
        database from <code>cited-content build</code>, or a large batch of new articles), so it publishes each article as it looks at
        it.
      </p>
      <p>
        Until the pass ends, an article not looked at yet answers 404 Not found and is missing from the index, category pages, feed,
        sitemap and search. Links between articles, authors and reviewers, and the rules of site.yml are checked once every file has
        been looked at: until then this page lists only the problems found in each file on its own, and an article published early is
        held back then if those checks find an error. Reload this page to see how far it is.
      </p>
    </WarningCallout>
  );
}
