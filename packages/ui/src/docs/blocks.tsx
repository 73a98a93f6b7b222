/*
 * Building blocks of the component and foundations docs pages (MDX). Docs only: not exported
 * from @cited/ui. Each block renders inside <Unstyled> so Storybook's docs typography does not
 * restyle its tables and buttons; colours come from the theme contract, so blocks follow the
 * toolbar's theme.
 */
import { Controls, Unstyled } from '@storybook/addon-docs/blocks';
import type { ComponentProps, ReactNode } from 'react';
import { contrastRatio } from '../theme/contrast';
import { themeNames } from '../theme/tokens';
import { CopyButton } from './CopyButton';
import { DataTable, ScrollRegion } from './DataTable';
import { DocsExample } from './DocsExample';
import * as styles from './docs.css';
import { code } from './table.css';
import { tokenRow, tokenRows, type TokenRow } from './tokenTable';
import { componentTokens } from './tokensUsed';
// The style modules' source text, provided by a Vite plugin in .storybook/main.ts.
import styleSources from 'virtual:cited/style-sources';

const isHexColour = (value: string) => /^#[0-9a-f]{6}$/i.test(value);

function Value({ value }: { value: string }) {
  return (
    <span className={styles.value}>
      {isHexColour(value) && <span className={styles.chip} style={{ backgroundColor: value }} aria-hidden="true" />}
      <code className={code}>{value}</code>
    </span>
  );
}

/** A token table: contract path, copyable CSS custom property, and the value in each theme. */
export function TokenTable({ rows, caption, contrastWith }: { rows: TokenRow[]; caption: string; contrastWith?: string }) {
  const background = contrastWith ? tokenRow(contrastWith) : undefined;
  // The caption names the background ("with contrast on color.surface"): the column headers stay
  // short, so the table fits its page at 1,280 px without clipping the last header.
  const captionWithContrast = background && !caption.includes(background.path) ? `${caption} (contrast on ${background.path})` : caption;
  return (
    <Unstyled>
      <DataTable
        caption={captionWithContrast}
        columns={['Token', 'CSS custom property', ...themeNames.map((theme) => (theme === 'light' ? 'Light' : 'Dark'))]}
      >
        {rows.map((row) => (
          <tr key={row.path}>
            <th scope="row">
              <code className={code}>vars.{row.path}</code>
            </th>
            <td>
              <span className={styles.cssVariable}>
                <code className={code}>{row.cssVar}</code>
                <CopyButton text={`var(${row.cssVar})`} label={row.cssVar} />
              </span>
            </td>
            {themeNames.map((theme) => (
              <td key={theme}>
                <Value value={row.values[theme]} />
                {background && isHexColour(row.values[theme]) && isHexColour(background.values[theme]) ? (
                  <span className={styles.ratio}>
                    {(Math.floor(contrastRatio(row.values[theme], background.values[theme]) * 100) / 100).toFixed(2)}:1
                  </span>
                ) : null}
              </td>
            ))}
          </tr>
        ))}
      </DataTable>
    </Unstyled>
  );
}

/** Every token under a contract path prefix, e.g. `<TokenGroup prefix="space." />`. */
export function TokenGroup({ prefix, caption, contrastWith }: { prefix: string; caption: string; contrastWith?: string }) {
  return <TokenTable rows={tokenRows(prefix)} caption={caption} contrastWith={contrastWith} />;
}

/** The tokens a component's styles read (found in its Name.css.ts and shared styles it imports). */
export function TokensUsed({ component }: { component: string }) {
  return <TokenTable rows={componentTokens(styleSources, component).map(tokenRow)} caption={`Tokens ${component} uses`} />;
}

export const componentStatuses = ['stable', 'beta'] as const;
export type ComponentStatus = (typeof componentStatuses)[number];

const statusText: Record<ComponentStatus, string> = {
  stable: 'Stable: used on live pages; breaking changes only in a major version, with a changeset.',
  beta: 'Beta: works and is tested, but its props may still change in a minor version.',
};

/** Status of a component (also in its stories' tags: `status:stable`), with what it promises. */
export function StatusBadge({ status, since }: { status: ComponentStatus; since: string }) {
  return (
    <Unstyled>
      <p className={styles.statusLine}>
        <span className={styles.status[status]}>{status === 'stable' ? 'Stable' : 'Beta'}</span>{' '}
        <span>
          {statusText[status]} Since @cited/ui {since}.
        </span>
      </p>
    </Unstyled>
  );
}

/** A "do" and a "don't" example side by side (stacked on narrow screens), each with its reason. */
export function DoDont({ doExample, doReason, dontExample, dontReason }: { doExample: ReactNode; doReason: ReactNode; dontExample: ReactNode; dontReason: ReactNode }) {
  return (
    <Unstyled>
      {/* skip-toc: the examples' headings are not the docs page's own (table of contents). */}
      <div className={`${styles.doDont} skip-toc`}>
        <figure className={styles.doCard}>
          <div className={styles.example}>
            <DocsExample storyName="Do">{doExample}</DocsExample>
          </div>
          <figcaption className={styles.verdict}>
            <strong className={styles.doLabel}>Do</strong> {doReason}
          </figcaption>
        </figure>
        <figure className={styles.dontCard}>
          <div className={styles.example}>
            <DocsExample storyName="Don’t">{dontExample}</DocsExample>
          </div>
          <figcaption className={styles.verdict}>
            <strong className={styles.dontLabel}>Don’t</strong> {dontReason}
          </figcaption>
        </figure>
      </div>
    </Unstyled>
  );
}

export interface FieldDoc {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

/** A data shape documented field by field (e.g. ReferenceData), like a props table. */
export function FieldTable({ caption, fields }: { caption: string; fields: readonly FieldDoc[] }) {
  return (
    <Unstyled>
      <DataTable
        caption={caption}
        columns={['Field', 'Type', 'Description']}
      >
        {fields.map((field) => (
          <tr key={field.name}>
            <th scope="row">
              <code className={code}>{field.name}</code>
              {field.required ? <span className={styles.required}> required</span> : null}
            </th>
            <td>
              <code className={code}>{field.type}</code>
            </td>
            <td>{field.description}</td>
          </tr>
        ))}
      </DataTable>
    </Unstyled>
  );
}

/**
 * The props table (Storybook's Controls block) in a ScrollRegion: its name, description, default
 * and control columns are wider than a phone, and would otherwise widen the whole page.
 */
export function PropsTable({ of, component }: { of: ComponentProps<typeof Controls>['of']; component: string }) {
  return (
    <ScrollRegion label={`Props of ${component}`}>
      <Controls of={of} />
    </ScrollRegion>
  );
}
