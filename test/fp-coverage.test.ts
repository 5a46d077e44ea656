// Every F-type row and every M-unit FP row (loads, stores, pairs, setf,
// getf, the FR checks) has a semantic function.

import { describe, expect, it } from 'vitest';
import '../src/cpu/decode/decoder.js';
import { allRows } from '../src/cpu/decode/table.js';
import '../src/cpu/exec/all.js';
import { semanticFor } from '../src/cpu/exec/registry.js';

const FP_M_FORMATS = new Set(['M6', 'M7', 'M8', 'M9', 'M10', 'M11', 'M12', 'M18', 'M19', 'M21', 'M23', 'M27']);

describe('FP rows', () => {
  it('every F row has a semantic', () => {
    const rows = allRows().filter((d) => d.type === 'F');
    expect(rows.length).toBeGreaterThan(300);
    const missing = rows.filter((d) => !semanticFor(d)).map((d) => `${d.format} ${d.name}`);
    expect(missing, `rows without a semantic:\n${missing.join('\n')}`).toEqual([]);
  });

  it('every M-unit FP row has a semantic', () => {
    const rows = allRows().filter((d) => d.type === 'M' && FP_M_FORMATS.has(d.format) && !d.name.startsWith('lfetch'));
    expect(rows.length).toBeGreaterThan(250);
    const missing = rows.filter((d) => !semanticFor(d)).map((d) => `${d.format} ${d.name}`);
    expect(missing, `rows without a semantic:\n${missing.join('\n')}`).toEqual([]);
  });
});
