import type { Meta, StoryObj } from '@storybook/react-vite';
import { BothThemes } from '../../docs/BothThemes';
import { pseudoStates, StateGrid } from '../../docs/states';
import { KeyPoints } from '../KeyPoints';
import { Prose } from '../Prose';
import { ContentsList, contentsListHeadingLevels, type ContentsListItem } from './ContentsList';
import { ArticleTitle } from '../../docs/ArticleTitle';

// The seed article's own h2 headings, as the blog lists them.
const seedSections: ContentsListItem[] = [
  { href: '#more-surgery', label: 'Do patients with failed back surgery syndrome want more back surgery?' },
  { href: '#mri', label: 'Unnecessary surgery because of MRI?' },
  { href: '#examination-or-mri', label: 'What’s better? A physical examination or MRI?' },
  { href: '#surgery-based-on-mri', label: 'Unnecessary surgery based on MRI' },
  { href: '#not-the-answer', label: 'Repeated surgery and pain medications are not the answer' },
  { href: '#prolotherapy', label: 'Treating patients with prolotherapy and stem cell therapy' },
];

const meta = {
  title: 'Components/ContentsList',
  component: ContentsList,
  tags: ['status:beta', 'contents list', 'table of contents', 'toc', 'in this article', 'page navigation'],
  args: { items: seedSections },
  argTypes: {
    label: { control: 'text', table: { defaultValue: { summary: '"Contents"' } } },
    headingLevel: {
      control: 'inline-radio',
      options: contentsListHeadingLevels,
      table: { type: { summary: contentsListHeadingLevels.map((value) => JSON.stringify(value)).join(' | ') } },
    },
    items: { control: 'object' },
    className: { table: { disable: true } },
  },
  parameters: {
    docs: {
      description: {
        component: `
The sections of an article or the pages of a guide, as a list of links: a \`nav\` named by its
heading ("Contents" by default), each item after a dash, the page the reader is on in bold and
not a link.

**Use it** near the top of a long article or on each page of a guide. **Do not use it** for
where a page sits on the site (use Breadcrumbs) or for related articles.
        `,
      },
    },
  },
} satisfies Meta<typeof ContentsList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The seed article's sections. */
export const Default: Story = { name: 'Contents list' };

/** The pages of a guide, the reader on the second: bold, not a link, `aria-current="page"`. */
export const CurrentPage: Story = {
  name: 'Current page',
  args: {
    label: 'Pages in this guide',
    items: [
      { href: '/guides/back-surgery/failed', label: 'Failed back surgery syndrome' },
      { href: '/guides/back-surgery/mri', label: 'MRI and back pain', current: true },
      { href: '/guides/back-surgery/treatment', label: 'Treatment options' },
    ],
  },
};

/** Long headings wrap under themselves, not under the dash, at 320px and 200% text. */
export const LongText: Story = {
  name: 'Long text',
  args: {
    items: [
      ...seedSections.slice(0, 2),
      {
        href: '#helped',
        label:
          'Patients who had already failed two conservative treatments or already had failed back surgery were helped by Prolotherapy',
      },
    ],
  },
};

/** After the key points, at the top of the article. */
export const InContext: Story = {
  name: 'In context',
  render: (args, { viewMode }) => (
    <Prose>
      <ArticleTitle viewMode={viewMode}>Treatment options for Failed Back Surgery Syndrome</ArticleTitle>
      <KeyPoints>
        <ul>
          <li>None of these three studies had a comparison group, so they cannot say which treatment is right for you.</li>
        </ul>
      </KeyPoints>
      <ContentsList {...args} />
    </Prose>
  ),
};

/** A link in every state, in both themes. */
export const States: Story = {
  name: 'States',
  parameters: { pseudo: pseudoStates('a') },
  render: () => (
    <StateGrid>
      {(state, theme) => (
        <ContentsList
          label={`Link ${state === 'default' ? 'at rest' : state}, ${theme} theme`}
          headingLevel={3}
          items={[{ href: '#mri', label: 'Unnecessary surgery because of MRI?' }, { href: '#now', label: 'This page', current: true }]}
        />
      )}
    </StateGrid>
  ),
};

/** Light and dark side by side. */
export const InBothThemes: Story = {
  name: 'Both themes',
  render: (args) => <BothThemes>{(theme) => <ContentsList {...args} label={`Contents (${theme} theme)`} headingLevel={3} />}</BothThemes>,
};
