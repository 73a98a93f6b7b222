import { data } from '@remix-run/node';

/**
 * Unknown paths land here rather than in Remix's no-match handling so the root loader still runs
 * and the 404 page (root ErrorBoundary) can list the categories.
 */
export function loader() {
  throw data(null, { status: 404, statusText: 'Not Found' });
}

export default function NotFound() {
  return null;
}
