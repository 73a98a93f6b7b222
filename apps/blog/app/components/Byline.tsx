import { Link } from '@remix-run/react';
import type { Byline as BylineData } from '../lib/people.server';

/** An author's or reviewer's name (with credentials) linking to their page. */
export function Byline({ byline }: { byline: BylineData }) {
  return (
    <Link to={byline.href}>
      {byline.name}
      {byline.credentials ? `, ${byline.credentials}` : ''}
    </Link>
  );
}
