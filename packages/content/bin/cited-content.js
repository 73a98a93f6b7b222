#!/usr/bin/env node
// Thin launcher: the CLI is compiled TypeScript in ../dist (run `npm run build -w @cited/content` first).
import { main } from '../dist/cli.js';

await main();
