import { CareCard } from '../components/CareCard';
import { CTA } from '../components/CTA';
import { Details } from '../components/Details';
import { InsetText } from '../components/InsetText';
import { KeyPoints } from '../components/KeyPoints';
import { StudyCallout } from '../components/StudyCallout';
import { WarningCallout } from '../components/WarningCallout';
import { barWidth, outlineWidth } from '../styles/shapeValues';
import { radius, type ThemeName } from '../theme/tokens';
import { DataTable } from '../docs/DataTable';
import { FoundationsPage, ThemePanel } from './docs-blocks';
import * as styles from './foundations.css';

/** The rule, one row per part of a shape; the values are the ones styles/shape.css.ts uses. */
const rule = [
  ['Corners of a box (card, callout, panel, preview)', `radius.md (${radius.md}), all four corners`],
  ['Corners of a control inside a box (button, call link, citation marker, focus ring)', `radius.sm (${radius.sm})`],
  ['Round marks (certainty dots, the "!" ring, fact separators)', 'radius.pill'],
  ['Bar on a box', `${barWidth} on the leading (inline-start) edge; the box's corners round its ends`],
  ['Bar without a box (Disclosure, Pullquote, open Details text)', `${barWidth}, square ends: there is no box to round`],
  ['Outline of a box without a bar', `${outlineWidth}, neutral border colour`],
  ['Tone colour', 'Drawn once, by the edge (the bar, or the outline of a box without one); text, figures, dividers and marks inside use the text colour'],
] as const;

/** Which element of each component carries its tone, so a designer can check a mock-up against it. */
const components = [
  ['StudyCallout', 'Barred box on the tone surface', 'The bar, in the tone (finding, caution, info)'],
  ['WarningCallout', 'Barred box on the caution surface', 'The bar, in the caution tone'],
  ['ReviewStatus notice', 'Barred box on the caution surface', 'The bar, in the caution tone'],
  ['KeyPoints', 'Barred box on the sunken surface', 'The bar, in the accent'],
  ['InsetText', 'Barred box on the page', 'The bar, in the accent'],
  ['CTA', 'Barred box, raised (accent) or sunken (quiet)', 'The bar: accent, or strong border when quiet'],
  ['CareCard', 'Outlined box, radius.md, with a heading band', 'The outline, thickened at the top into the band (NHS.UK’s card)'],
  ['Citation preview', 'Outlined box', 'None: neutral border'],
  ['Details (expander)', 'Outlined box', 'None: strong border'],
  ['Disclosure, Pullquote', 'Bar without a box', 'None (strong border) for Disclosure; the accent for Pullquote'],
] as const;

/** Headings name the theme too: each landmark on the page keeps a name of its own. */
function Specimens({ theme }: { theme: ThemeName }) {
  return (
    <>
      <InsetText>
        <p>InsetText: the accent bar, nothing else coloured.</p>
      </InsetText>
      <KeyPoints heading={`KeyPoints (${theme})`} headingLevel={3}>
        <p>The accent bar on a sunken panel.</p>
      </KeyPoints>
      <StudyCallout title={`StudyCallout (${theme})`} figure="60.7%" sampleSize={183} population="second opinions" tone="finding" headingLevel={3}>
        of 183 second opinions: the tone is the bar; heading, figure, divider and dots are text colour.
      </StudyCallout>
      <WarningCallout heading={`WarningCallout (${theme})`} headingLevel={3}>
        <p>The caution bar on the caution surface.</p>
      </WarningCallout>
      <CareCard level="urgent" heading={`CareCard (${theme})`} headingLevel={3}>
        <p>The level’s outline, thickened at the top into the band.</p>
      </CareCard>
      <CTA heading={`CTA (${theme})`} headingLevel={3} action={{ href: '#shape-and-tone', label: 'A control: radius.sm' }}>
        <p>A barred box with a control inside.</p>
      </CTA>
      <Details summary="Details, expander variant" variant="expander">
        <p>An outlined box: no tone.</p>
      </Details>
    </>
  );
}

export function ShapeAndTonePage() {
  return (
    <FoundationsPage>
      <h2 className={styles.heading}>The rule</h2>
      <DataTable caption="Shape and tone rule" columns={['Part', 'Rule']}>
        {rule.map(([part, value]) => (
          <tr key={part}>
            <th scope="row">{part}</th>
            <td>{value}</td>
          </tr>
        ))}
      </DataTable>

      <h2 className={styles.heading}>Per component</h2>
      <DataTable caption="Shape and tone per component" columns={['Component', 'Shape', 'Carries the tone']}>
        {components.map(([component, shape, tone]) => (
          <tr key={component}>
            <th scope="row">{component}</th>
            <td>{shape}</td>
            <td>{tone}</td>
          </tr>
        ))}
      </DataTable>

      <ThemePanel theme="light">
        <Specimens theme="light" />
      </ThemePanel>
      <ThemePanel theme="dark">
        <Specimens theme="dark" />
      </ThemePanel>
    </FoundationsPage>
  );
}
