import type { Meta, StoryObj } from '@storybook/react-vite';
import { BothThemes } from '../../docs/BothThemes';
import { pseudoStates, StateGrid } from '../../docs/states';
import { Prose } from '../Prose';
import { InsetText } from './InsetText';

// What the seed article says "unnecessary" meant in Epstein's study (its own words, reordered).
const definition = (
  <p>
    “Unnecessary” here means surgery recommended for pain alone, without neurological deficits or a significant MRI
    finding.
  </p>
);

const meta = {
  title: 'Components/InsetText',
  component: InsetText,
  tags: ['status:beta', 'inset text', 'note', 'aside', 'information', 'highlight'],
  args: { children: definition },
  argTypes: {
    hiddenPrefix: { control: 'text' },
    children: { control: false },
    className: { table: { disable: true } },
  },
  parameters: {
    docs: {
      description: {
        component: `
A passage set apart by an accent bar on its leading edge, for something the reader should note
that is not a warning. Screen readers hear "Information: " before it (visually hidden).

**Use it** for one or two sentences that qualify the text around them. **Do not use it** for
warnings (use WarningCallout) or a study's figures (use StudyCallout).
        `,
      },
    },
  },
} satisfies Meta<typeof InsetText>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A definition the reader needs to weigh a figure. */
export const Default: Story = { name: 'Inset text' };

/** Two paragraphs, the second with a link. */
export const TwoParagraphs: Story = {
  name: 'Two paragraphs',
  args: {
    children: (
      <>
        {definition}
        <p>
          The article cites <a href="#ref-3">reference 3</a> two paragraphs later.
        </p>
      </>
    ),
  },
};

/** Long words and addresses wrap at 320px and 200% text, never mid-word where a word fits. */
export const LongText: Story = {
  name: 'Long text',
  args: {
    children: (
      <p>
        Lumbosacral nerve root compression and disc herniation on MRI were independently assessed by two
        neuroradiologists and one neurosurgeon: https://doi.org/10.1179/1753615412Y.0000000002
      </p>
    ),
  },
};

/** Between two paragraphs of an article. */
export const InContext: Story = {
  name: 'In context',
  render: (args) => (
    <Prose>
      <p>
        Nancy Epstein documented in her research that of 274 patients, 17% seen in first or second opinion over one year
        were recommended “unnecessary” spine surgery.
      </p>
      <InsetText {...args} />
      <p>The study had no comparison group.</p>
    </Prose>
  ),
};

/** A link in the text in every state, in both themes. */
export const States: Story = {
  name: 'States',
  parameters: { pseudo: pseudoStates('a') },
  render: () => (
    <StateGrid>
      {(state, theme) => (
        <InsetText>
          <p>
            Link {state === 'default' ? 'at rest' : state}, {theme} theme: <a href="#ref-3">reference 3</a>.
          </p>
        </InsetText>
      )}
    </StateGrid>
  ),
};

/** Light and dark side by side. */
export const InBothThemes: Story = {
  name: 'Both themes',
  render: (args) => <BothThemes>{() => <InsetText {...args} />}</BothThemes>,
};
