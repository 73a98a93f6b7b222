// Writes dist/tokens.json (Design Tokens Community Group format) from src/theme/designTokens.ts,
// the same token source the stylesheet is compiled from. Run by `npm run build`; never edit the
// output by hand.
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';

const entry = new URL('../src/theme/designTokens.ts', import.meta.url).pathname;
const output = new URL('../dist/tokens.json', import.meta.url);

const bundle = await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', write: false });
const module = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);
await mkdir(new URL('.', output), { recursive: true });
await writeFile(output, `${JSON.stringify(module.designTokens(), null, 2)}\n`);
console.log(`Wrote ${output.pathname.replace(process.cwd() + '/', '')}`);
