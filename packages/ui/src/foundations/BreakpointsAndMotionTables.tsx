import { useState } from 'react';
import { breakpoints, motion, type Breakpoint } from '../theme/tokens';
import { DataTable } from '../docs/DataTable';
import { FoundationsPage } from './docs-blocks';
import * as styles from './foundations.css';

const breakpointKeys = Object.keys(breakpoints) as Breakpoint[];

const breakpointUse: Record<Breakpoint, string> = {
  mobile: 'Smallest supported screen: every component must work here without sideways scrolling',
  phone: 'A typical phone, where most readers arrive from search',
  tablet: 'Two-column layouts may start here',
  desktop: 'Wide layouts; article text still stops at the reading measure',
};

type Duration = keyof typeof motion.duration;
const durationKeys = Object.keys(motion.duration) as Duration[];

/** Moves a dot with the `normal` duration and the shared easing, to feel the motion tokens. */
function MotionDemo() {
  const [moved, setMoved] = useState(false);
  return (
    <div>
      <button type="button" className={styles.button} aria-pressed={moved} onClick={() => setMoved((value) => !value)}>
        Move the dot
      </button>
      <div className={styles.motionTrack} aria-hidden="true">
        <span className={moved ? `${styles.motionDot} ${styles.motionDotMoved}` : styles.motionDot} />
      </div>
    </div>
  );
}

export function BreakpointsAndMotionPage() {
  return (
    <FoundationsPage>
      <h2 className={styles.heading}>Breakpoints</h2>
      <DataTable
        caption="Breakpoints"
        columns={['Token', 'Width', 'Media query', 'Meaning']}
      >
        {breakpointKeys.map((key) => (
          <tr key={key}>
            <th scope="row" className={styles.code}>
              breakpoints.{key}
            </th>
            <td className={styles.numeric}>{breakpoints[key]}px</td>
            <td className={styles.code}>(min-width: {breakpoints[key]}px)</td>
            <td>{breakpointUse[key]}</td>
          </tr>
        ))}
      </DataTable>

      <h2 className={styles.heading}>Motion</h2>
      <DataTable
        caption="Motion tokens"
        columns={['Token', 'Value', 'With reduced motion']}
      >
        {durationKeys.map((key) => (
          <tr key={key}>
            <th scope="row" className={styles.code}>
              motion.duration.{key}
            </th>
            <td className={styles.numeric}>{motion.duration[key]}</td>
            <td className={styles.numeric}>0ms</td>
          </tr>
        ))}
        <tr>
          <th scope="row" className={styles.code}>
            motion.easing
          </th>
          <td className={styles.code}>{motion.easing}</td>
          <td>Unchanged</td>
        </tr>
      </DataTable>
      <h3 className={styles.subheading}>Try it</h3>
      <p className={styles.note}>
        With <code className={styles.code}>prefers-reduced-motion: reduce</code> the dot jumps instead of sliding.
      </p>
      <MotionDemo />
    </FoundationsPage>
  );
}
