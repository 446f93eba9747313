#!/usr/bin/env node
// Entry point: the compiled CLI from dist/ when it is up to date, else the TypeScript sources
// through tsx (see bin/loader.js).
import { importEntry } from './loader.js';
const { main } = await importEntry('src/cli/main.ts');
process.exitCode = await main(process.argv);
