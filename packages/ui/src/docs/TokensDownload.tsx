import { Unstyled } from '@storybook/addon-docs/blocks';
import { useMemo } from 'react';
import { designTokens } from '../theme/designTokens';
import * as styles from './docs.css';

/**
 * A download of tokens.json: the same document `npm run build` writes to dist/tokens.json (and
 * the package exports as @cited/ui/tokens.json), built by the same function from the live theme
 * source. A data: URL, so it works in a static Storybook build.
 */
export function TokensDownload() {
  const href = useMemo(() => `data:application/json;charset=utf-8,${encodeURIComponent(`${JSON.stringify(designTokens(), null, 2)}\n`)}`, []);
  return (
    <Unstyled>
      <p>
        <a className={styles.downloadLink} href={href} download="tokens.json">
          Download tokens.json
        </a>
      </p>
    </Unstyled>
  );
}
