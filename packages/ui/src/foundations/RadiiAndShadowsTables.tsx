import { vars } from '../theme/contract.css';
import { darkShadows, lightShadows, radius } from '../theme/tokens';
import { DataTable } from '../docs/DataTable';
import { FoundationsPage } from './docs-blocks';
import * as styles from './foundations.css';

type Radius = keyof typeof radius;
type Shadow = keyof typeof lightShadows;
const radiusKeys = Object.keys(radius) as Radius[];
const shadowKeys = Object.keys(lightShadows) as Shadow[];

const radiusUse: Record<Radius, string> = {
  sm: 'Controls inside boxes: buttons, call links, citation markers, focus rings',
  md: 'Every box: cards, callouts, panels, previews (see Shape and tone)',
  lg: 'Not used by the components: for an app’s own large surfaces',
  pill: 'Round marks: dots, rings',
};

export function RadiiAndShadowsPage() {
  return (
    <FoundationsPage>
      <h2 className={styles.heading}>Radii</h2>
      <ul className={styles.tileGrid}>
        {radiusKeys.map((key) => (
          <li key={key} className={styles.radiusItem}>
            {/* The shape is drawn apart from its label: text inside a pill would cross its curve. */}
            <span className={styles.radiusShape} style={{ borderRadius: vars.radius[key] }} aria-hidden="true" />
            <span className={styles.specimenName}>radius.{key}</span>
            <span>{radius[key]}</span>
            <span className={styles.note}>{radiusUse[key]}</span>
          </li>
        ))}
      </ul>

      <h2 className={styles.heading}>Shadows</h2>
      <ul className={styles.tileGrid}>
        {shadowKeys.map((key) => (
          <li key={key} className={styles.shadowTile} style={{ boxShadow: vars.shadow[key] }}>
            <span className={styles.specimenName}>shadow.{key}</span>
            <span className={styles.note}>In the current theme</span>
          </li>
        ))}
      </ul>
      <DataTable
        caption="Shadow values per theme"
        columns={['Token', 'Light', 'Dark']}
      >
        {shadowKeys.map((key) => (
          <tr key={key}>
            <th scope="row" className={styles.code}>
              shadow.{key}
            </th>
            <td className={styles.code}>{lightShadows[key]}</td>
            <td className={styles.code}>{darkShadows[key]}</td>
          </tr>
        ))}
      </DataTable>
    </FoundationsPage>
  );
}
