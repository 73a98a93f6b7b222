/** The Big List of Naughty Strings sample as whole pages (see hostile-pages.ts and the corpus generator). */
import { hostilePageSuite } from './hostile-pages';

hostilePageSuite(['blns']);
