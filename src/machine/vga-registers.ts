// The VGA's registers on the port bus (ports 0x3b0-0x3df): miscellaneous
// output, sequencer, CRT controller, graphics controller, attribute
// controller and DAC. Nothing is drawn from them; they keep what software
// writes and read back as the hardware would, which is what a mode reset
// such as kexec's needs. They start as a firmware leaves them: 80x25 colour
// text (BIOS mode 3).

import type { PortDevice } from './port-space.js';

export const VGA_PORTS = { first: 0x3b0, count: 0x30 } as const;

const MODE3 = {
  misc: 0x67,
  seq: [0x03, 0x00, 0x03, 0x00, 0x02],
  crtc: [
    0x5f, 0x4f, 0x50, 0x82, 0x55, 0x81, 0xbf, 0x1f, 0x00, 0x4f, 0x0d, 0x0e, 0x00, 0x00, 0x00, 0x00,
    0x9c, 0x8e, 0x8f, 0x28, 0x1f, 0x96, 0xb9, 0xa3, 0xff,
  ],
  gc: [0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x0e, 0x00, 0xff],
  attr: [
    0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x14, 0x07, 0x38, 0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f,
    0x0c, 0x00, 0x0f, 0x08, 0x00,
  ],
};

/** Misc output bit 0: CRTC and input status 1 at 0x3dx (colour) rather than 0x3bx (mono). */
const MISC_COLOUR = 0x01;
/** CRTC register 0x11 bit 7 write-protects registers 0-7 (all but bit 4 of register 7). */
const CRTC_PROTECT = 0x80;
const CRTC_OVERFLOW = 7;
const CRTC_VRETRACE_END = 0x11;
/** Attribute index bit 5 (PAS): the palette belongs to the display, which shows the picture. */
const ATTR_PAS = 0x20;
/** Input status 1: display disabled (bit 0) and vertical retrace (bit 3). */
const STATUS_RETRACE = 0x09;

export class VgaRegisters implements PortDevice {
  readonly name = 'vga';
  misc = MODE3.misc;
  feature = 0;
  /** Index registers and the registers they select (index bits beyond the array are ignored). */
  seqIndex = 0;
  readonly seq = Uint8Array.from({ length: 8 }, (_, i) => MODE3.seq[i] ?? 0);
  crtcIndex = 0;
  readonly crtc = Uint8Array.from({ length: 32 }, (_, i) => MODE3.crtc[i] ?? 0);
  gcIndex = 0;
  readonly gc = Uint8Array.from({ length: 16 }, (_, i) => MODE3.gc[i] ?? 0);
  /** Attribute controller: one port takes index and data in turn (the flip-flop). */
  attrIndex = ATTR_PAS;
  attrData = false;
  readonly attr = Uint8Array.from({ length: 32 }, (_, i) => MODE3.attr[i] ?? 0);
  pelMask = 0xff;
  /** DAC: 256 entries of 6-bit red, green, blue. */
  readonly palette = new Uint8Array(256 * 3);
  private dacRead = 0;
  private dacWrite = 0;
  /** Component (0-2) within the current entry; reads and writes share it, as on the hardware. */
  private dacComponent = 0;
  private dacReading = false;
  private retrace = 0;

  /** The picture is shown (PAS set); cleared while the attribute controller is programmed. */
  get displayEnabled(): boolean {
    return (this.attrIndex & ATTR_PAS) !== 0;
  }

  /** CRTC start address: the first character cell on the screen. */
  get startAddress(): number {
    return (this.crtc[0x0c] << 8) | this.crtc[0x0d];
  }

  /** CRTC and input status 1 sit at 0x3d4/0x3d5/0x3da in colour mode, 0x3b4/0x3b5/0x3ba in mono. */
  private get ioBase(): number {
    return this.misc & MISC_COLOUR ? 0x3d0 : 0x3b0;
  }

  inb(port: number): number {
    const b = this.ioBase;
    switch (port) {
      case b + 4:
        return this.crtcIndex;
      case b + 5:
        return this.crtc[this.crtcIndex & 0x1f];
      case b + 0xa:
        // Reading input status 1 resets the attribute flip-flop; the
        // retrace bits toggle so that polling loops in either sense finish.
        this.attrData = false;
        this.retrace ^= STATUS_RETRACE;
        return this.retrace;
      case 0x3c0:
        return this.attrIndex;
      case 0x3c1:
        return this.attr[this.attrIndex & 0x1f];
      case 0x3c2:
        return 0x00; // input status 0: no retrace interrupt, switch sense low
      case 0x3c4:
        return this.seqIndex;
      case 0x3c5:
        return this.seq[this.seqIndex & 7];
      case 0x3c6:
        return this.pelMask;
      case 0x3c7:
        return this.dacReading ? 0x03 : 0x00;
      case 0x3c8:
        return this.dacWrite;
      case 0x3c9:
        return this.dacData();
      case 0x3ca:
        return this.feature;
      case 0x3cc:
        return this.misc;
      case 0x3ce:
        return this.gcIndex;
      case 0x3cf:
        return this.gc[this.gcIndex & 0xf];
      default:
        return 0xff;
    }
  }

  outb(port: number, v: number): void {
    const b = this.ioBase;
    switch (port) {
      case b + 4:
        this.crtcIndex = v;
        return;
      case b + 5:
        this.writeCrtc(this.crtcIndex & 0x1f, v);
        return;
      case b + 0xa:
        this.feature = v;
        return;
      case 0x3c0:
        if (this.attrData) this.attr[this.attrIndex & 0x1f] = v;
        else this.attrIndex = v & 0x3f;
        this.attrData = !this.attrData;
        return;
      case 0x3c2:
        this.misc = v;
        return;
      case 0x3c4:
        this.seqIndex = v;
        return;
      case 0x3c5:
        this.seq[this.seqIndex & 7] = v;
        return;
      case 0x3c6:
        this.pelMask = v;
        return;
      case 0x3c7:
        this.dacRead = v;
        this.dacComponent = 0;
        this.dacReading = true;
        return;
      case 0x3c8:
        this.dacWrite = v;
        this.dacComponent = 0;
        this.dacReading = false;
        return;
      case 0x3c9:
        this.palette[this.dacWrite * 3 + this.dacComponent] = v & 0x3f;
        if (this.nextComponent()) this.dacWrite = (this.dacWrite + 1) & 0xff;
        return;
      case 0x3ce:
        this.gcIndex = v;
        return;
      case 0x3cf:
        this.gc[this.gcIndex & 0xf] = v;
        return;
    }
  }

  private writeCrtc(i: number, v: number): void {
    if (i <= CRTC_OVERFLOW && this.crtc[CRTC_VRETRACE_END] & CRTC_PROTECT) {
      // Protected: of registers 0-7 only the line compare bit 8 (register 7 bit 4) can change.
      if (i === CRTC_OVERFLOW) this.crtc[i] = (this.crtc[i] & ~0x10) | (v & 0x10);
      return;
    }
    this.crtc[i] = v;
  }

  private dacData(): number {
    const v = this.palette[this.dacRead * 3 + this.dacComponent];
    if (this.nextComponent()) this.dacRead = (this.dacRead + 1) & 0xff;
    return v;
  }

  /** Step to the next colour component; true when an entry is complete. */
  private nextComponent(): boolean {
    this.dacComponent = (this.dacComponent + 1) % 3;
    return this.dacComponent === 0;
  }
}
