export { Details, detailsVariants, type DetailsProps, type DetailsVariant } from './Details';
