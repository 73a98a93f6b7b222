import type { Meta, StoryObj } from '@storybook/react-vite';
import { BothThemes } from '../../docs/BothThemes';
import { pseudoStates, StateGrid } from '../../docs/states';
import { Prose } from '../Prose';
import { ReviewStatus } from '../ReviewStatus';
import { Disclosure } from './Disclosure';
import { ArticleTitle } from '../../docs/ArticleTitle';

const meta = {
  title: 'Components/Disclosure',
  component: Disclosure,
  tags: ['status:beta', 'disclosure', 'conflict of interest', 'competing interests', 'funding', 'transparency'],
  args: {
    children: (
      <p>
        The Magaziner Center for Wellness, which publishes this article, provides prolotherapy, PRP and stem cell therapy.
      </p>
    ),
    // heading is left at its default, "Disclosure".
  },
  argTypes: {
    heading: { control: 'text' },
    children: { control: false },
    className: { table: { disable: true } },
  },
  parameters: {
    docs: {
      description: {
        component: `
Who publishes the page and what they gain from it, said up front near the byline: an \`<aside>\`
named "Disclosure" by the word shown above the statement, so a screen reader finds it among the
page's landmarks. Quiet, but never hidden: small type with a rule on its leading edge.

**Use it** when the publisher, author or reviewer sells, provides or is paid for something the
article discusses. **Do not use it** for disclaimers ("this is not medical advice") or for
sources of facts (those are citations).
        `,
      },
    },
  },
} satisfies Meta<typeof Disclosure>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The clinic that publishes the seed article provides the treatments it discusses. */
export const Default: Story = { name: 'Disclosure' };

/** A heading of your own and two statements, one with a link. */
export const CustomHeading: Story = {
  name: 'Own heading, two statements',
  args: {
    heading: 'Conflicts of interest',
    children: (
      <>
        <p>
          The Magaziner Center for Wellness, which publishes this article, provides prolotherapy, PRP and stem cell
          therapy.
        </p>
        <p>
          Read <a href="/editorial-policy">how we choose and check our sources</a>.
        </p>
      </>
    ),
  },
};

/** Under the byline, as on an article page. */
export const InContext: Story = {
  name: 'In context',
  render: (args, { viewMode }) => (
    <Prose>
      <ArticleTitle viewMode={viewMode}>Treatment options for Failed Back Surgery Syndrome</ArticleTitle>
      <ReviewStatus author={{ name: 'Magaziner Center for Wellness', href: '/people/magaziner-center' }} published="2026-01-10" today="2026-02-01" />
      <Disclosure {...args} />
      <p>
        There is much debate in the medical community as to why there are so many patients who decided on a spinal
        surgery and end up worse off after the procedure.
      </p>
    </Prose>
  ),
};

/** A link in the statement in every state, in both themes. */
export const States: Story = {
  name: 'States',
  parameters: { pseudo: pseudoStates('a') },
  render: () => (
    <StateGrid>
      {(state, theme) => (
        <Disclosure heading={`Link ${state === 'default' ? 'at rest' : state}, ${theme} theme`}>
          <p>
            Read <a href="/editorial-policy">how we choose and check our sources</a>.
          </p>
        </Disclosure>
      )}
    </StateGrid>
  ),
};

/** Light and dark side by side. */
export const InBothThemes: Story = {
  name: 'Both themes',
  render: (args) => <BothThemes>{(theme) => <Disclosure {...args} heading={`Disclosure (${theme} theme)`} />}</BothThemes>,
};
