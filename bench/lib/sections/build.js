// 5. Build: cold (turbo --force: no cache) and a re-run with no change (must be all cache hits).
import { BUILD_COMMAND, buildBlog } from '../app.js';
import { infoRow, targetRow } from '../report.js';

export const id = 'build';
export const title = 'Build';

export async function run(ctx) {
  ctx.log('  cold: turbo run build --force…');
  const cold = await buildBlog({ force: true });
  ctx.log(`  cold: ${(cold.ms / 1000).toFixed(1)} s; re-run with no change…`);
  const cached = await buildBlog();
  return { command: `${BUILD_COMMAND[0]} ${BUILD_COMMAND[1].join(' ')}`, cold, cached };
}

export function rows(data) {
  const { cold, cached } = data;
  const allCached = cached.tasks != null && cached.cachedTasks === cached.tasks;
  return [
    infoRow('Build', `cold build (--force, ${cold.tasks ?? '?'} tasks)`, `${(cold.ms / 1000).toFixed(1)} s`),
    targetRow('Build', 're-run with no change', `${(cached.ms / 1000).toFixed(2)} s, ${cached.cachedTasks ?? '?'}/${cached.tasks ?? '?'} tasks cached${cached.fullTurbo ? ' (FULL TURBO)' : ''}`, '< 3 s, all cached', cached.ms < 3000 && allCached),
  ];
}

export function markdown(data) {
  return [
    '## 5. Build',
    '',
    `\`${data.command} --force\` (cold: every task re-executed, turbo cache bypassed), then \`${data.command}\` again with no change. Wall time includes \`npx\` start-up.`,
    '',
    '| Run | Time | Tasks cached |',
    '| --- | --- | --- |',
    `| cold (--force) | ${(data.cold.ms / 1000).toFixed(1)} s | ${data.cold.cachedTasks ?? '?'}/${data.cold.tasks ?? '?'} |`,
    `| no change | ${(data.cached.ms / 1000).toFixed(2)} s | ${data.cached.cachedTasks ?? '?'}/${data.cached.tasks ?? '?'}${data.cached.fullTurbo ? ' (FULL TURBO)' : ''} |`,
  ].join('\n');
}
