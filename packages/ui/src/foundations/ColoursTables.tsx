import { Fragment } from 'react';
import { contrastRatio } from '../theme/contrast';
import { textPairs, type TextPair } from '../theme/pairs';
import { darkColors, lightColors, themeNames, type ColorTokens, type ThemeName } from '../theme/tokens';
import { DataTable } from '../docs/DataTable';
import { Badge, FoundationsPage, ThemePanel } from './docs-blocks';
import * as styles from './foundations.css';

const colorsByTheme: Record<ThemeName, ColorTokens> = { light: lightColors, dark: darkColors };

interface ColorEntry {
  /** Path in the theme contract, e.g. `tone.info.surface` for `vars.color.tone.info.surface`. */
  path: string;
  value: string;
}

/** Every colour token of a theme, flattened to contract paths, in declaration order. */
function flattenColors(tokens: object, prefix = ''): ColorEntry[] {
  return Object.entries(tokens).flatMap(([key, value]): ColorEntry[] =>
    typeof value === 'string' ? [{ path: `${prefix}${key}`, value }] : flattenColors(value as object, `${prefix}${key}.`),
  );
}

/** Rounded down, so a pair that misses 4.5:1 by a hair never reads as "4.50:1". */
function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}

/** The highest WCAG level a ratio reaches (AA large text and UI components both need 3:1). */
function wcagLevel(ratio: number): string {
  if (ratio >= 7) return 'AAA';
  if (ratio >= 4.5) return 'AA';
  if (ratio >= 3) return 'AA large text · UI';
  return 'Below 3:1';
}

/** Pairs with a 3:1 minimum are borders and focus rings: shown as a line, not as text. */
function isNonTextPair(pair: TextPair): boolean {
  return pair.minimum < 4.5;
}

function Swatches({ colors }: { colors: ColorTokens }) {
  return (
    <ul className={styles.swatchGrid} aria-label="Colour tokens">
      {flattenColors(colors).map(({ path, value }) => (
        <li key={path} className={styles.swatchItem}>
          <span className={styles.swatchChip} style={{ backgroundColor: value }} aria-hidden="true" />
          <span className={styles.swatchText}>
            <code className={styles.code}>
              {/* Long paths wrap at their dots, not mid-word. */}
              {`color.${path}`.split('.').map((part, index) => (
                <Fragment key={index}>
                  {index > 0 && (
                    <>
                      .<wbr />
                    </>
                  )}
                  {part}
                </Fragment>
              ))}
            </code>
            <span className={styles.code}>{value}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

function PairSample({ pair, colors }: { pair: TextPair; colors: ColorTokens }) {
  const foreground = pair.foreground(colors);
  const background = pair.background(colors);
  if (isNonTextPair(pair)) {
    return (
      <span className={styles.pairLineSample} style={{ backgroundColor: background }} aria-hidden="true">
        <span style={{ borderColor: foreground }} />
      </span>
    );
  }
  return (
    <span className={styles.pairSample} style={{ color: foreground, backgroundColor: background }}>
      Back pain after surgery
    </span>
  );
}

function ContrastTable({ theme }: { theme: ThemeName }) {
  const colors = colorsByTheme[theme];
  return (
    <DataTable
      caption={`Contrast of every text pair (${theme})`}
      columns={['Pair', 'Specimen', 'Colours', 'Ratio', 'Required', 'Result']}
    >
      {textPairs.map((pair) => {
        const foreground = pair.foreground(colors);
        const background = pair.background(colors);
        const ratio = contrastRatio(foreground, background);
        const passes = ratio >= pair.minimum;
        return (
          <tr key={pair.name}>
            <th scope="row">{pair.name}</th>
            <td>
              <PairSample pair={pair} colors={colors} />
            </td>
            <td className={styles.code}>
              {foreground} on {background}
            </td>
            <td className={styles.numeric}>{formatRatio(ratio)}</td>
            <td className={styles.numeric}>{pair.minimum}:1</td>
            <td>
              <Badge variant={passes ? 'pass' : 'fail'}>{passes ? 'Pass' : 'Fail'}</Badge>{' '}
              <Badge variant="level">{wcagLevel(ratio)}</Badge>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}

export function ColorsPage() {
  return (
    <FoundationsPage>
      {themeNames.map((theme) => (
        <ThemePanel key={theme} theme={theme}>
          <h3 className={styles.subheading}>Tokens</h3>
          <Swatches colors={colorsByTheme[theme]} />
          <h3 className={styles.subheading}>Text pairs</h3>
          <ContrastTable theme={theme} />
        </ThemePanel>
      ))}
    </FoundationsPage>
  );
}
