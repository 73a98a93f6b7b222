import { forwardRef, type ForwardRefRenderFunction, type PropsWithoutRef } from 'react';

/**
 * `forwardRef` with a `displayName`, as one expression, called with a pure annotation:
 *
 *   export const Citation = /* @__PURE__ *\/ namedForwardRef<HTMLElement, CitationProps>('Citation', function Citation(…) {…});
 *
 * A top-level `Citation.displayName = 'Citation'` is a statement bundlers must keep, and the
 * component with it, in every bundle that loads the module; an unused pure call can be dropped.
 */
export function namedForwardRef<Element, Props>(displayName: string, render: ForwardRefRenderFunction<Element, PropsWithoutRef<Props>>) {
  const component = forwardRef<Element, Props>(render);
  component.displayName = displayName;
  return component;
}
