// The legacy VGA: its 128 KiB memory window [0xa0000, 0xc0000) as a device
// region, and its registers on the port bus. In colour text mode the screen
// is read from 0xb8000: 80x25 cells of a character byte (code page 437)
// and an attribute byte, starting at the CRTC start address. screen()
// turns that into the text a monitor would show.

import type { Region } from './address-space.js';
import { VgaRegisters } from './vga-registers.js';

export const VGA_WINDOW = { base: 0xa0000n, size: 0x20000n } as const;
/** The colour text buffer: 32 KiB at 0xb8000. */
export const TEXT_BUFFER = 0xb8000n;
const TEXT_OFFSET = Number(TEXT_BUFFER - VGA_WINDOW.base);
const TEXT_SIZE = 0x8000;
export const COLUMNS = 80;
export const ROWS = 25;

/** Code page 437 glyphs of bytes 0x80-0xff; 0x01-0x1f and 0x7f have pictures too. */
const HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' +
  '└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';
const LOW = ' ☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←∟↔▲▼';

/** The glyph a VGA shows for a character byte. */
export function glyph(b: number): string {
  if (b < 0x20) return LOW[b];
  if (b === 0x7f) return '⌂';
  return b < 0x80 ? String.fromCharCode(b) : HIGH[b - 0x80];
}

export class Vga implements Region {
  readonly name = 'vga';
  readonly kind = 'device';
  readonly base = VGA_WINDOW.base;
  readonly size = VGA_WINDOW.size;
  readonly memory = new Uint8Array(Number(VGA_WINDOW.size));
  readonly registers = new VgaRegisters();

  read(off: bigint, size: number): bigint {
    let v = 0n;
    for (let i = size - 1; i >= 0; i--) v = (v << 8n) | BigInt(this.memory[Number(off) + i]);
    return v;
  }

  write(off: bigint, size: number, value: bigint): void {
    for (let i = 0; i < size; i++) this.memory[Number(off) + i] = Number((value >> BigInt(8 * i)) & 0xffn);
  }

  readBlock(off: bigint, out: Uint8Array): void {
    out.set(this.memory.subarray(Number(off), Number(off) + out.length));
  }

  writeBlock(off: bigint, data: Uint8Array): void {
    this.memory.set(data, Number(off));
  }

  /** The 25 text lines on the screen, trailing blanks trimmed. */
  screen(): string[] {
    const start = 2 * this.registers.startAddress;
    const lines: string[] = [];
    for (let row = 0; row < ROWS; row++) {
      let line = '';
      for (let col = 0; col < COLUMNS; col++) {
        const cell = (start + 2 * (row * COLUMNS + col)) % TEXT_SIZE;
        line += glyph(this.memory[TEXT_OFFSET + cell]);
      }
      lines.push(line.replace(/[ \u00a0]+$/, ''));
    }
    return lines;
  }
}
