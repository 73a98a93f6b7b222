// The compiler (unified, remark, retext and their plugins: some 300 modules) is loaded when a file
// is first compiled in this thread, not when the store is imported: a server restarting on an
// unchanged cache compiles nothing, and loading it held the start by about 0.3 s.
import type * as Job from './job.js';

let loading: Promise<typeof Job> | undefined;

export function loadCompiler(): Promise<typeof Job> {
  loading ??= import('./job.js');
  return loading;
}
