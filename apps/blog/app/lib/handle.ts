/** Route `handle` shape. Only routes that set `hydrate: true` ship JavaScript (see root.tsx). */
export interface RouteHandle {
  hydrate?: boolean;
}

export function wantsHydration(handle: unknown): boolean {
  return typeof handle === 'object' && handle !== null && (handle as RouteHandle).hydrate === true;
}
