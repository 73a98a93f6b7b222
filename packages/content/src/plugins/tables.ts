import type { Element, ElementContent, Root, RootContent } from 'hast';
import { readableText } from './readable-text.js';

/** Column names in a region's label: enough to tell a table's subject, short enough to listen to. */
const maxLabelColumns = 6;
/** Characters of one header cell in the label (a header that is a sentence is cut at a word). */
const maxColumnNameChars = 40;

/** A header cell's words as a listener hears them (no citation markers or footnote calls), a long one cut at a word. */
function cellText(cell: Element): string {
  const text = readableText(cell);
  if (text.length <= maxColumnNameChars) return text;
  const cut = text.slice(0, maxColumnNameChars + 1);
  // At the last space, unless that would keep less than half ("Sensitivity/specificity/…" has none).
  const space = cut.lastIndexOf(' ');
  return `${(space >= maxColumnNameChars / 2 ? cut.slice(0, space) : cut.slice(0, maxColumnNameChars)).trim()}…`;
}

/** The header row's cells (GFM tables always have one), as text. */
function columnNames(table: Element): string[] {
  const head = table.children.find((child): child is Element => child.type === 'element' && child.tagName === 'thead');
  const row = head?.children.find((child): child is Element => child.type === 'element' && child.tagName === 'tr');
  if (!row) return [];
  return row.children
    .filter((cell): cell is Element => cell.type === 'element' && (cell.tagName === 'th' || cell.tagName === 'td'))
    .map(cellText)
    .filter((name) => name !== '');
}

/**
 * "Table: Study, Year, People", or "Table 2: Study, Year, People" when the article has several:
 * a screen reader lists regions by name, so two tables with the same columns must differ.
 */
function regionLabel(table: Element, place: { number: number; of: number }): string {
  const names = columnNames(table);
  const title = place.of > 1 ? `Table ${place.number}` : 'Table';
  if (names.length === 0) return title;
  const more = names.length - maxLabelColumns;
  const listed = names.slice(0, maxLabelColumns).join(', ');
  return `${title}: ${more > 0 ? `${listed} and ${more} more column${more === 1 ? '' : 's'}` : listed}`;
}

/**
 * Every table element in the order a reader meets them: the key points' first (pages show them
 * before the body, wherever the source has them), then the body's in document order.
 */
function tablesIn(tree: Root): Element[] {
  const keyPoints: Element[] = [];
  const body: Element[] = [];
  const stack: { node: RootContent; inKeyPoints: boolean }[] = [...tree.children].reverse().map((node) => ({ node, inKeyPoints: false }));
  while (stack.length > 0) {
    const { node, inKeyPoints } = stack.pop() as (typeof stack)[number];
    if (node.type !== 'element') continue;
    if (node.tagName === 'table') (inKeyPoints ? keyPoints : body).push(node);
    else {
      const inside = inKeyPoints || node.tagName === 'cited-key-points';
      stack.push(...[...node.children].reverse().map((child) => ({ node: child, inKeyPoints: inside })));
    }
  }
  return [...keyPoints, ...body];
}

/**
 * Every table in a scroll region the keyboard can reach (`role="region"`, named, `tabindex="0"`),
 * the markup @cited/ui's Prose styles: a table wider than a phone, or than 200 % text leaves room
 * for, scrolls inside its region instead of pushing the whole page sideways. A markdown table has
 * no caption, so the region is named by its columns (and its number). Runs after sanitizing, so
 * only the compiler sets these attributes, and before the key points leave the body, so a table
 * there is wrapped too.
 */
export function rehypeTableRegions() {
  return (tree: Root): void => {
    const tables = tablesIn(tree);
    if (tables.length === 0) return;
    const regions = new Map<Element, Element>(
      tables.map((table, index) => [
        table,
        {
          type: 'element',
          tagName: 'div',
          properties: { role: 'region', ariaLabel: regionLabel(table, { number: index + 1, of: tables.length }), tabIndex: 0 },
          children: [table],
        },
      ]),
    );
    const wrap = (parent: Root | Element): void => {
      parent.children = parent.children.map((child): ElementContent => {
        if (child.type !== 'element') return child as ElementContent;
        const region = regions.get(child);
        if (region) return region;
        wrap(child);
        return child;
      }) as typeof parent.children;
    };
    wrap(tree);
  };
}
