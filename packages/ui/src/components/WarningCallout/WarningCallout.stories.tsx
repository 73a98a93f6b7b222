import type { Meta, StoryObj } from '@storybook/react-vite';
import { BothThemes } from '../../docs/BothThemes';
import { pseudoStates, StateGrid } from '../../docs/states';
import { Prose } from '../Prose';
import { WarningCallout, warningCalloutHeadingLevels } from './WarningCallout';

// Restates the seed article's own limits (see KeyPoints), nothing more.
const noComparison = (
  <p>None of these three studies had a comparison group, so they cannot say which treatment is right for you.</p>
);

const meta = {
  title: 'Components/WarningCallout',
  component: WarningCallout,
  tags: ['status:beta', 'warning callout', 'important', 'warning', 'caution', 'alert'],
  args: { children: noComparison },
  argTypes: {
    headingLevel: {
      control: 'inline-radio',
      options: warningCalloutHeadingLevels,
      table: { type: { summary: warningCalloutHeadingLevels.map((value) => JSON.stringify(value)).join(' | ') } },
    },
    heading: { control: 'text', table: { defaultValue: { summary: '"Important"' } } },
    children: { control: false },
    className: { table: { disable: true } },
  },
  parameters: {
    docs: {
      description: {
        component: `
Something a reader must know to stay safe or avoid a mistake, in the caution tone: a heading that
starts with "Important" (seen, or read out before a heading of your own) and a sentence or two.

**Use it** sparingly, for what changes what the reader does. **Do not use it** for emergencies
(use CareCard) or for notes (use InsetText).
        `,
      },
    },
  },
} satisfies Meta<typeof WarningCallout>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The default heading, "Important". */
export const Default: Story = { name: 'Warning callout' };

/** A heading of your own at level 3: screen readers hear "Important: " before it. */
export const CustomHeading: Story = {
  name: 'Own heading, level 3',
  args: { heading: 'Small studies without a comparison group', headingLevel: 3 },
};

/** A long heading and a list wrap at 320px and 200% text. */
export const LongText: Story = {
  name: 'Long text',
  args: {
    heading: 'Patients who had already failed two conservative treatments or already had failed back surgery',
    children: (
      <ul>
        <li>None of these three studies had a comparison group.</li>
        <li>They cannot say which treatment is right for you.</li>
      </ul>
    ),
  },
};

/** After the paragraph it qualifies. */
export const InContext: Story = {
  name: 'In context',
  render: (args) => (
    <Prose>
      <h2>Treating patients with prolotherapy and stem cell therapy</h2>
      <p>In a UK clinic study, 91% of people who replied were better or no worse 12 months after prolotherapy.</p>
      <WarningCallout {...args} headingLevel={3} />
    </Prose>
  ),
};

/** A link in the body in every state, in both themes. */
export const States: Story = {
  name: 'States',
  parameters: { pseudo: pseudoStates('a') },
  render: () => (
    <StateGrid>
      {(state, theme) => (
        <WarningCallout heading={`Link ${state === 'default' ? 'at rest' : state}, ${theme} theme`} headingLevel={3}>
          <p>
            These studies were small: <a href="#limits">read what they cannot tell you</a>.
          </p>
        </WarningCallout>
      )}
    </StateGrid>
  ),
};

/** Light and dark side by side. */
export const InBothThemes: Story = {
  name: 'Both themes',
  render: (args) => <BothThemes>{() => <WarningCallout {...args} headingLevel={3} />}</BothThemes>,
};
