export {
  ReviewStatus,
  reviewStatusOf,
  reviewStates,
  type PersonRef,
  type ReviewState,
  type ReviewStatusInput,
  type ReviewStatusProps,
} from './ReviewStatus';
export { formatIsoDate } from './reviewDates';
