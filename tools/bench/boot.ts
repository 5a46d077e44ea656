// Boot benchmarks: seconds from start to the kernel entry, as a user runs
// `purgatorio boot` (the compiled CLI in a child process), for the bundled
// kernel and for a kernel image padded to PURGATORIO_BENCH_KERNEL_MB MiB
// (default 16; 64 is the size a real kernel is, and takes minutes) that
// purgatory must hash, with traces (the default) and with the interpreter
// alone (--no-jit). With PURGATORIO_KEXEC_TOOLS_TARBALL and
// PURGATORIO_IA64_GCC set, kexec-tools' own purgatory is measured too.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ElfFile, PT_LOAD } from '../../src/loader/elf.js';
import { Benchmark, Figure, Measure } from './harness.js';

/** The bundled kernel with one more loadable segment of pseudo-random bytes after it. */
function paddedKernel(mib: number): Uint8Array {
  const k = new ElfFile(readFileSync('roms/kernel/kernel.elf'));
  const load = k.programHeaders.filter((p) => p.type === PT_LOAD);
  const segs = load.map((p) => ({ paddr: p.paddr, vaddr: p.vaddr, data: k.bytes.subarray(Number(p.offset), Number(p.offset + p.filesz)), memsz: p.memsz }));
  const end = segs.reduce((m, s) => (s.paddr + s.memsz > m ? s.paddr + s.memsz : m), 0n);
  const pad = new Uint8Array(mib << 20);
  let x = 0x12345678;
  for (let i = 0; i < pad.length; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    pad[i] = x & 0xff;
    pad[i + 1] = (x >>> 8) & 0xff;
  }
  const base = (end + 0xffffn) & ~0xffffn;
  segs.push({ paddr: base, vaddr: base | 0xe000000000000000n, data: pad, memsz: BigInt(pad.length) });
  const phoff = 64;
  let at = phoff + 56 * segs.length;
  const offs = segs.map((s) => ((at += s.data.length), at - s.data.length));
  const out = new Uint8Array(at);
  const dv = new DataView(out.buffer);
  out.set(k.bytes.subarray(0, 64));
  dv.setBigUint64(32, BigInt(phoff), true);
  dv.setBigUint64(40, 0n, true);
  dv.setUint16(54, 56, true);
  dv.setUint16(56, segs.length, true);
  dv.setUint16(58, 0, true);
  dv.setUint16(60, 0, true);
  dv.setUint16(62, 0, true);
  segs.forEach((s, i) => {
    const o = phoff + 56 * i;
    dv.setUint32(o, PT_LOAD, true);
    dv.setUint32(o + 4, 7, true);
    dv.setBigUint64(o + 8, BigInt(offs[i]), true);
    dv.setBigUint64(o + 16, s.vaddr, true);
    dv.setBigUint64(o + 24, s.paddr, true);
    dv.setBigUint64(o + 32, BigInt(s.data.length), true);
    dv.setBigUint64(o + 40, s.memsz, true);
    dv.setBigUint64(o + 48, 0x10000n, true);
    out.set(s.data, offs[i]);
  });
  return out;
}

function timeBoot(label: string, args: string[]): Figure[] {
  const r = spawnSync(process.execPath, ['bin/purgatorio.js', 'boot', '--stats', '--json', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const outcome = r.stdout ? (JSON.parse(r.stdout) as { outcome: string }).outcome : 'error';
  const m = /stats: (\d+) instructions in ([\d.]+) s, ([\d.]+) MIPS, peak RSS (\d+) MiB/.exec(r.stderr ?? '');
  if (!m || outcome !== 'kernel-entry') throw new Error(`${label}: boot ended in ${outcome}: ${r.stderr}`);
  return [
    { name: `${label}: seconds to kernel entry`, value: Number(m[2]), unit: 's' },
    { name: `${label}: instructions`, value: Number(m[1]), unit: 'insns' },
    { name: `${label}: speed`, value: Number(m[3]), unit: 'MIPS' },
    { name: `${label}: peak resident memory`, value: Number(m[4]), unit: 'MiB' },
  ];
}

export const bootBenchmark: Benchmark = {
  name: 'boot',
  async run(measure: Measure): Promise<Figure[]> {
    if (measure === 'allocation') return [];
    const mib = Number(process.env.PURGATORIO_BENCH_KERNEL_MB ?? 16);
    const dir = mkdtempSync(join(tmpdir(), 'purgatorio-bench-'));
    try {
      const kernel = join(dir, `kernel-${mib}m.elf`);
      writeFileSync(kernel, paddedKernel(mib));
      const runs: [string, string[]][] = [
        ['bundled kernel', []],
        [`${mib} MiB kernel`, ['--kernel', kernel]],
      ];
      const tarball = process.env.PURGATORIO_KEXEC_TOOLS_TARBALL;
      if (tarball && existsSync(tarball) && process.env.PURGATORIO_IA64_GCC) {
        execFileSync('bash', ['tools/build-kexec-purgatory.sh', dir], { stdio: 'pipe' });
        runs.push([`kexec-tools purgatory, ${mib} MiB kernel`, ['--purgatory', join(dir, 'kexec-purgatory.ro'), '--kernel', kernel]]);
      }
      return runs.flatMap(([label, args]) => [...timeBoot(label, args), ...timeBoot(`${label}, --no-jit`, ['--no-jit', ...args])]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
