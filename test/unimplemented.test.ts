// docs/unimplemented.md must list exactly the rows without a semantic function.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unimplementedReport } from '../src/cpu/exec/coverage.js';

describe('docs/unimplemented.md', () => {
  it('is current (regenerate with npx tsx tools/list-unimplemented.ts)', () => {
    expect(readFileSync('docs/unimplemented.md', 'utf8')).toBe(unimplementedReport());
  });
});
