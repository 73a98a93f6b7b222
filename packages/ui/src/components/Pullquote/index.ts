export { Pullquote, pullquoteSizes, type PullquoteProps, type PullquoteSize } from './Pullquote';
