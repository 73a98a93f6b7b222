/**
 * 'Back & Spine' → 'back-spine': the URL segment of a category or a tag (`/category/back-spine`,
 * `/tags/mri`). One function for the blog's pages and the site check, so a link the check accepts
 * is a page the blog serves.
 */
export function taxonomySlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
