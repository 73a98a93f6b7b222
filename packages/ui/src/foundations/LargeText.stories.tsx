import type { Meta, StoryObj } from '@storybook/react-vite';
import { CareCard } from '../components/CareCard';
import CareCardStories, { Emergency as CareCardEmergency } from '../components/CareCard/CareCard.stories';
import { Citation } from '../components/Citation';
import { Prose } from '../components/Prose';
import { ReferenceList } from '../components/ReferenceList';
import { seedReference, seedReferences } from '../components/ReferenceList/seedReferences';
import { formatVancouver } from '../components/ReferenceList/vancouver';
import { StudyCallout } from '../components/StudyCallout';
import StudyCalloutStories from '../components/StudyCallout/StudyCallout.stories';
import { StudyFiguresTable } from '../docs/StudyFiguresTable';

/**
 * The reading components at 200 % text (WCAG 1.4.4 Resize text): the Text size toolbar setting,
 * fixed per story in its globals. The visual and accessibility checks render them with the
 * browser's own text setting at 200 % as well, so the layouts for large text (em media queries,
 * styles/media.ts) apply as they do for a reader; in Storybook only the rems double. At the 390 px
 * width the checks use, that is a 195 px-wide screen at normal size: nothing may be cut off, no
 * word split mid-word, and the page never scrolls sideways (WCAG 1.4.10; the accessibility check
 * fails any story that does). A wide table scrolls in its own region instead.
 */
const meta = {
  title: 'Foundations/200 % text',
  tags: ['foundations', 'text size', 'zoom', '200%', 'resize text', 'reflow', 'large text'],
  globals: { textSize: '200%' },
  // A phone page's own 16 px gutter, not Storybook's 1 rem padding (32 px here, as rems double):
  // the components get the width a reader's page gives them.
  parameters: { layout: 'fullscreen' },
  decorators: [
    (Story) => (
      <div style={{ padding: '16px' }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** A table in its scroll region: the columns scroll inside it, named by the caption and reachable by keyboard. */
export const ProseTable: Story = {
  name: 'Prose table',
  render: () => (
    <Prose>
      <h2>The studies in this article</h2>
      <StudyFiguresTable captionId="large-text-table-caption" rows={['second-opinions-20', 'prolotherapy']} />
    </Prose>
  ),
};

/** Markers stay on the line of the sentence they end, with their previews. */
export const CitationInText: Story = {
  name: 'Citation in text',
  render: () => (
    <Prose>
      <p>
        In one surgeon’s review of 183 second opinions over 20 months, 60.7% of the operations other surgeons had
        recommended were judged unnecessary and 33.3% the wrong operation.
        <Citation numbers={[3]} id="cite-3" preview={formatVancouver(seedReference(3))} /> This is one reviewer’s
        judgement, not a trial.
        <Citation numbers={[1, 2]} id="cite-1-2" />
      </p>
    </Prose>
  ),
};

/** Long DOIs and addresses break where they would overflow; words that fit a line stay whole. */
export const ReferenceListAtLargeText: Story = {
  name: 'ReferenceList',
  render: () => <ReferenceList references={seedReferences.slice(0, 4)} />,
};

export const StudyCalloutAtLargeText: Story = {
  name: 'StudyCallout',
  render: () => <StudyCallout {...StudyCalloutStories.args} citation={<Citation numbers={[3]} id="cite-3" />} headingLevel={2} />,
};

export const CareCardAtLargeText: Story = {
  name: 'CareCard, emergency',
  render: () => <CareCard {...CareCardStories.args} {...CareCardEmergency.args} />,
};
