// The 16550 at port 0x3f8 of a default Machine, driven by ia64 code through
// the I/O port space the way our kernel's console driver does, and its
// registers one by one.

import { describe, expect, it } from 'vitest';
import { Uart16550 } from '../src/machine/uart.js';
import { PortOp, portProgram, runMachine } from './support/machine-run.js';

const UART = 0x3f8;

/** console_init's register writes, then for each byte a poll of LSR and a write to THR. */
function consoleProgram(text: string): PortOp[] {
  const init: PortOp[] = [
    ['outb', UART + 1, 0x00],
    ['outb', UART + 3, 0x80],
    ['outb', UART + 0, 0x01],
    ['outb', UART + 1, 0x00],
    ['outb', UART + 3, 0x03],
    ['outb', UART + 2, 0x07],
    ['outb', UART + 4, 0x03],
  ];
  const bytes = [...text].flatMap((ch): PortOp[] => [['inb', UART + 5], ['outb', UART, ch.charCodeAt(0)]]);
  return [...init, ...bytes];
}

describe('serial console through the port space', () => {
  const run = runMachine(portProgram(consoleProgram('hello, world\r\n')));
  const uart = run.m.serial!;

  it('captures the transmitted bytes', () => {
    expect(run.stop).toBeNull();
    expect(uart.output).toBe('hello, world\r\n');
    expect(uart.transmitted).toHaveLength(14);
  });

  it('keeps the line setup: 115200 8N1, FIFOs on, DTR and RTS', () => {
    expect(uart.divisor).toBe(1);
    expect(uart.lcr).toBe(0x03);
    expect(uart.fifo).toBe(true);
    expect(uart.mcr).toBe(0x03);
  });

  it('reports THRE and TEMT to the polling loop', () => {
    const loop = runMachine(portProgram([['inb', UART + 5]]));
    expect(loop.m.cpu.gr(8)).toBe(0x60n);
  });
});

describe('16550 registers', () => {
  it('DLAB switches ports 0 and 1 to the divisor latch', () => {
    const u = new Uart16550(UART);
    u.outb(UART + 3, 0x83);
    u.outb(UART, 0x0c);
    u.outb(UART + 1, 0x00);
    expect(u.divisor).toBe(12);
    expect(u.transmitted).toEqual([]);
    expect([u.inb(UART), u.inb(UART + 1), u.inb(UART + 3)]).toEqual([0x0c, 0x00, 0x83]);
    u.outb(UART + 3, 0x03);
    u.outb(UART + 1, 0x05);
    expect(u.inb(UART + 1)).toBe(0x05);
    expect(u.divisor).toBe(12);
  });

  it('received bytes arrive in RBR with LSR.DR, and FCR clears them', () => {
    const u = new Uart16550(UART);
    u.receive([0x41, 0x42]);
    expect(u.inb(UART + 5)).toBe(0x61);
    expect(u.inb(UART)).toBe(0x41);
    u.outb(UART + 2, 0x03);
    expect(u.inb(UART + 5)).toBe(0x60);
    expect(u.inb(UART)).toBe(0x00);
  });

  it('IIR: nothing pending, then THR empty once when enabled, received data first', () => {
    const u = new Uart16550(UART);
    expect(u.inb(UART + 2)).toBe(0x01);
    u.outb(UART + 2, 0x01);
    expect(u.inb(UART + 2)).toBe(0xc1);
    u.outb(UART + 1, 0x03);
    expect(u.inb(UART + 2)).toBe(0xc2);
    expect(u.inb(UART + 2)).toBe(0xc1);
    u.receive([0x7a]);
    expect(u.inb(UART + 2)).toBe(0xc4);
  });

  it('loopback sends bytes back to the receiver and the MCR outputs to MSR', () => {
    const u = new Uart16550(UART);
    expect(u.inb(UART + 6)).toBe(0xb0);
    u.outb(UART + 4, 0x1a);
    expect(u.inb(UART + 6)).toBe(0x90);
    u.outb(UART, 0x55);
    expect(u.transmitted).toEqual([]);
    expect(u.inb(UART)).toBe(0x55);
  });

  it('keeps the scratch register', () => {
    const u = new Uart16550(UART);
    u.outb(UART + 7, 0xa5);
    expect(u.inb(UART + 7)).toBe(0xa5);
  });
});
