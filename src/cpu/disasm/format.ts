// Instruction text in GNU objdump's syntax.

import { Insn } from '../decode/decoder.js';
import { Flag } from '../decode/table.js';
import { Bundle } from '../decode/decoder.js';

/** Prints a branch target; objdump prints "0x..." or "addr <sym+off>". */
export type AddressPrinter = (addr: bigint) => string;

export const plainAddress: AddressPrinter = (a) => '0x' + a.toString(16);

const AR_NAMES: Record<number, string> = {
  16: 'ar.rsc', 17: 'ar.bsp', 18: 'ar.bspstore', 19: 'ar.rnat', 32: 'ar.ccv', 36: 'ar.unat',
  40: 'ar.fpsr', 44: 'ar.itc', 64: 'ar.pfs', 65: 'ar.lc', 66: 'ar.ec',
};

/** Application register name as objdump prints it. */
export function arName(n: number): string {
  return n < 8 ? `ar.k${n}` : AR_NAMES[n] ?? `ar${n}`;
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
        s += o.str === 'ar' ? arName(v) : o.str + v;
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
