// assembleBundle: three instructions in one bundle of a chosen template.

import { describe, expect, it } from 'vitest';
import { assembleBundle } from '../src/cpu/asm/assemble.js';
import { disasmRaw } from '../src/cli/disasm.js';

const listing = (b: Uint8Array) => disasmRaw(b, 'b').split('\n').filter((l) => /^\s+[0-9a-f]+:/.test(l)).map((l) => l.split('\t').pop()!.trim()).filter((t) => !/^[0-9a-f ]+$/.test(t));

describe('assembleBundle', () => {
  it('packs the slots of an MIB bundle with a stop at its end', () => {
    expect(listing(assembleBundle('MIB', ['break.m 0x1a0000', 'nop.i 0', 'br.ret.sptk.many b0']))).toEqual([
      '[MIB]       break.m 0x1a0000',
      'nop.i 0x0',
      'br.ret.sptk.many b0;;',
    ]);
  });

  it('takes an X-unit instruction across slots 1 and 2 of MLX', () => {
    expect(listing(assembleBundle('MLX', ['nop.m 0', 'movl r14=0xe000000012345678', '']))).toEqual([
      '[MLX]       nop.m 0x0',
      'movl r14=0xe000000012345678;;',
    ]);
  });

  it('refuses an instruction in a slot of another unit, and unknown templates', () => {
    expect(() => assembleBundle('MIB', ['nop.i 0', 'nop.i 0', 'br.ret.sptk.many b0'])).toThrow('slot 0 of MIB is M-unit; nop.i 0 is not');
    expect(() => assembleBundle('MII', ['nop.m 0', 'nop.i 0', 'br.ret.sptk.many b0'])).toThrow('slot 2 of MII is I-unit');
    expect(() => assembleBundle('MLX', ['nop.m 0', 'nop.i 0', ''])).toThrow('MLX takes an M-unit and an X-unit instruction');
    expect(() => assembleBundle('XYZ', ['nop.m 0', 'nop.i 0', 'nop.i 0'])).toThrow('unknown template XYZ');
  });
});
