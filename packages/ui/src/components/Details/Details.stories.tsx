import type { Meta, StoryObj } from '@storybook/react-vite';
import { BothThemes } from '../../docs/BothThemes';
import { pseudoStates, StateGrid } from '../../docs/states';
import { Prose } from '../Prose';
import { Details, detailsVariants } from './Details';

// The seed article's own gloss of the word, and its own words about MRI.
const discectomy = <p>Surgery to remove disc material.</p>;

const meta = {
  title: 'Components/Details',
  component: Details,
  tags: ['status:beta', 'details', 'expander', 'accordion', 'show more', 'disclosure widget', 'toggle'],
  args: { summary: 'What is a discectomy?', children: discectomy },
  argTypes: {
    summary: { control: 'text' },
    variant: {
      control: 'inline-radio',
      options: detailsVariants,
      table: { type: { summary: detailsVariants.map((value) => JSON.stringify(value)).join(' | ') }, defaultValue: { summary: '"plain"' } },
    },
    open: { control: 'boolean' },
    children: { control: false },
    className: { table: { disable: true } },
  },
  parameters: {
    docs: {
      description: {
        component: `
Text a reader may want, hidden until they ask: the browser's own \`<details>\` and \`<summary>\`,
so it works without JavaScript. The summary looks like a link with a turning triangle; the
"expander" variant draws a box round it.

**Use it** for a definition or an aside most readers can skip. **Do not use it** for what every
reader needs (warnings, the answer) or to hide the article's main text.
        `,
      },
    },
  },
} satisfies Meta<typeof Details>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Closed, as a reader first sees it. */
export const Default: Story = { name: 'Details' };

/** Opened. */
export const Open: Story = { name: 'Open', args: { open: true } };

/** The bordered expander, closed and open. */
export const Expander: Story = {
  name: 'Expander',
  render: (args) => (
    <>
      <Details {...args} variant="expander" />
      <Details summary="What did the Southampton study find about MRI?" variant="expander" open>
        <p>
          “We found in our study that there is wide variation in diagnosing lumbar disc disease between the Orthopaedic
          Surgeons and the Radiologists at our institution.”
        </p>
      </Details>
    </>
  ),
};

/** A long summary wraps beside its triangle at 320px and 200% text. */
export const LongText: Story = {
  name: 'Long text',
  args: {
    summary: 'Why did the neuroradiologists and the neurosurgeon assess lumbosacral nerve root compression independently?',
    open: true,
    children: (
      <p>
        Lumbosacral nerve root compression and disc herniation on MRI were independently assessed by two
        neuroradiologists and one neurosurgeon blinded to any clinical information.
      </p>
    ),
  },
};

/** Inside an article, after the sentence that uses the word. */
export const InContext: Story = {
  name: 'In context',
  render: (args) => (
    <Prose>
      <p>Supplementing repeated discectomies and decompression with (spinal) fusion provide superior clinical outcomes.</p>
      <Details {...args} />
    </Prose>
  ),
};

/** The summary in every state, plain and expander, in both themes. */
export const States: Story = {
  name: 'States',
  parameters: { pseudo: pseudoStates('summary') },
  render: () => (
    <StateGrid>
      {(state, theme) => (
        <>
          <Details summary={`Summary ${state === 'default' ? 'at rest' : state}, ${theme} theme`}>{discectomy}</Details>
          <Details summary={`Expander ${state === 'default' ? 'at rest' : state}, ${theme} theme`} variant="expander">
            {discectomy}
          </Details>
        </>
      )}
    </StateGrid>
  ),
};

/** Light and dark side by side, plain and expander, open. */
export const InBothThemes: Story = {
  name: 'Both themes',
  render: (args) => (
    <BothThemes>
      {() => (
        <>
          <Details {...args} open />
          <Details {...args} variant="expander" open />
        </>
      )}
    </BothThemes>
  ),
};
