import type { Meta, StoryObj } from '@storybook/react-vite';
import { BothThemes } from '../../docs/BothThemes';
import { pseudoStates, StateGrid } from '../../docs/states';
import { Prose } from '../Prose';
import { Breadcrumbs, type BreadcrumbLink } from './Breadcrumbs';
import { ArticleTitle } from '../../docs/ArticleTitle';

const trail: [BreadcrumbLink, ...BreadcrumbLink[]] = [
  { href: '/', label: 'Home' },
  { href: '/category/blog', label: 'Blog' },
];

const meta = {
  title: 'Components/Breadcrumbs',
  component: Breadcrumbs,
  tags: ['status:beta', 'breadcrumbs', 'breadcrumb', 'back link', 'site navigation', 'you are here'],
  args: { items: trail },
  argTypes: {
    items: { control: 'object' },
    current: { control: 'text' },
    className: { table: { disable: true } },
  },
  parameters: {
    docs: {
      description: {
        component: `
Where a page sits on the site: a \`nav\` named "Breadcrumb" with an ordered list of the pages
above it. Below 768px only a link back to the parent shows ("‹ Blog", read "Back to Blog"), in
CSS alone.

**Use it** at the top of every page below the home page. **Do not use it** for the steps of a
form or the sections of one article (use ContentsList).
        `,
      },
    },
  },
} satisfies Meta<typeof Breadcrumbs>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Home › Blog, the article's own title left to its h1 (NHS.UK's choice). */
export const Default: Story = { name: 'Breadcrumbs' };

/** The current page shown last, as text, with `aria-current="page"`. */
export const WithCurrentPage: Story = {
  name: 'With the current page',
  args: { current: 'Treatment options for Failed Back Surgery Syndrome' },
};

/** At a phone's width: only the link back to the parent. */
export const Narrow: Story = {
  name: 'Narrow screen',
  globals: { viewport: { value: 'phone', isRotated: false } },
  args: { current: 'Treatment options for Failed Back Surgery Syndrome' },
};

/** A long trail wraps between items at 320px and 200% text. */
export const LongText: Story = {
  name: 'Long text',
  args: {
    items: [...trail, { href: '/tags/failed-back-surgery-syndrome', label: 'Failed back surgery syndrome' }],
    current: 'Patients who had already failed two conservative treatments or already had failed back surgery',
  },
};

/** Above the article's title. */
export const InContext: Story = {
  name: 'In context',
  render: (args, { viewMode }) => (
    <Prose>
      <Breadcrumbs {...args} />
      <ArticleTitle viewMode={viewMode}>Treatment options for Failed Back Surgery Syndrome</ArticleTitle>
    </Prose>
  ),
};

/** The links in every state, in both themes. */
export const States: Story = {
  name: 'States',
  parameters: { pseudo: pseudoStates('a') },
  render: () => (
    <StateGrid>
      {(state, theme) => {
        const name = `Link ${state === 'default' ? 'at rest' : state}, ${theme} theme`;
        // Named apart only so the page's landmarks stay unique (axe best practice).
        return <Breadcrumbs items={trail} current={name} aria-label={`Breadcrumb: ${name}`} />;
      }}
    </StateGrid>
  ),
};

/** Light and dark side by side. */
export const InBothThemes: Story = {
  name: 'Both themes',
  render: (args) => <BothThemes>{(theme) => <Breadcrumbs {...args} current={`Article (${theme} theme)`} aria-label={`Breadcrumb (${theme} theme)`} />}</BothThemes>,
};
