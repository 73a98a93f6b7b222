import type { Meta, StoryObj } from '@storybook/react-vite';
import { BothThemes } from '../../docs/BothThemes';
import { pseudoStates, StateGrid } from '../../docs/states';
import { Prose } from '../Prose';
import { ReviewStatus } from './ReviewStatus';
import { ArticleTitle } from '../../docs/ArticleTitle';

/*
 * The publisher is the seed article's. No real person reviewed the seed article, so the reviewer
 * is a visible placeholder ("Reviewer name", "Qualifications"), never an invented person. Every story fixes `today`, so what it shows never
 * changes with the date it is looked at.
 */
const publisher = { name: 'Magaziner Center for Wellness', href: '/people/magaziner-center' };
const exampleReviewer = { name: 'Reviewer name', credentials: 'Qualifications', href: '/people/reviewer' };

const meta = {
  title: 'Components/ReviewStatus',
  component: ReviewStatus,
  tags: ['status:beta', 'byline', 'medically reviewed', 'reviewer', 'author', 'last reviewed', 'review date'],
  args: {
    author: publisher,
    reviewer: exampleReviewer,
    published: '2025-03-03',
    lastReviewed: '2026-01-10',
    nextReviewDue: '2027-01-10',
    today: '2026-02-01',
  },
  argTypes: {
    author: { control: 'object' },
    reviewer: { control: 'object' },
    published: { control: 'text' },
    lastReviewed: { control: 'text' },
    nextReviewDue: { control: 'text' },
    today: { control: 'text' },
    className: { table: { disable: true } },
  },
  parameters: {
    docs: {
      description: {
        component: `
The byline: who wrote the page, who checked it for medical accuracy, when, and when it is next due
for review, each date a \`<time>\` printed the same way on the server and in the browser
("10 January 2026"). It is never silent about trust: without a reviewer it says "This article has
not been medically reviewed"; past its review date it says so, and that some information may be
out of date. Both are boxed notices in words, not a colour.

**Use it** under the title of every article. **Do not use it** to name people who did not write or
check the page, or leave \`reviewer\` empty to hide that nobody did.
        `,
      },
    },
  },
} satisfies Meta<typeof ReviewStatus>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Written, medically reviewed, and within its review date. */
export const Default: Story = { name: 'Reviewed' };

/** No reviewer: a notice says so. */
export const NotReviewed: Story = {
  name: 'Not reviewed',
  args: { reviewer: undefined, lastReviewed: undefined },
};

/** `today` (2026-02-01) is after `nextReviewDue` (2026-01-10): a notice says the page may be out of date. */
export const Overdue: Story = {
  name: 'Overdue for review',
  args: { lastReviewed: '2025-01-10', nextReviewDue: '2026-01-10' },
};

/** Neither reviewed nor within a review date: both notices. */
export const NotReviewedAndOverdue: Story = {
  name: 'Not reviewed and overdue',
  args: { reviewer: undefined, lastReviewed: undefined, nextReviewDue: '2026-01-10' },
};

/** Names without links or credentials, and only a publication date. */
export const PlainNames: Story = {
  name: 'Names without links',
  args: {
    author: { name: 'Magaziner Center for Wellness' },
    reviewer: { name: 'Reviewer name' },
    lastReviewed: undefined,
    nextReviewDue: undefined,
  },
};

/** Long names and credentials wrap at 320px and 200% text; dates never break inside. */
export const LongText: Story = {
  name: 'Long text',
  args: {
    author: { name: 'The editorial team of the Magaziner Center for Wellness', href: '/people/magaziner-center' },
    reviewer: { name: 'Reviewer name, written in full as the reviewer signs it', credentials: 'Qualifications, written out as the reviewer lists them', href: '/people/reviewer' },
  },
};

/** Under the article's title, as on an article page. */
export const InContext: Story = {
  name: 'In context',
  render: (args, { viewMode }) => (
    <Prose>
      <ArticleTitle viewMode={viewMode}>Treatment options for Failed Back Surgery Syndrome</ArticleTitle>
      <ReviewStatus {...args} />
      <p>
        There is much debate in the medical community as to why there are so many patients who decided on a spinal
        surgery and end up worse off after the procedure.
      </p>
    </Prose>
  ),
};

/** The name links in every state, in both themes. */
export const States: Story = {
  name: 'States',
  parameters: { pseudo: pseudoStates('a') },
  render: (args) => (
    <StateGrid>
      {(state, theme) => (
        <ReviewStatus
          {...args}
          author={{ ...publisher, name: `Author link ${state === 'default' ? 'at rest' : state}, ${theme} theme` }}
        />
      )}
    </StateGrid>
  ),
};

/** Every state of the byline in light and dark. */
export const InBothThemes: Story = {
  name: 'Both themes',
  render: (args) => (
    <BothThemes>
      {() => (
        <>
          <ReviewStatus {...args} />
          <ReviewStatus {...args} reviewer={undefined} lastReviewed={undefined} nextReviewDue="2026-01-10" />
        </>
      )}
    </BothThemes>
  ),
};
