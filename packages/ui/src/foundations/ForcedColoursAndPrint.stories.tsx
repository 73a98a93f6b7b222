import type { Meta, StoryObj } from '@storybook/react-vite';
import { CareCard } from '../components/CareCard';
import CareCardStories from '../components/CareCard/CareCard.stories';
import { Citation } from '../components/Citation';
import { CTA } from '../components/CTA';
import CTAStories from '../components/CTA/CTA.stories';
import { KeyPoints } from '../components/KeyPoints';
import KeyPointsStories from '../components/KeyPoints/KeyPoints.stories';
import { Prose } from '../components/Prose';
import { ReferenceList } from '../components/ReferenceList';
import { seedReferences } from '../components/ReferenceList/seedReferences';
import { ReviewStatus } from '../components/ReviewStatus';
import ReviewStatusStories from '../components/ReviewStatus/ReviewStatus.stories';
import { StudyCallout } from '../components/StudyCallout';
import StudyCalloutStories from '../components/StudyCallout/StudyCallout.stories';
import { WarningCallout } from '../components/WarningCallout';
import WarningCalloutStories from '../components/WarningCallout/WarningCallout.stories';
import { StudyFiguresTable } from '../docs/StudyFiguresTable';

/**
 * One short article with every component that looks different on paper or in forced colours,
 * each with the content of its own docs page. What changes is listed on the docs page
 * (ForcedColoursAndPrint.mdx).
 */
function Specimen() {
  return (
    <Prose>
      <h2>What the studies found</h2>
      <ReviewStatus {...ReviewStatusStories.args} reviewer={undefined} lastReviewed={undefined} />
      <p>
        In one surgeon’s review of 183 second opinions over 20 months, 60.7% of the operations other surgeons had
        recommended were judged unnecessary. <mark>This is one reviewer’s judgement, not a trial.</mark>
        <Citation numbers={[1]} id="cite-1" /> The <a href="https://www.nhs.uk/conditions/back-pain/">NHS page on back pain</a>{' '}
        says when to get help.
      </p>
      <KeyPoints {...KeyPointsStories.args} headingLevel={3} />
      <StudyCallout {...StudyCalloutStories.args} citation={<Citation numbers={[3]} id="cite-3-callout" />} />
      <WarningCallout {...WarningCalloutStories.args} headingLevel={3} />
      <CareCard {...CareCardStories.args} headingLevel={3} />
      <StudyFiguresTable captionId="specimen-table-caption" rows={['second-opinions-20']} citations={false} />
      <CTA {...CTAStories.args} headingLevel={3} />
      <ReferenceList references={seedReferences.slice(0, 3)} headingLevel={3} />
    </Prose>
  );
}

const meta = {
  title: 'Foundations/Forced colours and print',
  component: Specimen,
  tags: ['foundations', 'forced colours', 'high contrast', 'windows contrast themes', 'print', 'paper', 'media'],
  parameters: { layout: 'padded' },
} satisfies Meta<typeof Specimen>;

export default meta;
type Story = StoryObj<typeof meta>;

/** On screen, as a reference for the two below. */
export const OnScreen: Story = { name: 'On screen' };

/**
 * In forced colours (Windows contrast themes): every box that was drawn by its background keeps
 * an outline, and a highlight uses the system's mark colours. The visual checks render it with
 * forced colours really on; in Storybook the toolbar applies the components' rules only.
 */
export const ForcedColours: Story = {
  name: 'Forced colours',
  parameters: { cited: { media: { forcedColors: 'active' } } },
};

/**
 * On paper: black text in the light theme whatever the screen's, outlined boxes, web addresses
 * after links, no "back to citation" links. The visual checks render it as print media.
 */
export const Print: Story = {
  name: 'Print',
  parameters: { cited: { media: { media: 'print' } } },
};
