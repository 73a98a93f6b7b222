import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, packageDir, seedPath } from './helpers.js';

const bin = join(packageDir, 'bin/cited-content.js');
const temporary: string[] = [];

function newestSource(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((entry) => statSync(join(dir, entry)).mtimeMs),
  );
}

beforeAll(() => {
  // The bin runs the compiled CLI; rebuild when dist is missing or older than the sources.
  const cli = join(packageDir, 'dist/cli.js');
  if (!existsSync(cli) || statSync(cli).mtimeMs < newestSource(join(packageDir, 'src'))) {
    const build = spawnSync(process.execPath, [join(packageDir, '../../node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: packageDir,
      encoding: 'utf8',
    });
    expect(build.status, build.stdout + build.stderr).toBe(0);
  }
});

afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'cited-content-cli-'));
  temporary.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function run(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: packageDir });
}

describe('cited-content check', () => {
  it('exits 0 on the seed article and prints its warnings with positions and rule ids', () => {
    const dir = tempDir();
    copyFileSync(seedPath, join(dir, 'failed-back-surgery-syndrome.md'));
    const result = run('check', '--route', '/contact', dir);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/failed-back-surgery-syndrome\.md/);
    expect(result.stdout).toMatch(/\d+:\d+(?:-\d+:\d+)?\s+warning\s+Paragraph states "17%" without a citation.*claim-without-citation/);
    // 4 content warnings, then the readability ones: 28 paragraphs and the article above grade 8.
    expect(result.stdout).toContain('0 errors, 33 warnings in 1 article');
    expect(result.stdout).toMatch(/warning\s+Paragraph reads at grade [\d.]+ \(reading age \d+\), above the target grade 8.*readability-paragraph/);
    expect(result.stdout).toMatch(/failed-back-surgery-syndrome\.md: readability grade 13 \(reading age 18\), above the target grade 8/);
    const relaxed = run('check', '--route', '/contact', dir, '--grade', '30');
    expect(relaxed.stdout).toContain('0 errors, 4 warnings in 1 article');
    expect(relaxed.stdout).toContain('within the target grade 30');
  });

  it('reads bibliography files next to the articles', () => {
    const dir = tempDir({
      'refs.bib': '@article{doe2020, author = {Doe, Jane}, title = {A study of backs}, journaltitle = {J Backs}, date = {2020}}\n',
      'cited.md': article('Text [@doe2020] and :cite[a2020].', 'bibliography: refs.bib\n'),
    });
    const result = run('check', dir);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('no problems');
  });

  it('--people: an unknown author id is an error at its position; --site: the config is checked', () => {
    const dir = tempDir({ 'a.md': article('Text.:cite[a2020]', 'author: nobody\n') });
    const people = join(tempDir({ 'people.yml': 'clinic:\n  type: organization\n  name: Clinic\n' }), 'people.yml');
    const site = join(tempDir({ 'site.yml': 'name: x\n' }), 'site.yml');
    const result = run('check', dir, '--people', people, '--site', site);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/a\.md[\s\S]*6:9\s+error\s+`author` "nobody" is not in the people registry.*person-unknown/);
    expect(result.stdout).toMatch(/site\.yml[\s\S]*error.*site-config-invalid/);
    const fixed = run('check', tempDir({ 'a.md': article('Text.:cite[a2020]', 'author: clinic\n') }), '--people', people);
    expect(fixed.status, fixed.stdout).toBe(0);
  });

  it('--site and --people: the seed meets the blog’s site.yml; an article that breaks its rules is an error', () => {
    const blogContent = join(packageDir, '../../apps/blog/content');
    const dir = tempDir();
    copyFileSync(seedPath, join(dir, 'failed-back-surgery-syndrome.md'));
    const configs = ['--people', join(blogContent, 'people.yml'), '--site', join(blogContent, 'site.yml')];
    const seed = run('check', '--route', '/contact', dir, ...configs);
    expect(seed.status, seed.stdout).toBe(0);
    expect(seed.stdout).toMatch(/0 errors, \d+ warnings in 1 article/);
    // site.yml's readability.allow: "prolotherapy" is not a hard word there.
    expect(seed.stdout).not.toMatch(/long words[^;]*“[Pp]rolotherapy”/);
    const broken = tempDir({
      'back.md': article('Prolotherapy may help.:cite[a2020]', 'author: magaziner-center\n').replace('category: Test', 'category: Back pain'),
    });
    const result = run('check', broken, ...configs);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/back\.md[\s\S]*4:11\s+error\s+Articles in the category "Back pain" need a care card.*care-card-missing/);
    expect(result.stdout).toMatch(/6:1\s+error\s+The article discusses prolotherapy, which Magaziner Center for Wellness offers.*disclosure-missing/);
  });

  it('exits 0 on a clean directory', () => {
    const result = run('check', tempDir({ 'clean.md': article('Text.:cite[a2020]') }));
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('no problems');
  });

  it('exits 1 when any article has an error', () => {
    const dir = tempDir({ 'clean.md': article('Text.:cite[a2020]'), 'broken.md': article('Text.:cite[nope2020]') });
    const result = run('check', dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/broken\.md/);
    expect(result.stdout).toMatch(/14:6(?:-14:\d+)?\s+error\s+Citation key "nope2020" is not in the frontmatter references\s+cite-unknown-key/);
    expect(result.stdout).toContain('1 error');
  });

  it('exits 1 on duplicate slugs across files', () => {
    const dir = tempDir({ 'a.md': article('Text.:cite[a2020]', 'slug: same\n'), 'b.md': article('Text.:cite[a2020]', 'slug: same\n') });
    const result = run('check', dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('slug-duplicate');
  });

  it('exits 2 on usage errors', () => {
    expect(run().status).toBe(2);
    expect(run('lint', '.').status).toBe(2);
    expect(run('check').status).toBe(2);
    expect(run('check', '--nope', '.').status).toBe(2);
    expect(run('check', '--route', 'contact', '.').status).toBe(2);
    expect(run('refs').status).toBe(2);
    expect(run('refs', 'add', 'not-an-identifier').status).toBe(2);
    const missing = run('check', join(tmpdir(), 'does-not-exist-cited'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('is not a file or directory');
    expect(run('--help').status).toBe(0);
  });
});
