// Instruction text in GNU objdump's syntax.

import { Insn } from '../decode/decoder.js';
import { Flag } from '../decode/table.js';
import { Bundle } from '../decode/decoder.js';

/** Prints a branch target; objdump prints "0x..." or "addr <sym+off>". */
export type AddressPrinter = (addr: bigint) => string;

export const plainAddress: AddressPrinter = (a) => '0x' + a.toString(16);

const AR_NAMES: Record<number, string> = {
  16: 'ar.rsc', 17: 'ar.bsp', 18: 'ar.bspstore', 19: 'ar.rnat', 21: 'ar.fcr', 24: 'ar.eflag',
  25: 'ar.csd', 26: 'ar.ssd', 27: 'ar.cflg', 28: 'ar.fsr', 29: 'ar.fir', 30: 'ar.fdr', 32: 'ar.ccv',
  36: 'ar.unat', 40: 'ar.fpsr', 44: 'ar.itc', 45: 'ar.ruc', 64: 'ar.pfs', 65: 'ar.lc', 66: 'ar.ec',
};

/** Application register name as objdump prints it. */
export function arName(n: number): string {
  return n < 8 ? `ar.k${n}` : AR_NAMES[n] ?? `ar${n}`;
}

const CR_NAMES: Record<number, string> = {
  0: 'cr.dcr', 1: 'cr.itm', 2: 'cr.iva', 8: 'cr.pta', 16: 'cr.ipsr', 17: 'cr.isr', 19: 'cr.iip',
  20: 'cr.ifa', 21: 'cr.itir', 22: 'cr.iipa', 23: 'cr.ifs', 24: 'cr.iim', 25: 'cr.iha', 26: 'cr.iib0',
  27: 'cr.iib1', 64: 'cr.lid', 65: 'cr.ivr', 66: 'cr.tpr', 67: 'cr.eoi', 72: 'cr.itv', 73: 'cr.pmv',
  74: 'cr.cmcv',
};

/** Control register name as objdump prints it. */
export function crName(n: number): string {
  if (n >= 68 && n <= 71) return `cr.irr${n - 68}`;
  if (n === 80 || n === 81) return `cr.lrr${n - 80}`;
  return CR_NAMES[n] ?? `cr${n}`;
}

const MBTYPE4: Record<number, string> = { 0: '@brcst', 8: '@mix', 9: '@shuf', 10: '@alt', 11: '@rev' };

/** C's "%#011llx": zero-padded to 11 characters, with "0x" unless the value is 0. */
export function data8(slot: number): string {
  if (slot === 0) return '00000000000';
  return '0x' + slot.toString(16).padStart(9, '0');
}

/**
 * The text of one instruction as objdump prints it after the template mark:
 * a 6-column predicate field, the mnemonic and its operands. bundleAddr is
 * the address of the bundle (branch targets are relative to it).
 */
export function formatInsn(insn: Insn, bundleAddr: bigint, printAddr: AddressPrinter = plainAddress): string {
  const def = insn.def;
  if (!def) return '      data8 ' + data8(insn.slot);
  const qp = insn.slot % 64;
  let s = def.flags & Flag.NoPred || qp === 0 ? '      ' : `(p${qp.toString().padStart(2, '0')}) `;
  s += def.name;
  if (def.operands.length) s += ' ';
  for (let i = 0; i < def.operands.length; i++) {
    const o = def.operands[i];
    const v = insn.ops[i];
    if (i > 0 && i !== def.numOutputs) s += ',';
    switch (o.cls) {
      case 'cst':
        s += o.str;
        break;
      case 'reg':
        s += o.str === 'ar' ? arName(v) : o.str === 'cr' ? crName(v) : o.str + v;
        break;
      case 'ind':
        s += `${o.str}[r${v}]`;
        break;
      case 'abs': {
        const big = o.xform === 'wide' ? (i === 0 || def.operands[0].xform !== 'wide' ? insn.imm : BigInt(v)) : BigInt(v);
        const named = o.name === 'MBTYPE4' ? MBTYPE4[v] : undefined;
        if (named) s += named;
        else if (o.fmt === 'sdec') s += BigInt.asIntN(64, big).toString();
        else if (o.fmt === 'udec') s += BigInt.asUintN(64, big).toString();
        else s += '0x' + BigInt.asUintN(64, big).toString(16);
        break;
      }
      case 'rel': {
        const off = o.xform === 'wide' ? insn.imm : BigInt(v);
        s += printAddr(BigInt.asUintN(64, bundleAddr + off));
        break;
      }
    }
    if (i + 1 === def.numOutputs) s += '=';
  }
  return s;
}

/** Whether objdump prints ";;" after this slot. */
export function stopAfter(bundle: Bundle, slot: number): boolean {
  return bundle.template.units !== null && bundle.insns[slot].def !== null && bundle.template.stopAfter[slot];
}
