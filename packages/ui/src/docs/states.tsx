/*
 * Interaction states shown side by side, in both themes, for stories. The states are forced with
 * storybook-addon-pseudo-states, which rewrites `:hover`, `:focus-visible`, `:visited` and
 * `:active` rules into classes it adds to the elements a story names (parameters.pseudo).
 */
import type { ReactNode } from 'react';
import { BothThemes } from './BothThemes';
import * as styles from './states.css';

export const interactionStates = ['default', 'hover', 'focus-visible', 'visited', 'active'] as const;
export type InteractionState = (typeof interactionStates)[number];

const stateLabel: Record<InteractionState, string> = {
  default: 'Default',
  hover: 'Hover',
  'focus-visible': 'Keyboard focus',
  visited: 'Visited',
  active: 'Active (pressed)',
};

/** `parameters.pseudo` forcing each row's state on the elements `target` selects inside it. */
export function pseudoStates(target: string) {
  const rows = (state: InteractionState) => [`.state-${state} ${target}`];
  return { hover: rows('hover'), focusVisible: rows('focus-visible'), visited: rows('visited'), active: rows('active') };
}

/** One labelled row per state, in a light and a dark panel; `children(state, theme)` renders the row. */
export function StateGrid({ children }: { children: (state: InteractionState, theme: string) => ReactNode }) {
  return (
    <BothThemes>
      {(theme) => (
        <dl className={styles.grid}>
          {interactionStates.map((state) => (
            <div key={state} className={styles.row}>
              <dt className={styles.label}>{stateLabel[state]}</dt>
              <dd className={`state-${state} ${styles.sample}`}>{children(state, theme)}</dd>
            </div>
          ))}
        </dl>
      )}
    </BothThemes>
  );
}
