// What the run prints when the program takes a fault Linux would turn into
// a signal: the signal, the fault, where (IP, slot, symbol, the bundle
// disassembled), the faulting address against the mapped areas, and the
// registers a reader needs first. It fits on one screen.

import { Cpu, CpuFault } from '../cpu/cpu.js';
import { decodeBundle } from '../cpu/decode/decoder.js';
import { formatInsn, stopAfter } from '../cpu/disasm/format.js';
import { GeneralExceptionCode, Interruption, Vector } from '../cpu/interruption.js';
import { AR } from '../cpu/state.js';
import { SymbolMap } from '../loader/symbols.js';
import { protString } from './areas.js';
import { UserSpace } from './user-space.js';

/** What Linux does with a break immediate other than a system call's (traps.c, ia64_bad_break). */
function breakSignal(imm: bigint): [string, string] {
  switch (imm) {
    case 0n:
      return ['SIGILL', 'break 0 (abort)'];
    case 1n:
      return ['SIGFPE', 'integer divide by zero'];
    case 2n:
      return ['SIGFPE', 'integer overflow'];
    case 3n:
      return ['SIGFPE', 'range check'];
    case 4n:
      return ['SIGSEGV', 'null pointer dereference'];
    case 5n:
      return ['SIGSEGV', 'misaligned data'];
    case 11n:
      return ['SIGSEGV', 'paragraph stack overflow'];
  }
  if (imm >= 6n && imm <= 10n) return ['SIGFPE', 'decimal arithmetic error'];
  return imm < 0x80000n ? ['SIGILL', 'illegal break'] : ['SIGTRAP', 'breakpoint'];
}

/** The signal Linux would send for an interruption, and its usual description. */
export function signalFor(intr: Interruption): { signal: string; what: string } {
  const code = Number((intr.info.isr ?? 0n) & 0xf0n);
  switch (intr.vector) {
    case Vector.BREAK_INSTRUCTION: {
      const [signal, what] = breakSignal(intr.info.iim ?? 0n);
      return { signal, what };
    }
    case Vector.INSTRUCTION_TLB:
    case Vector.DATA_TLB:
    case Vector.ALT_INSTRUCTION_TLB:
    case Vector.ALT_DATA_TLB:
    case Vector.PAGE_NOT_PRESENT:
    case Vector.INSTRUCTION_ACCESS_RIGHTS:
    case Vector.DATA_ACCESS_RIGHTS:
    case Vector.KEY_PERMISSION:
      return { signal: 'SIGSEGV', what: 'segmentation fault' };
    case Vector.NAT_CONSUMPTION:
      return intr.info.ifa !== undefined
        ? { signal: 'SIGSEGV', what: 'segmentation fault' }
        : { signal: 'SIGILL', what: 'illegal operand (NaT consumption)' };
    case Vector.UNALIGNED_REFERENCE:
      return { signal: 'SIGBUS', what: 'bus error (unaligned access)' };
    case Vector.FLOATING_POINT_FAULT:
    case Vector.FLOATING_POINT_TRAP:
      return { signal: 'SIGFPE', what: 'floating-point exception' };
    case Vector.GENERAL_EXCEPTION:
      return code === GeneralExceptionCode.PRIVILEGED_OPERATION || code === GeneralExceptionCode.PRIVILEGED_REGISTER
        ? { signal: 'SIGILL', what: 'privileged instruction' }
        : { signal: 'SIGILL', what: 'illegal instruction' };
  }
  return { signal: 'SIGILL', what: 'illegal instruction' };
}

const hex = (v: bigint): string => '0x' + v.toString(16).padStart(16, '0');

function where(symbols: SymbolMap, a: bigint): string {
  const n = symbols.nearest(a);
  return n ? ` <${n.name}${n.offset ? `+0x${n.offset.toString(16)}` : ''}>` : '';
}

/** The faulting address against the areas: which one holds it, or that none does. */
function addressLine(space: UserSpace, ifa: bigint): string {
  const a = space.areas.find(ifa);
  if (a) return `  address 0x${ifa.toString(16)} is in ${a.name} [0x${a.start.toString(16)}, 0x${a.end.toString(16)}) ${protString(a.prot)}`;
  return `  address 0x${ifa.toString(16)} is not mapped`;
}

/** The bundle at ip, one line per slot, the faulting one marked. */
function bundleLines(space: UserSpace, symbols: SymbolMap, ip: bigint, slot: number): string[] {
  const bytes = new Uint8Array(16);
  try {
    space.memory.readBlock(ip, bytes);
  } catch {
    return [];
  }
  if (!space.areas.find(ip)) return [];
  const b = decodeBundle(bytes);
  const lines = [`  bundle ${hex(ip)}${where(symbols, ip)}:`];
  for (let s = 0; s < 3; s++) {
    if (b.template.units?.[s] === 'L') continue;
    const mark = s === slot ? '=>' : '  ';
    const tmpl = s === 0 ? `[${b.template.name}]` : '     ';
    lines.push(`   ${mark} ${tmpl} ${formatInsn(b.insns[s], ip, (a) => `0x${a.toString(16)}${where(symbols, a)}`)}${stopAfter(b, s) ? ';;' : ''}`);
  }
  return lines;
}

/** Registers four to a line; a NaT register is marked with '*'. */
function registerLines(names: readonly string[], values: readonly bigint[], nats: readonly number[]): string[] {
  const lines: string[] = [];
  for (let i = 0; i < names.length; i += 4) {
    const cells = names.slice(i, i + 4).map((n, k) => `${n.padStart(3)} ${hex(values[i + k])}${nats[i + k] ? '*' : ' '}`);
    lines.push('  ' + cells.join(' '));
  }
  return lines;
}

/** The report of a fault that ends the run. */
export function faultReport(cpu: Cpu, fault: CpuFault, space: UserSpace, symbols: SymbolMap): string {
  const intr = fault.interruption;
  const { signal, what } = signalFor(intr);
  const info = intr.info;
  const lines = [`${what} (${signal}): ${intr.kind}`];
  lines.push(`  ip ${hex(fault.ip)} slot ${fault.slot}${where(symbols, fault.ip)}`);
  const details = [
    info.isr !== undefined ? `isr ${hex(info.isr)}` : '',
    info.ifa !== undefined ? `ifa ${hex(info.ifa)}` : '',
    info.iim !== undefined ? `iim 0x${info.iim.toString(16)}` : '',
  ].filter((s) => s);
  if (details.length) lines.push('  ' + details.join('  '));
  if (info.ifa !== undefined) lines.push(addressLine(space, info.ifa));
  lines.push(...bundleLines(space, symbols, fault.ip, fault.slot));

  const r = cpu.r;
  const cfm = r.cfm;
  const frame = Math.min(cfm.sof, 8);
  const names: string[] = [];
  const values: bigint[] = [];
  const nats: number[] = [];
  for (let n = 1; n < 32 + frame; n++) {
    names.push(`r${n}`);
    values.push(cpu.gr(n));
    nats.push(cpu.nat(n));
  }
  lines.push(...registerLines(names, values, nats));
  if (cfm.sof > frame) lines.push(`  (r${32 + frame}-r${31 + cfm.sof} not shown)`);
  lines.push(
    `  b0 ${hex(r.br[0])}${where(symbols, r.br[0])}  pr ${hex(r.predicates())}`,
    `  cfm sof=${cfm.sof} sol=${cfm.sol} sor=${cfm.sor}  ar.pfs ${hex(r.ar[AR.PFS])}  ar.bsp ${hex(r.ar[AR.BSP])}  ar.bspstore ${hex(r.ar[AR.BSPSTORE])}`,
    `  psr ${hex(cpu.psr)}  ar.fpsr ${hex(r.ar[AR.FPSR])}  ar.unat ${hex(r.ar[AR.UNAT])}  ar.lc ${hex(r.ar[AR.LC])}`,
    `  ${cpu.insnCount} instructions retired`,
  );
  return lines.join('\n') + '\n';
}
