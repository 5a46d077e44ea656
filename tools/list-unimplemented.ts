// Regenerates docs/unimplemented.md from the decoder tables and the
// registered semantic functions.

import { writeFileSync } from 'node:fs';
import { unimplementedReport, unimplementedRows } from '../src/cpu/exec/coverage.js';

writeFileSync('docs/unimplemented.md', unimplementedReport());
console.log(`${unimplementedRows().length} unimplemented rows written to docs/unimplemented.md`);
