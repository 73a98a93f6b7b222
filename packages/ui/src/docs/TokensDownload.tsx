import { Unstyled } from '@storybook/addon-docs/blocks';
import { useMemo } from 'react';
import { themeNames, themeTokens } from '../theme/tokens';
import * as styles from './docs.css';
import { flattenTokens, tokenRows } from './tokenTable';

const typeOf = (path: string): string | undefined => {
  if (path.startsWith('color.')) return 'color';
  if (path.startsWith('space.') || path.startsWith('radius.') || path.startsWith('fontSize.')) return 'dimension';
  if (path.startsWith('font.')) return 'fontFamily';
  if (path.startsWith('fontWeight.')) return 'fontWeight';
  if (path.startsWith('motion.duration.')) return 'duration';
  if (path === 'motion.easing') return 'cubicBezier';
  if (path.startsWith('shadow.')) return 'shadow';
  return undefined;
};

/**
 * tokens.json in the Design Tokens Community Group format, built from the live theme source:
 * one group per theme, each token with its $value, $type and its CSS custom property.
 */
export function buildTokensJson(): string {
  const cssVars = Object.fromEntries(tokenRows().map((row) => [row.path, row.cssVar]));
  const document: Record<string, unknown> = {};
  for (const theme of themeNames) {
    const group: Record<string, unknown> = {};
    for (const [path, value] of flattenTokens(themeTokens[theme])) {
      const keys = path.split('.');
      let node = group;
      for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
      const type = typeOf(path);
      node[keys[keys.length - 1] as string] = {
        $value: value,
        ...(type ? { $type: type } : {}),
        $extensions: { 'org.cited.cssVar': cssVars[path] },
      };
    }
    document[theme] = group;
  }
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** A download link for tokens.json (a data: URL, so it works in a static Storybook build). */
export function TokensDownload({ href }: { href?: string }) {
  const dataUrl = useMemo(() => href ?? `data:application/json;charset=utf-8,${encodeURIComponent(buildTokensJson())}`, [href]);
  return (
    <Unstyled>
      <p>
        <a className={styles.downloadLink} href={dataUrl} download="tokens.json">
          Download tokens.json
        </a>
      </p>
    </Unstyled>
  );
}
