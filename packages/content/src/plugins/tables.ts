import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';

/** Column names in a region's label: enough to tell two tables apart, short enough to listen to. */
const maxLabelColumns = 6;

/** The header row's cells (GFM tables always have one), as text. */
function columnNames(table: Element): string[] {
  const head = table.children.find((child): child is Element => child.type === 'element' && child.tagName === 'thead');
  const row = head?.children.find((child): child is Element => child.type === 'element' && child.tagName === 'tr');
  if (!row) return [];
  return row.children
    .filter((cell): cell is Element => cell.type === 'element' && (cell.tagName === 'th' || cell.tagName === 'td'))
    .map((cell) => toString(cell).replace(/\s+/g, ' ').trim())
    .filter((name) => name !== '');
}

/** "Table: Study, Year, People": what a screen reader announces for the region. */
function regionLabel(table: Element): string {
  const names = columnNames(table);
  if (names.length === 0) return 'Table';
  const listed = names.slice(0, maxLabelColumns).join(', ');
  return `Table: ${names.length > maxLabelColumns ? `${listed} and ${names.length - maxLabelColumns} more columns` : listed}`;
}

/**
 * Every table in a scroll region the keyboard can reach (`role="region"`, named, `tabindex="0"`),
 * the markup @cited/ui's Prose styles: a table wider than a phone, or than 200 % text leaves room
 * for, scrolls inside its region instead of pushing the whole page sideways. A markdown table has
 * no caption, so the region is named by its columns. Runs after sanitizing: authors cannot set
 * these attributes, only the compiler does.
 */
export function rehypeTableRegions() {
  return (tree: Root): void => {
    const wrap = (parent: Root | Element): void => {
      parent.children = parent.children.map((child): ElementContent => {
        if (child.type !== 'element') return child as ElementContent;
        if (child.tagName !== 'table') {
          wrap(child);
          return child;
        }
        return { type: 'element', tagName: 'div', properties: { role: 'region', ariaLabel: regionLabel(child), tabIndex: 0 }, children: [child] };
      }) as typeof parent.children;
    };
    wrap(tree);
  };
}
