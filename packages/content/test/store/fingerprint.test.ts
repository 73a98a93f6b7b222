import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compilerModules } from '../../src/store/cache.js';
import { builtPackage } from '../helpers.js';

let dist: string;
beforeAll(() => {
  dist = builtPackage();
});

const modules = () => compilerModules(dist).map((file) => path.relative(dist, file).split(path.sep).join('/'));

describe('the compiler fingerprint covers what a compile runs', () => {
  it('holds the compile job and every module it imports, directly or through others', () => {
    const found = modules();
    for (const name of ['store/job.js', 'compile.js', 'frontmatter.js', 'plugins/tables.js', 'plugins/readable-text.js', 'bibliography/parse.js', 'search/text.js', 'readability/measure.js']) {
      expect(found).toContain(name);
    }
  });

  it('leaves out the CLI, the check, judging, the search index, the React renderer and the store around the job', () => {
    const found = modules();
    for (const name of ['cli.js', 'check.js', 'check/report.js', 'refs/cli.js', 'build.js', 'index.js', 'site/layout.js', 'site/judge.js', 'search/fts-index.js', 'search/write.js', 'store/store.js', 'store/cache.js']) {
      expect(found).not.toContain(name);
    }
    expect(found.filter((name) => name.startsWith('react/'))).toEqual([]);
  });

  it('refuses a package whose compile job is not built (the fingerprint then says so)', () => {
    expect(() => compilerModules(path.join(dist, 'no-such-dist'))).toThrow(/job\.js is not built/);
  });
});
