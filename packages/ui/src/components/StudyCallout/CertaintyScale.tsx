import type { ReactNode } from 'react';
import { certaintyLabel, certaintyStatement, certaintyStep, studyCertainties, type StudyCertainty } from './studyEvidence';
import * as styles from './StudyCallout.css';

/**
 * The certainty of a result: Cochrane's plain sentence, then "Certainty: low (2 of 4)" with four
 * marks, filled up to the level. The marks are drawn shapes (filled or outlined), hidden from
 * screen readers because the text beside them already says the same.
 */
export function CertaintyScale({ certainty }: { certainty: StudyCertainty }): ReactNode {
  const step = certaintyStep(certainty);
  const total = studyCertainties.length;
  return (
    <div className={styles.certainty}>
      <p className={styles.certaintyStatement}>{certaintyStatement(certainty)}.</p>
      <p className={styles.certaintyScale}>
        <span className={styles.certaintyMarks} aria-hidden="true">
          {Array.from({ length: total }, (_, index) => (
            <span key={index} className={styles.certaintyMark({ filled: index < step })} />
          ))}
        </span>
        <span>{`Certainty: ${certaintyLabel(certainty)} (${step} of ${total})`}</span>
      </p>
    </div>
  );
}
