export { Breadcrumbs, type BreadcrumbsProps, type BreadcrumbLink } from './Breadcrumbs';
