import type { ReactNode } from 'react';
import { darkTheme, lightTheme } from '../theme/themes.css';
import { themeNames, type ThemeName } from '../theme/tokens';
import * as styles from './docs.css';

const themeClass: Record<ThemeName, string> = { light: lightTheme, dark: darkTheme };

/**
 * Content shown in the light and the dark theme side by side (theme classes), whatever the
 * toolbar says. Plain boxes, not landmarks: a docs page shows several of these.
 */
export function BothThemes({ children }: { children: (theme: ThemeName) => ReactNode }) {
  return (
    <div className={styles.bothThemes}>
      {themeNames.map((theme) => (
        <div key={theme} className={`${themeClass[theme]} ${styles.themeCard}`}>
          <p className={styles.themeLabel}>{theme === 'light' ? 'Light theme' : 'Dark theme'}</p>
          {children(theme)}
        </div>
      ))}
    </div>
  );
}
