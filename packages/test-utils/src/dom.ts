/**
 * What a reader gets from an element's styles, read through jsdom's getComputedStyle (which applies
 * the stylesheets' matching rules but resolves no custom property): tests assert these instead of
 * comparing class names.
 */

/** A component-private custom property (`var(--toneSurface__x1y2)`), anywhere in a value. */
const PRIVATE_VARIABLE = /var\((--(?!cited-)[^,)\s]+)\)/g;

/** The value of custom property `name` where `element` sits: its own, or inherited. */
function inherited(element: Element, name: string): string {
  for (let holder: Element | null = element; holder; holder = holder.parentElement) {
    const held = getComputedStyle(holder).getPropertyValue(name).trim();
    if (held) return held;
  }
  return '';
}

/**
 * `property` as declared for `element`, with the component's private variables followed up the tree
 * to the theme tokens they hold: `var(--cited-color-tone-finding-surface)` (compare with `vars.…`),
 * `6px solid var(--cited-color-accent)`, or a plain value.
 */
export function declaredStyle(element: Element, property: string): string {
  let value = getComputedStyle(element).getPropertyValue(property).trim();
  for (let depth = 0; depth < 10 && PRIVATE_VARIABLE.test(value); depth += 1) {
    value = value.replace(PRIVATE_VARIABLE, (reference, name: string) => inherited(element, name) || reference);
  }
  return value;
}

/** Hidden on screen but read by screen readers: clipped to nothing, out of the flow. */
export function isVisuallyHidden(element: Element): boolean {
  const style = getComputedStyle(element);
  const clipped = style.clipPath === 'inset(50%)' || /rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)/.test(style.clip);
  return style.position === 'absolute' && clipped && style.overflow === 'hidden' && style.display !== 'none';
}

/** The text a screen reader reads from `element`: its text, without what is `aria-hidden`. */
export function spokenText(element: Element): string {
  return [...element.childNodes]
    .map((node) => {
      if (node.nodeType === node.ELEMENT_NODE) return (node as Element).getAttribute('aria-hidden') === 'true' ? '' : spokenText(node as Element);
      return node.textContent ?? '';
    })
    .join('');
}
