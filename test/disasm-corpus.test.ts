// Our listing must equal GNU objdump's, line for line, over the whole corpus.
// Layout (headers, labels, address columns, bytes, template marks, elided
// zeros, out-of-bounds lines) is checked apart from instruction text, so a
// table still being filled in does not hide a layout regression.

import { describe, expect, it } from 'vitest';
import { actualLines, classify, CorpusCase, compareLines, corpusCases, expectedLines, Mismatch } from './corpus.js';

function report(what: string, total: number, diffs: Mismatch[]): string {
  const first = diffs[0];
  if (!first) return '';
  return `${diffs.length} of ${total} lines differ${what}; first at line ${first.line}:\n  objdump: ${first.expected}\n  ours:    ${first.actual}`;
}

function differences(c: CorpusCase): { total: number; diffs: Mismatch[] } {
  const expected = expectedLines(c);
  return { total: expected.length, diffs: compareLines(expected, actualLines(c)) };
}

describe('disassembly matches GNU objdump', () => {
  for (const c of corpusCases()) {
    describe(c.name, () => {
      let result: ReturnType<typeof differences> | undefined;
      const get = () => (result ??= differences(c));
      it('layout', () => {
        const { total, diffs } = get();
        expect(report(' in layout', total, diffs.filter((d) => classify(d) === '<layout>'))).toBe('');
      });
      it('every line', () => {
        const { total, diffs } = get();
        expect(report('', total, diffs)).toBe('');
      });
    });
  }
});
