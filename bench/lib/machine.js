// What the figures were measured on. Absolute numbers only mean something next to this.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import { CHROME_PATH } from './lighthouse.js';
import { findNginx, nginxVersion } from './nginx.js';

const require = createRequire(import.meta.url);

function packageVersion(name) {
  try {
    return require(`${name}/package.json`).version;
  } catch {
    return null;
  }
}

function chromiumVersion() {
  try {
    return execFileSync(CHROME_PATH, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export function gitState(cwd) {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd, encoding: 'utf8' }).trim() !== '';
    return { commit, dirty };
  } catch {
    return { commit: null, dirty: null };
  }
}

export function describeMachine() {
  const cpus = os.cpus();
  const nginx = findNginx();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
    memoryBytes: os.totalmem(),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((value) => Math.round(value * 100) / 100),
    tools: {
      nginx: nginx ? nginxVersion(nginx) : null,
      chromium: chromiumVersion(),
      lighthouse: packageVersion('lighthouse'),
      autocannon: packageVersion('autocannon'),
    },
  };
}
