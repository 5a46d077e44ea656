// The main job: the 2008 purgatory takes an MCA on Tiano-based firmware at
// its patching store; the fixed one, or legacy firmware, reaches the new
// kernel's entry with the boot state the kernel expects.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boot, BootOptions } from '../src/boot/boot.js';
import { bootReportJson } from '../src/boot/report.js';
import { BUILTIN_PERSONALITIES } from '../src/efi/personality.js';

const FIXED = { name: 'purgatory.ro', bytes: readFileSync('roms/purgatory/purgatory.ro') };
const OLD = { name: 'purgatory-2008.ro', bytes: readFileSync('roms/purgatory/purgatory-2008.ro') };
const KERNEL = { name: 'kernel.elf', bytes: readFileSync('roms/kernel/kernel.elf') };

function run(purgatory: BootOptions['purgatory'], firmware: string, extra: Partial<BootOptions> = {}) {
  return boot({
    purgatory,
    kernel: KERNEL,
    commandLine: 'console=ttyS0 root=/dev/sda2',
    personality: BUILTIN_PERSONALITIES[firmware],
    memory: 4n << 30n,
    paBits: 63,
    maxInsns: 200_000_000,
    ...extra,
  });
}

describe('the matrix of our purgatories and the built-in firmware personalities', () => {
  for (const firmware of ['legacy', 'tiano', 'spec']) {
    it(`the fixed purgatory reaches the kernel entry on ${firmware}`, () => {
      const r = run(FIXED, firmware);
      expect(r.outcome).toBe('kernel-entry');
      expect(r.exitStatus).toBe(0);
      expect(r.checks.filter((c) => !c.ok)).toEqual([]);
      expect(r.console.vga.join('\n')).toContain("I'm in purgatory");
    });
  }

  it('the 2008 purgatory reaches the kernel entry on legacy firmware', () => {
    const r = run(OLD, 'legacy');
    expect(r.outcome).toBe('kernel-entry');
    expect(r.checks.every((c) => c.ok)).toBe(true);
  });

  for (const firmware of ['tiano', 'spec']) {
    it(`the 2008 purgatory takes an MCA at its patching store on ${firmware}`, () => {
      const r = run(OLD, firmware);
      expect(r.outcome).toBe('mca');
      expect(r.exitStatus).toBe(2);
      const j = bootReportJson(r) as { mca: Record<string, unknown> };
      expect(j.mca.address).toMatch(/^0x2000000/);
      expect(j.mca.access).toBe('store');
      expect(j.mca.instruction).toMatch(/^st8 \[r\d+\]=r\d+$/);
      expect(j.mca.symbol).toMatch(/^ia64_env_setup\+0x/);
    });
  }
});

describe('the interpreter alone (--no-jit)', () => {
  it('ends both purgatories on Tiano as traces do, after the same instructions, with the same MCA', () => {
    for (const purgatory of [FIXED, OLD]) {
      const traced = bootReportJson(run(purgatory, 'tiano'));
      const interpreted = bootReportJson(run(purgatory, 'tiano', { jit: false }));
      expect(interpreted).toEqual(traced);
    }
  });
});

describe('following the kernel', () => {
  it('makes the second SetVirtualAddressMap call through the redirected descriptor and shuts down cleanly', () => {
    const r = run(FIXED, 'tiano', { follow: true });
    expect(r.outcome).toBe('shutdown');
    expect(r.reset).toMatchObject({ typeName: 'EfiResetShutdown', status: 0n });
    expect(r.console.serial).toContain('all checks passed');
    // The firmware saw only the old kernel's call: the new kernel's went to the dummy.
    expect(r.firmwareCalls.filter((c) => c.service === 'SetVirtualAddressMap')).toHaveLength(1);
    expect(r.exitStatus).toBe(0);
  });
});

describe('what goes wrong is reported as such', () => {
  it('a corrupted kernel segment makes purgatory report a digest mismatch and spin', () => {
    const r = run(FIXED, 'tiano', {
      afterLoad: (m, plan) => {
        const k = plan.segments.find((s) => s.what === 'kernel')!;
        m.writePhys(k.paddr + 0x100n, new Uint8Array([0x5a]));
      },
    });
    expect(r.outcome).toBe('digest-mismatch');
    expect(r.exitStatus).toBe(3);
  });

  it('the 2008 store is an Unimplemented Data Address fault with an Itanium 2 address width', () => {
    const r = run(OLD, 'tiano', { paBits: 50 });
    expect(r.outcome).toBe('fault');
    expect(r.summary).toContain('Unimplemented Data Address');
    expect(r.summary).toContain('63');
  });

  it('an instruction budget ends the run with outcome limit', () => {
    const r = run(FIXED, 'tiano', { maxInsns: 1000 });
    expect(r.outcome).toBe('limit');
    expect(r.exitStatus).toBe(4);
    expect(r.instructions).toBeGreaterThanOrEqual(1000);
  });
});
