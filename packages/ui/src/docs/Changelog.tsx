/// <reference types="vite/client" />
import { Markdown, Unstyled } from '@storybook/addon-docs/blocks';
import { changelogPackage, parseChangeset } from './changelog';
import * as styles from './docs.css';

// Paths from this folder (packages/ui/src/docs) to the workspace packages and .changeset/.
const changelogs = import.meta.glob<string>(['../../../*/CHANGELOG.md', '../../../../apps/*/CHANGELOG.md'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
const changesetFiles = import.meta.glob<string>('../../../../.changeset/*.md', { query: '?raw', import: 'default', eager: true });

const pending = Object.entries(changesetFiles)
  .filter(([file]) => !file.endsWith('/README.md'))
  .map(([file, source]) => parseChangeset(file.split('/').pop() ?? file, source));

/** Pending changesets for one package: what the next release will say. */
export function PendingChanges({ packageName }: { packageName: string }) {
  const changes = pending.filter((change) => packageName in change.bumps);
  if (changes.length === 0) return <p>No unreleased changes.</p>;
  return (
    <Unstyled>
      <ul className={styles.pendingList}>
        {changes.map((change) => (
          <li key={change.file}>
            <span className={styles.bump}>{change.bumps[packageName]}</span> {change.summary}
          </li>
        ))}
      </ul>
    </Unstyled>
  );
}

/** A package's released changelog, as written by `changeset version`. */
export function PackageChangelog({ packageName }: { packageName: string }) {
  const source = Object.values(changelogs).find((text) => changelogPackage(text) === packageName);
  if (!source) return <p>No release of {packageName} yet: its CHANGELOG.md is written by the first <code>changeset version</code>.</p>;
  // The file's own "# @cited/ui" heading is the page's section heading already.
  return <Markdown>{source.replace(/^#\s+\S+\s*\n/, '').replace(/^## /gm, '### ').replace(/^### (Major|Minor|Patch) Changes/gm, '#### $1 changes')}</Markdown>;
}
