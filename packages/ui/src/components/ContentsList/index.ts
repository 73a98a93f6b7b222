export {
  ContentsList,
  contentsListHeadingLevels,
  type ContentsListProps,
  type ContentsListItem,
  type ContentsListHeadingLevel,
} from './ContentsList';
