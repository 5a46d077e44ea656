// A 16550 UART on the port bus: eight registers from its base port. The
// line is infinitely fast: a byte written to THR is on the wire at once, so
// LSR always reports the transmitter empty (THRE and TEMT) and drivers that
// poll it never wait. Transmitted bytes are captured; bytes handed to
// receive() arrive in RBR. There is no interrupt line to raise; IIR still
// says which interrupt would be pending, for drivers that check it.

import type { PortDevice } from './port-space.js';

const LCR_DLAB = 0x80;
const MCR_LOOP = 0x10;
const LSR_DR = 0x01;
const LSR_THRE = 0x20;
const LSR_TEMT = 0x40;
const IER_RDA = 0x01;
const IER_THRE = 0x02;
const FCR_ENABLE = 0x01;
const FCR_CLEAR_RX = 0x02;
/** IIR: no interrupt pending; received data available; THR empty; FIFOs on (bits 7:6). */
const IIR_NONE = 0x01;
const IIR_RDA = 0x04;
const IIR_THRE = 0x02;
const IIR_FIFO = 0xc0;
/** MSR with a terminal attached: DCD, DSR and CTS. */
const MSR_CONNECTED = 0xb0;

export class Uart16550 implements PortDevice {
  readonly name = 'serial';
  ier = 0;
  lcr = 0;
  mcr = 0;
  scr = 0;
  /** Divisor latch: 1 is 115200 baud. */
  divisor = 0;
  fifo = false;
  /** Bytes sent, in order. */
  readonly transmitted: number[] = [];
  /** Called with each byte as it is sent (to echo a console). */
  onTransmit: ((byte: number) => void) | null = null;
  private readonly rx: number[] = [];
  /** A THR-empty interrupt is pending until IIR reports it or THR is written. */
  private threPending = false;

  constructor(readonly base: number) {}

  /** What was sent, as Latin-1 text. */
  get output(): string {
    return Buffer.from(this.transmitted).toString('latin1');
  }

  /** Bytes arriving on the line. */
  receive(bytes: Iterable<number>): void {
    for (const b of bytes) this.rx.push(b & 0xff);
  }

  private get dlab(): boolean {
    return (this.lcr & LCR_DLAB) !== 0;
  }

  inb(port: number): number {
    switch (port - this.base) {
      case 0:
        return this.dlab ? this.divisor & 0xff : (this.rx.shift() ?? 0);
      case 1:
        return this.dlab ? this.divisor >> 8 : this.ier;
      case 2:
        return this.iir();
      case 3:
        return this.lcr;
      case 4:
        return this.mcr;
      case 5:
        return LSR_THRE | LSR_TEMT | (this.rx.length ? LSR_DR : 0);
      case 6:
        return this.msr();
      default:
        return this.scr;
    }
  }

  outb(port: number, v: number): void {
    switch (port - this.base) {
      case 0:
        if (this.dlab) this.divisor = (this.divisor & 0xff00) | v;
        else this.transmit(v);
        return;
      case 1:
        if (this.dlab) {
          this.divisor = (this.divisor & 0xff) | (v << 8);
        } else {
          if (v & IER_THRE && !(this.ier & IER_THRE)) this.threPending = true;
          this.ier = v & 0x0f;
        }
        return;
      case 2:
        this.fifo = (v & FCR_ENABLE) !== 0;
        if (v & FCR_CLEAR_RX) this.rx.length = 0;
        return;
      case 3:
        this.lcr = v;
        return;
      case 4:
        this.mcr = v & 0x1f;
        return;
      case 7:
        this.scr = v;
        return;
    }
  }

  private transmit(v: number): void {
    // In loopback the byte goes back to the receiver instead of the line.
    if (this.mcr & MCR_LOOP) {
      this.rx.push(v);
    } else {
      this.transmitted.push(v);
      this.onTransmit?.(v);
    }
    this.threPending = (this.ier & IER_THRE) !== 0;
  }

  private iir(): number {
    const fifo = this.fifo ? IIR_FIFO : 0;
    if (this.ier & IER_RDA && this.rx.length) return fifo | IIR_RDA;
    if (this.ier & IER_THRE && this.threPending) {
      this.threPending = false;
      return fifo | IIR_THRE;
    }
    return fifo | IIR_NONE;
  }

  /** Modem status: a connected terminal, or in loopback the MCR outputs fed back. */
  private msr(): number {
    if (!(this.mcr & MCR_LOOP)) return MSR_CONNECTED;
    const m = this.mcr;
    // DTR -> DSR, RTS -> CTS, OUT1 -> RI, OUT2 -> DCD.
    return ((m & 1) << 5) | ((m & 2) << 3) | ((m & 4) << 4) | ((m & 8) << 4);
  }
}
