/**
 * The Chromium every browser test launches: the binary shipped inside the `@sparticuz/chromium`
 * registry package, so its build is pinned by package-lock.json (version and integrity hash) like
 * every other dependency, not by whatever Debian's `chromium` happens to be on the day CI runs.
 *
 * The package keeps the binary brotli-compressed; it is inflated once per package version into
 * node_modules/.cache/cited-chromium/<version>/ (staged, then renamed, so a half-written binary is
 * never used). The package's own `executablePath()` is not used: it reuses whatever sits at
 * /tmp/chromium, which could be another version's.
 *
 * If the pinned browser cannot start, this throws and says why. It never falls back to another
 * Chromium. On a bare Debian machine the binary needs `libnss3` (apt-get install -y libnss3).
 *
 *   node scripts/pinned-chromium.mjs     prints the path and build, e.g. "Chromium 153.0.8010.0"
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const packageName = '@sparticuz/chromium';

/**
 * Flags for deterministic, headless runs as root in a container. Not the package's own `args`:
 * those are for AWS Lambda and include `--disable-web-security` and `--single-process`, which would
 * hide the blog's CSP and isolation behaviour from the e2e tests.
 */
export const pinnedChromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Flags that make pixels the same on any machine (screenshots compared against baselines). */
export const deterministicRenderingArgs = [
  '--font-render-hinting=none',
  '--disable-lcd-text',
  '--force-color-profile=srgb',
  '--hide-scrollbars',
];

function packageDir() {
  const require = createRequire(join(repoRoot, 'package.json'));
  try {
    return dirname(require.resolve(`${packageName}/package.json`));
  } catch {
    // The exports map may not list package.json: find the package from its main entry.
    const entry = require.resolve(packageName);
    return resolve(dirname(entry), '..');
  }
}

function inflate(dir, version) {
  const source = join(packageDir(), 'bin', 'chromium.br');
  if (!existsSync(source)) {
    throw new Error(`${packageName}@${version} has no bin/chromium.br: reinstall it with npm ci.`);
  }
  const staging = `${dir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'chromium'), brotliDecompressSync(readFileSync(source)), { mode: 0o755 });
  try {
    renameSync(staging, dir);
  } catch (error) {
    // Another process inflated the same version first: use theirs.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(dir, 'chromium'))) throw error;
  }
}

let cached;

/**
 * The pinned Chromium: `{ executablePath, build, packageVersion }`, where `build` is what the binary
 * itself reports ("Chromium 153.0.8010.0"). Synchronous, so configuration files can call it.
 */
export function pinnedChromium() {
  if (cached) return cached;
  const { version } = JSON.parse(readFileSync(join(packageDir(), 'package.json'), 'utf8'));
  const dir = join(repoRoot, 'node_modules', '.cache', 'cited-chromium', version);
  const executablePath = join(dir, 'chromium');
  if (!existsSync(executablePath)) inflate(dir, version);
  let build;
  try {
    build = execFileSync(executablePath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (error) {
    const stderr = String(error.stderr ?? error.message).trim();
    const hint = /libnss3|libnspr4|shared librar/.test(stderr) ? ' Install its libraries: apt-get install -y libnss3.' : '';
    throw new Error(`The pinned Chromium (${packageName}@${version}, ${executablePath}) cannot start: ${stderr}.${hint}`);
  }
  cached = { executablePath, build, packageVersion: `${packageName}@${version}` };
  return cached;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { executablePath, build, packageVersion } = pinnedChromium();
  console.log(`${build} (${packageVersion}) at ${executablePath}`);
}
