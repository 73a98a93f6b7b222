import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect } from 'storybook/test';
import { breakpoints, motion, type Breakpoint } from '../theme/tokens';
import { FoundationsPage, ScrollableTable } from './docs-blocks';
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

function BreakpointsAndMotionPage() {
  return (
    <FoundationsPage
      title="Breakpoints and motion"
      lede="Breakpoints are plain numbers (media queries cannot read CSS variables); Storybook's viewport menu offers the same four widths. Motion is short and calm, and switches off for readers who ask for reduced motion."
    >
      <h2 className={styles.heading}>Breakpoints</h2>
      <ScrollableTable
        caption="Breakpoints"
        head={
          <tr>
            <th scope="col">Token</th>
            <th scope="col">Width</th>
            <th scope="col">Media query</th>
            <th scope="col">Meaning</th>
          </tr>
        }
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
      </ScrollableTable>

      <h2 className={styles.heading}>Motion</h2>
      <ScrollableTable
        caption="Motion tokens"
        head={
          <tr>
            <th scope="col">Token</th>
            <th scope="col">Value</th>
            <th scope="col">With reduced motion</th>
          </tr>
        }
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
      </ScrollableTable>
      <h3 className={styles.subheading}>Try it</h3>
      <p className={styles.note}>
        With <code className={styles.code}>prefers-reduced-motion: reduce</code> the dot jumps instead of sliding.
      </p>
      <MotionDemo />
    </FoundationsPage>
  );
}

const meta = {
  title: 'Foundations/Breakpoints and motion',
  parameters: {
    layout: 'padded',
    docs: {
      description: {
        component:
          'Breakpoint constants (`breakpoints` from `@cited/ui/theme`) and motion tokens (`vars.motion.*`), which collapse to 0ms under reduced motion.',
      },
    },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

export const BreakpointsAndMotion: Story = {
  name: 'Breakpoints and motion',
  render: () => <BreakpointsAndMotionPage />,
  play: async ({ canvas, userEvent }) => {
    // The demo's toggle announces its state.
    const toggle = canvas.getByRole('button', { name: 'Move the dot' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  },
};
