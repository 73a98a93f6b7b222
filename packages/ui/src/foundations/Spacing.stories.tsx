import type { Meta, StoryObj } from '@storybook/react-vite';
import { vars } from '../theme/contract.css';
import { space } from '../theme/tokens';
import { FoundationsPage, remToPx } from './docs-blocks';
import * as styles from './foundations.css';

type Space = keyof typeof space;
const spaceKeys = Object.keys(space) as Space[];

function SpacingPage() {
  return (
    <FoundationsPage
      title="Spacing"
      lede="One spacing scale for padding, gaps and margins, in rem so spacing grows with the text. Each bar is drawn at the token's width."
    >
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

const meta = {
  title: 'Foundations/Spacing',
  parameters: {
    layout: 'padded',
    docs: {
      description: {
        component: 'The spacing scale (`vars.space.*`). Use these steps instead of ad-hoc pixel values.',
      },
    },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

export const Spacing: Story = {
  name: 'Spacing',
  render: () => <SpacingPage />,
};
