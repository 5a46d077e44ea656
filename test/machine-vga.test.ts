// The VGA on a default Machine: kexec-tools' reset_vga port sequence run as
// ia64 code through the I/O port space, then the purgatory greeting in the
// text buffer, read back as screen text; and the register behaviours that
// sequence depends on.

import { describe, expect, it, vi } from 'vitest';
import { VgaRegisters } from '../src/machine/vga-registers.js';
import { glyph } from '../src/machine/vga.js';
import { DATA, load, PortOp, portProgram, runLoaded } from './support/machine-run.js';

const SEQ = [0x0300, 0x0001, 0x0302, 0x0003, 0x0204];
const CRTC = [
  0x5f00, 0x4f01, 0x5002, 0x8203, 0x5504, 0x8105, 0xbf06, 0x1f07, 0x0008, 0x4f09, 0x200a, 0x0e0b, 0x000c,
  0x000d, 0x010e, 0xe00f, 0x9c10, 0x8e11, 0x8f12, 0x2813, 0x1f14, 0x9615, 0xb916, 0xa317, 0xff18,
];
const GC = [0x0000, 0x0001, 0x0002, 0x0003, 0x0004, 0x1005, 0x0e06, 0x0007, 0xff08];
const ATTR = [
  0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x14, 0x07, 0x38, 0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f, 0x0c, 0x00,
  0x0f, 0x08, 0x00,
];

/** reset_vga of kexec-tools 2.0.25 (purgatory/arch/ia64/vga.c), access by access. */
const RESET_VGA: PortOp[] = [
  ['inb', 0x3da],
  ['outb', 0x3c0, 0x00],
  ...SEQ.map((w) => ['outw', 0x3c4, w] as const),
  ['outw', 0x3d4, 0x0e11],
  ...CRTC.map((w) => ['outw', 0x3d4, w] as const),
  ...GC.map((w) => ['outw', 0x3ce, w] as const),
  ...ATTR.flatMap((v, i) => [['inb', 0x3da] as const, ['outb', 0x3c0, i] as const, ['outb', 0x3c0, v] as const]),
  ['inb', 0x3da],
  ['outb', 0x3c0, 0x20],
];

const GREETING = "I'm in purgatory";

/** Copy the NUL-terminated string at DATA to the text buffer as attribute-7 cells, uncached. */
const PRINT = [
  `movl r2=${DATA}`,
  'movl r3=0x80000000000b8000',
  'movl r11=0x700',
  'print:',
  'ld1 r9=[r2],1',
  'cmp.eq p6,p7=0,r9',
  '(p6) br.cond.sptk.few printed',
  'or r9=r9,r11',
  'st2 [r3]=r9,2',
  'br.cond.sptk.few print',
  'printed:',
];

describe('reset_vga and the greeting', () => {
  const loaded = load(portProgram(RESET_VGA, PRINT));
  const { m } = loaded;
  m.writePhys(DATA, new TextEncoder().encode(GREETING + '\0'));
  const regs = m.vga.registers;
  const seen: string[] = [];
  const inb = regs.inb.bind(regs);
  const outb = regs.outb.bind(regs);
  vi.spyOn(regs, 'inb').mockImplementation((p) => {
    seen.push(`in ${p.toString(16)}`);
    return inb(p);
  });
  vi.spyOn(regs, 'outb').mockImplementation((p, v) => {
    seen.push(`out ${p.toString(16)} ${v.toString(16)}`);
    outb(p, v);
  });
  const run = runLoaded(loaded);

  it('runs to the end', () => {
    expect(run.stop).toBeNull();
  });

  it('reaches the VGA ports in order, each word as index then data', () => {
    const hex = (n: number) => n.toString(16);
    const expected = RESET_VGA.flatMap((op) =>
      op[0] === 'inb'
        ? [`in ${hex(op[1])}`]
        : op[0] === 'outb'
          ? [`out ${hex(op[1])} ${hex(op[2])}`]
          : [`out ${hex(op[1])} ${hex(op[2] & 0xff)}`, `out ${hex(op[1] + 1)} ${hex(op[2] >> 8)}`],
    );
    expect(seen).toEqual(expected);
  });

  it('leaves the registers as written', () => {
    expect(regs.misc).toBe(0x67);
    expect([...regs.seq.slice(0, 5)]).toEqual(SEQ.map((w) => w >> 8));
    // Register 0x11 is written twice: unprotect first, its table value last.
    expect([...regs.crtc.slice(0, 25)]).toEqual(CRTC.map((w) => w >> 8));
    expect([...regs.gc.slice(0, 9)]).toEqual(GC.map((w) => w >> 8));
    expect([...regs.attr.slice(0, 21)]).toEqual(ATTR);
    // Values that differ from mode 3's: the cursor is off and placed at 0x1e0.
    expect(regs.crtc[0x0a]).toBe(0x20);
    expect((regs.crtc[0x0e] << 8) | regs.crtc[0x0f]).toBe(0x1e0);
    expect(regs.displayEnabled).toBe(true);
    // The last write was an index (0x20, PAS): the flip-flop now expects data.
    expect(regs.attrData).toBe(true);
  });

  it('shows the greeting on the first line of the screen', () => {
    const screen = m.vga.screen();
    expect(screen).toHaveLength(25);
    expect(screen[0]).toBe(GREETING);
    expect(screen.slice(1).every((l) => l === '')).toBe(true);
    expect(m.vga.memory[0x18001]).toBe(0x07);
  });
});

describe('VGA registers', () => {
  it('attribute controller: a write alternates index and data; input status 1 resets to index', () => {
    const r = new VgaRegisters();
    r.inb(0x3da);
    r.outb(0x3c0, 0x05);
    expect(r.displayEnabled).toBe(false);
    r.outb(0x3c0, 0x2a);
    expect(r.attr[5]).toBe(0x2a);
    r.outb(0x3c0, 0x26); // an index again: register 6, PAS set
    expect(r.inb(0x3c0)).toBe(0x26);
    r.inb(0x3da);
    r.outb(0x3c0, 0x27); // reset: index, not data for register 6
    expect(r.attr[6]).toBe(0x14);
    r.outb(0x3c0, 0x11);
    expect(r.inb(0x3c1)).toBe(0x11);
    expect(r.displayEnabled).toBe(true);
  });

  it('CRTC registers 0-7 are write-protected by bit 7 of register 0x11, all but the line compare bit', () => {
    const r = new VgaRegisters();
    expect(r.crtc[0x11] & 0x80).toBe(0x80);
    r.outb(0x3d4, 0x00);
    r.outb(0x3d5, 0x12);
    r.outb(0x3d4, 0x07);
    r.outb(0x3d5, 0x00);
    expect(r.crtc[0]).toBe(0x5f);
    expect(r.crtc[7]).toBe(0x0f);
    r.outb(0x3d4, 0x11);
    r.outb(0x3d5, 0x0e);
    r.outb(0x3d4, 0x00);
    r.outb(0x3d5, 0x12);
    expect(r.inb(0x3d5)).toBe(0x12);
  });

  it('misc output bit 0 moves the CRTC and input status 1 between 0x3dx and 0x3bx', () => {
    const r = new VgaRegisters();
    r.outb(0x3d4, 0x0c);
    expect(r.inb(0x3d4)).toBe(0x0c);
    expect(r.inb(0x3b4)).toBe(0xff);
    r.outb(0x3c2, 0x66);
    expect(r.inb(0x3cc)).toBe(0x66);
    expect(r.inb(0x3d4)).toBe(0xff);
    r.outb(0x3b4, 0x0d);
    r.outb(0x3b5, 0x50);
    expect(r.startAddress).toBe(0x50);
    expect(r.inb(0x3ba) ^ r.inb(0x3ba)).toBe(0x09);
  });

  it('DAC: entries of three 6-bit components with separate read and write indexes', () => {
    const r = new VgaRegisters();
    r.outb(0x3c8, 0x10);
    for (const v of [0x3f, 0x40, 0x15, 0x01, 0x02, 0x03]) r.outb(0x3c9, v);
    expect(r.inb(0x3c8)).toBe(0x12);
    expect(r.inb(0x3c7)).toBe(0x00);
    r.outb(0x3c7, 0x10);
    expect(r.inb(0x3c7)).toBe(0x03);
    expect([1, 2, 3, 4, 5, 6].map(() => r.inb(0x3c9))).toEqual([0x3f, 0x00, 0x15, 0x01, 0x02, 0x03]);
    r.outb(0x3c6, 0x0f);
    expect(r.inb(0x3c6)).toBe(0x0f);
  });

  it('sequencer and graphics controller keep what their data ports are given', () => {
    const r = new VgaRegisters();
    r.outb(0x3c4, 0x02);
    r.outb(0x3c5, 0x0f);
    r.outb(0x3ce, 0x06);
    r.outb(0x3cf, 0x05);
    expect([r.inb(0x3c4), r.inb(0x3c5), r.inb(0x3ce), r.inb(0x3cf)]).toEqual([0x02, 0x0f, 0x06, 0x05]);
  });
});

describe('screen text', () => {
  it('starts at the CRTC start address, maps code page 437 and trims trailing blanks', () => {
    const { m } = load([]);
    const text = m.vga.memory.subarray(0x18000);
    const put = (cell: number, ch: number) => {
      text[2 * cell] = ch;
      text[2 * cell + 1] = 0x07;
    };
    put(80, 0x41);
    put(81, 0xc9);
    put(82, 0xcd);
    put(83, 0x20);
    put(84, 0xff);
    put(160, 0x42);
    expect(m.vga.screen().slice(0, 3)).toEqual(['', 'A╔═', 'B']);
    m.vga.registers.crtc[0x0d] = 80;
    expect(m.vga.screen()[0]).toBe('A╔═');
    expect([glyph(0x01), glyph(0x7f), glyph(0xe1), glyph(0x00)]).toEqual(['☺', '⌂', 'ß', ' ']);
  });
});
