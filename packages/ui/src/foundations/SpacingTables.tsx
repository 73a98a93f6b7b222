import { vars } from '../theme/contract.css';
import { space } from '../theme/tokens';
import { FoundationsPage, remToPx } from './docs-blocks';
import * as styles from './foundations.css';

type Space = keyof typeof space;
const spaceKeys = Object.keys(space) as Space[];

export function SpacingPage() {
  return (
    <FoundationsPage>
      <ul className={styles.specimenList}>
        {spaceKeys.map((key) => (
          <li key={key} className={styles.specimenRow}>
            <span className={styles.specimenMeta}>
              <span className={styles.specimenName}>space.{key}</span>
              <span>
                {space[key]} · {remToPx(space[key])}
              </span>
            </span>
            <span className={styles.spaceBar} style={{ width: vars.space[key] }} aria-hidden="true" />
          </li>
        ))}
      </ul>
    </FoundationsPage>
  );
}
