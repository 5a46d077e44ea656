// What the run prints when the program takes a fault Linux would turn into
// a signal: the signal, then the machine's own fault report.

import { Cpu, CpuFault } from '../cpu/cpu.js';
import { GeneralExceptionCode, Interruption, Vector } from '../cpu/interruption.js';
import { SymbolMap } from '../loader/symbols.js';
import { faultReport as machineReport, Translation } from '../machine/mca-report.js';
import { reportText } from '../machine/report-render.js';
import { protString } from './areas.js';
import { PAGE_SHIFT, pageDown } from './layout.js';
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

/** What the address space holds at va, in the report's terms of a translation. */
function areaTranslation(space: UserSpace, va: bigint): Translation | undefined {
  const a = space.areas.find(va);
  if (!a) return undefined;
  const span = `[0x${a.start.toString(16)}, 0x${a.end.toString(16)})`;
  return {
    source: `${a.name} ${span} ${protString(a.prot)}`,
    ps: Number(PAGE_SHIFT),
    vpage: pageDown(va),
    ppage: pageDown(va),
    ma: a.natPage ? 'NaTPage' : 'WB',
  };
}

/**
 * The report of a fault that ends the run: the signal Linux would send,
 * then the machine's fault report (src/machine/mca-report.ts) with the
 * process's symbols and its mapped areas as the translations.
 */
export function faultReport(cpu: Cpu, fault: CpuFault, space: UserSpace, symbols: SymbolMap): string {
  const { signal, what } = signalFor(fault.interruption);
  const report = machineReport(fault, cpu, {
    symbolize: (a) => symbols.nearest(a),
    translation: (va) => areaTranslation(space, va),
  });
  return `${what} (${signal})\n${reportText(report)}`;
}
