import { Citation } from '../components/Citation';

/**
 * The study figures the seed article quotes, one row each; `citation` is the reference number the
 * article gives the study (none for the 14-month review: the seed paragraph names no source).
 */
export const studyFigures = [
  { key: 'second-opinions-14', study: 'Second opinions, 14 months', people: '155', finding: '44.5% had been told they needed surgery the second surgeon found unnecessary' },
  { key: 'second-opinions-20', study: 'Second opinions, 20 months', people: '183', finding: '60.7% “unnecessary”, 33.3% the “wrong” surgery', citation: 3 },
  { key: 'marrow', study: 'Bone marrow concentrate injection', people: '26', finding: 'No adverse events from the marrow draw or the injection', citation: 7 },
  { key: 'prolotherapy', study: 'Prolotherapy in NHS clinics', people: 'Not stated', finding: '91% of respondents better or no worse after 12 months', citation: 8 },
] as const;

export type StudyFigureKey = (typeof studyFigures)[number]['key'];

/**
 * The figures as a Prose table in its scroll region, as every table should be: `role="region"`
 * named by the caption, and focusable so keyboard users can scroll it (WCAG 2.1.1). `rows` picks
 * and orders the studies; `citations: false` leaves out their markers (for a page that already
 * has a marker with that id).
 */
export function StudyFiguresTable({
  captionId,
  rows = studyFigures.map((figure) => figure.key),
  citations = true,
}: {
  captionId: string;
  rows?: readonly StudyFigureKey[];
  citations?: boolean;
}) {
  const shown = rows.map((key) => studyFigures.find((figure) => figure.key === key)).filter((figure) => figure !== undefined);
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div role="region" aria-labelledby={captionId} tabIndex={0}>
      <table>
        <caption id={captionId}>Study figures quoted in the article</caption>
        <thead>
          <tr>
            <th scope="col">Study</th>
            <th scope="col">People</th>
            <th scope="col">Finding</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((figure) => (
            <tr key={figure.key}>
              <th scope="row">
                {figure.study}
                {citations && 'citation' in figure ? <Citation numbers={[figure.citation]} id={`cite-${figure.citation}`} /> : null}
              </th>
              <td>{figure.people}</td>
              <td>{figure.finding}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
