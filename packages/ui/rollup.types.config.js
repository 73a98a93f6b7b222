// Bundles the public types into dist/index.d.ts and dist/theme.d.ts: self-contained declaration
// files (no extensionless relative imports for node16 to trip on, no vanilla-extract types).
import { dts } from 'rollup-plugin-dts';

export default {
  input: { index: 'src/index.ts', theme: 'src/theme/index.ts' },
  output: { dir: 'dist', format: 'es', chunkFileNames: 'chunks/[name]-[hash].d.ts', manualChunks: (id) => (id.includes('/theme/contract.css') ? 'vars' : undefined) },
  plugins: [dts({ tsconfig: 'tsconfig.build.json' })],
};
