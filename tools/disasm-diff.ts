// Summarises where our listing differs from objdump's over the corpus:
// mismatch counts per objdump mnemonic, with examples. Lines whose address,
// bytes or template mark differ, and lines that are not instruction lines,
// count as '<layout>'.
//
//   npx tsx tools/disasm-diff.ts [filter-substring] [--examples N]

import { actualLines, classify, compareLines, corpusCases, expectedLines } from '../test/corpus.js';

const filter = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : '';
const exIdx = process.argv.indexOf('--examples');
const nExamples = exIdx >= 0 ? Number(process.argv[exIdx + 1]) : 3;

const byMnemonic = new Map<string, { count: number; examples: string[] }>();
let total = 0;
let lines = 0;
for (const c of corpusCases()) {
  const exp = expectedLines(c);
  lines += exp.length;
  for (const d of compareLines(exp, actualLines(c))) {
    const key = classify(d);
    if (filter && !key.includes(filter) && !d.actual.includes(filter)) continue;
    total++;
    const e = byMnemonic.get(key) ?? { count: 0, examples: [] };
    e.count++;
    if (e.examples.length < nExamples) e.examples.push(`${c.name}:${d.line}\n    objdump: ${d.expected}\n    ours:    ${d.actual}`);
    byMnemonic.set(key, e);
  }
}
const rows = [...byMnemonic.entries()].sort((a, b) => b[1].count - a[1].count);
for (const [k, v] of rows) {
  console.log(`${v.count}\t${k}`);
  for (const ex of v.examples) console.log('  ' + ex);
}
console.log(`${total} differing lines of ${lines}`);
