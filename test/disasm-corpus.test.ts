// Our listing must equal GNU objdump's, line for line, over the whole corpus.

import { describe, expect, it } from 'vitest';
import { actualLines, compareLines, corpusCases, expectedLines } from './corpus.js';

describe('disassembly matches GNU objdump', () => {
  for (const c of corpusCases()) {
    it(c.name, () => {
      const expected = expectedLines(c);
      const diffs = compareLines(expected, actualLines(c));
      const first = diffs[0];
      const report = first
        ? `${diffs.length} of ${expected.length} lines differ; first at line ${first.line}:\n  objdump: ${first.expected}\n  ours:    ${first.actual}`
        : '';
      expect(report).toBe('');
    });
  }
});
