import { vars } from '../theme/contract.css';
import { typography } from '../theme/tokens';
import { DataTable } from '../docs/DataTable';
import { FoundationsPage, remToPx } from './docs-blocks';
import * as styles from './foundations.css';

type FontSize = keyof typeof typography.fontSize;
type FontFamily = keyof typeof typography.font;
type FontWeight = keyof typeof typography.fontWeight;
type LineHeight = keyof typeof typography.lineHeight;

const fontSizes = Object.keys(typography.fontSize) as FontSize[];
const fontFamilies = Object.keys(typography.font) as FontFamily[];
const fontWeights = Object.keys(typography.fontWeight) as FontWeight[];
const lineHeights = Object.keys(typography.lineHeight) as LineHeight[];

const familyUse: Record<FontFamily, string> = {
  body: 'Article text, quotations',
  heading: 'Headings, figures in callouts',
  ui: 'Labels, buttons, reference lists',
  mono: 'DOIs, PMIDs, code',
};

const lineHeightUse: Record<LineHeight, string> = {
  tight: 'Large display text and key figures',
  heading: 'Headings and compact UI text',
  body: 'Paragraphs of article text',
};

/** Sizes from `lg` up are heading sizes; they are shown in the heading face. */
const headingSizes: readonly FontSize[] = ['lg', 'xl', 'xxl', 'xxxl'];

export function TypeScalePage() {
  return (
    <FoundationsPage>
      <h2 className={styles.heading}>Sizes</h2>
      <ul className={styles.specimenList}>
        {fontSizes.map((size) => (
          <li key={size} className={styles.specimenRow}>
            <span className={styles.specimenMeta}>
              <span className={styles.specimenName}>fontSize.{size}</span>
              <span>
                {typography.fontSize[size]} · {remToPx(typography.fontSize[size])}
              </span>
            </span>
            <span
              className={styles.specimenSample}
              style={{
                fontSize: vars.fontSize[size],
                fontFamily: headingSizes.includes(size) ? vars.font.heading : vars.font.body,
                lineHeight: headingSizes.includes(size) ? vars.lineHeight.heading : vars.lineHeight.body,
              }}
            >
              Second opinions changed the plan for 44.5% of patients
            </span>
          </li>
        ))}
      </ul>

      <h2 className={styles.heading}>Families</h2>
      <ul className={styles.specimenList}>
        {fontFamilies.map((family) => (
          <li key={family} className={styles.specimenRow}>
            <span className={styles.specimenMeta}>
              <span className={styles.specimenName}>font.{family}</span>
              <span>{familyUse[family]}</span>
            </span>
            <span className={styles.specimenSample}>
              <span style={{ fontFamily: vars.font[family], fontSize: vars.fontSize.lg }}>
                Failed back surgery syndrome, 1–2 (2014)
              </span>
              <br />
              <code className={styles.code}>{typography.font[family]}</code>
            </span>
          </li>
        ))}
      </ul>

      <h2 className={styles.heading}>Weights and line heights</h2>
      <DataTable
        caption="Font weights"
        columns={['Token', 'Value', 'Specimen']}
      >
        {fontWeights.map((weight) => (
          <tr key={weight}>
            <th scope="row" className={styles.code}>
              fontWeight.{weight}
            </th>
            <td className={styles.numeric}>{typography.fontWeight[weight]}</td>
            <td style={{ fontWeight: vars.fontWeight[weight], fontFamily: vars.font.ui }}>Reviewed by a spine surgeon</td>
          </tr>
        ))}
      </DataTable>
      <DataTable
        caption="Line heights"
        columns={['Token', 'Value', 'Use']}
      >
        {lineHeights.map((lineHeight) => (
          <tr key={lineHeight}>
            <th scope="row" className={styles.code}>
              lineHeight.{lineHeight}
            </th>
            <td className={styles.numeric}>{typography.lineHeight[lineHeight]}</td>
            <td>{lineHeightUse[lineHeight]}</td>
          </tr>
        ))}
      </DataTable>

      <h2 className={styles.heading}>Measure</h2>
      <p className={styles.note}>
        <code className={styles.code}>measure</code> = {typography.measure}: the longest comfortable line for article
        text. The dashed lines mark its edges.
      </p>
      <p className={styles.measureSample}>
        Failed back surgery syndrome describes pain that continues or returns after an operation on the spine. It is
        not a single diagnosis: the pain may come from the original problem, from a new one, or from the surgery
        itself. Knowing which matters, because the options differ.
      </p>
    </FoundationsPage>
  );
}
