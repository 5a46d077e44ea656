// Every A-type and I-type row of the decoder tables has a semantic function.

import { describe, expect, it } from 'vitest';
import '../src/cpu/decode/decoder.js';
import { allRows } from '../src/cpu/decode/table.js';
import '../src/cpu/exec/all.js';
import { semanticFor } from '../src/cpu/exec/registry.js';

describe('A and I rows', () => {
  it('all have a semantic', () => {
    const rows = allRows().filter((d) => d.type === 'A' || d.type === 'I');
    expect(rows.length).toBeGreaterThan(200);
    const missing = rows.filter((d) => !semanticFor(d)).map((d) => `${d.format} ${d.name}`);
    expect(missing, `rows without a semantic:\n${missing.join('\n')}`).toEqual([]);
  });
});
