// Lints the tarball a package would publish, exactly as a registry would receive it: packs the
// current workspace (already built by turbo's `build` dependency, so prepack is skipped), then runs
// publint (package.json, exports, files) and Are the Types Wrong (types under node16 and bundler
// resolution) on that tarball. Either reporting anything fails the task.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const run = (command, args) => execFileSync(command, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

const destination = mkdtempSync(path.join(tmpdir(), 'cited-pack-'));
try {
  const [packed] = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destination]));
  const tarball = path.join(destination, packed.filename);
  console.log(`${packed.name}@${packed.version}: ${packed.entryCount} files, ${packed.size} bytes packed`);
  const bin = (name) => path.join(import.meta.dirname, '..', 'node_modules', '.bin', name);
  process.stdout.write(run(bin('publint'), ['run', tarball, '--strict']));
  // ESM only (no `require` condition): the CommonJS and node10 resolutions do not apply. Stylesheets
  // are exported for bundlers and <link> tags; they have no types to check.
  const { exports } = JSON.parse(readFileSync('package.json', 'utf8'));
  const stylesheets = Object.keys(exports ?? {}).filter((subpath) => subpath.endsWith('.css'));
  const exclude = stylesheets.length > 0 ? ['--exclude-entrypoints', ...stylesheets] : [];
  process.stdout.write(run(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'table-flipped', ...exclude]));
} catch (error) {
  if (error.stdout) process.stdout.write(error.stdout);
  process.exitCode = 1;
} finally {
  rmSync(destination, { recursive: true, force: true });
}
