#!/usr/bin/env node
// Entry point installed as `purgatorio`; the TypeScript sources are compiled
// to dist/ by `npm ci` (the `prepare` script) or `npm run build`.
import { main } from '../dist/cli/main.js';

// A closed pipe (`purgatorio disasm x | head`) is a normal way to stop reading.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
