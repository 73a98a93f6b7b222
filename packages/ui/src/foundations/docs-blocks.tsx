/*
 * Building blocks shared by the foundations pages in Storybook. Docs only: not exported from
 * @cited/ui and not part of the published build.
 */
import { Unstyled } from '@storybook/addon-docs/blocks';
import { useId, type ReactNode } from 'react';
import { darkTheme, lightTheme } from '../theme/themes.css';
import type { ThemeName } from '../theme/tokens';
import * as styles from './foundations.css';

/**
 * The body of a foundations docs page (its MDX file holds the title and introduction), out of
 * Storybook's docs typography so the tables and specimens use the design system's own.
 */
export function FoundationsPage({ children }: { children: ReactNode }) {
  return (
    <Unstyled>
      <div className={styles.page}>{children}</div>
    </Unstyled>
  );
}

const themeClass: Record<ThemeName, string> = { light: lightTheme, dark: darkTheme };
const themeLabel: Record<ThemeName, string> = { light: 'Light theme', dark: 'Dark theme' };

/**
 * A section painted in one theme regardless of the page's theme (via the lightTheme/darkTheme
 * classes), so designers can compare both themes side by side.
 */
export function ThemePanel({ theme, children }: { theme: ThemeName; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className={`${themeClass[theme]} ${styles.themePanel}`} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {themeLabel[theme]}
      </h2>
      {/* skip-toc: specimens' headings are the components', not the page's (table of contents). */}
      <div className="skip-toc">{children}</div>
    </section>
  );
}

export function Badge({ variant, children }: { variant: keyof typeof styles.badge; children: ReactNode }) {
  return <span className={styles.badge[variant]}>{children}</span>;
}

/**
 * `1.125rem` → `18px`, at the browser's default 16px root size, to a tenth of a pixel: the scale's
 * rem values are rounded to 3 decimals, so `0.938rem` is shown as the 15px it stands for, not 15.01px.
 */
export function remToPx(rem: string): string {
  if (rem === '0') return '0px';
  const value = Number.parseFloat(rem);
  if (!rem.endsWith('rem') || Number.isNaN(value)) return rem;
  return `${Math.round(value * 16 * 10) / 10}px`;
}
