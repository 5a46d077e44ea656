// The processor status register and privilege (Vol. 3, "rsm", "ssm",
// "rum", "sum", "mov psr", "bsw", "epc", "rfi", "vmsw").
//
// Serialisation: the manual lets a PSR write reach later instructions of
// the same group only after srlz.i/srlz.d. Executing one instruction at a
// time, every write takes effect for the very next instruction, which is
// one of the behaviours the manual allows for unserialised code.

import type { Cpu } from '../cpu.js';
import {
  GeneralExceptionCode,
  illegalOperation,
  Interruption,
  natConsumption,
  privilegedOperation,
  reservedRegisterField,
  Vector,
} from '../interruption.js';
import { PSR_L_MASK, PSR_READ_MASK, PSR_RESERVED, PSR_SM_MASK, PSR_UM_MASK, psrGet, psrMask, psrSet } from '../psr.js';
import { AR } from '../state.js';
import { CR } from '../system/cr.js';
import { systemOf } from '../system/system.js';
import { ExecFn, registerSemantics } from './registry.js';

const M64 = (1n << 64n) - 1n;

/** Privileged instructions need PSR.cpl = 0. */
export function requirePl0(c: Cpu): void {
  if (c.cpl !== 0) throw privilegedOperation();
}

/** Reserved bits of the system mask and of the user mask (bit 0 is reserved in both). */
const SM_RESERVED = PSR_RESERVED & PSR_SM_MASK;
const UM_RESERVED = PSR_RESERVED & PSR_UM_MASK;

function userMask(set: boolean): ExecFn {
  return (c, i) => {
    if (i.imm & ~PSR_UM_MASK || i.imm & UM_RESERVED) throw reservedRegisterField('user mask');
    c.psr = set ? c.psr | i.imm : c.psr & ~i.imm;
  };
}

function systemMask(set: boolean): ExecFn {
  return (c, i) => {
    requirePl0(c);
    if (i.imm & SM_RESERVED) throw reservedRegisterField('system mask');
    c.psr = set ? c.psr | i.imm : c.psr & ~i.imm;
  };
}

const movToPsrL: ExecFn = (c, i) => {
  requirePl0(c);
  const r2 = i.ops[1];
  if (c.nat(r2)) throw natConsumption();
  const v = c.gr(r2) & PSR_L_MASK;
  if (v & PSR_RESERVED) throw reservedRegisterField('psr.l');
  c.psr = (c.psr & ~PSR_L_MASK) | v;
};

const movToPsrUm: ExecFn = (c, i) => {
  const r2 = i.ops[1];
  if (c.nat(r2)) throw natConsumption();
  const v = c.gr(r2) & PSR_UM_MASK;
  if (v & UM_RESERVED) throw reservedRegisterField('psr.um');
  c.psr = (c.psr & ~PSR_UM_MASK) | v;
};

const movFromPsr: ExecFn = (c, i) => {
  c.checkTarget(i.ops[0]);
  requirePl0(c);
  c.setGr(i.ops[0], c.psr & PSR_READ_MASK);
};

const movFromPsrUm: ExecFn = (c, i) => c.setGr(i.ops[0], c.psr & PSR_UM_MASK);

/** bsw.0 / bsw.1: select the bank GR16-31 name. */
function bankSwitch(bank: number): ExecFn {
  return (c) => {
    requirePl0(c);
    c.psr = psrSet(c.psr, 'bn', bank);
    c.r.selectBank(bank);
  };
}

/**
 * epc: with instruction translation on, take the privilege level of an
 * execute-only (ar 7) page that is more privileged than PSR.cpl; with it
 * off there is no page to ask and the level becomes 0, as the manual says.
 */
const epc: ExecFn = (c) => {
  const cpl = c.cpl;
  if (Number((c.r.ar[AR.PFS] >> 62n) & 3n) < cpl) throw illegalOperation('epc with PFS.ppl more privileged than PSR.cpl');
  let pl = cpl;
  if (!psrGet(c.psr, 'it')) {
    pl = 0;
  } else {
    const t = systemOf(c).translator;
    const e = t.itlb.find(Number((t.rr[Number(c.ip >> 61n)] >> 8n) & 0xffffffn), c.ip);
    if (e && e.ar === 7 && e.pl < cpl) pl = e.pl;
  }
  c.psr = psrSet(c.psr, 'cpl', pl);
};

/** IPSR fields rfi cannot restore: reserved bits, and vm (no virtualization support). */
const IPSR_UNRESTORABLE = PSR_RESERVED | psrMask('vm');

/**
 * rfi: PSR from IPSR, the frame from IFS when IFS.v, and resume at IIP in
 * slot IPSR.ri. The covered frame pops IFS.sof registers off the stack.
 */
const rfi: ExecFn = (c) => {
  requirePl0(c);
  const cr = c.r.cr;
  const ipsr = cr[CR.IPSR];
  if (ipsr & IPSR_UNRESTORABLE || psrGet(ipsr, 'ri') === 3) throw reservedRegisterField('IPSR');
  if (psrGet(ipsr, 'is')) {
    throw new Interruption(Vector.GENERAL_EXCEPTION, 'Disabled Instruction Set Transition fault (rfi to IA-32 code)', {
      isr: BigInt(GeneralExceptionCode.DISABLED_ISA_TRANSITION),
    });
  }
  const ifs = cr[CR.IFS];
  if (ifs >> 63n) {
    const ifm = ifs & ((1n << 38n) - 1n);
    const sof = ifm & 0x7fn;
    // rse.ret pops the frame's sol registers; name sof there, then install the real marker.
    c.rse.ret((ifm & ~(0x7fn << 7n)) | (sof << 7n));
    c.r.setCfm(ifm);
  }
  c.psr = ipsr;
  c.r.selectBank(psrGet(ipsr, 'bn'));
  c.branchTarget = cr[CR.IIP] & ~0xfn & M64;
  c.branched = true;
  c.startSlot = psrGet(ipsr, 'ri');
};

/** vmsw: this processor does not implement the virtualization extensions. */
const vmsw: ExecFn = () => {
  throw illegalOperation('vmsw: this processor has no virtual machine extensions');
};

registerSemantics({
  formats: ['M35', 'M36', 'M44', 'B8'],
  make: (d) => {
    const ops = d.operands.map((o) => o.name).join(',');
    switch (d.name) {
      case 'sum':
        return userMask(true);
      case 'rum':
        return userMask(false);
      case 'ssm':
        return systemMask(true);
      case 'rsm':
        return systemMask(false);
      case 'bsw.0':
        return bankSwitch(0);
      case 'bsw.1':
        return bankSwitch(1);
      case 'epc':
        return epc;
      case 'rfi':
        return rfi;
      case 'vmsw.0':
      case 'vmsw.1':
        return vmsw;
      case 'mov':
        if (ops === 'PSR_L,R2') return movToPsrL;
        if (ops === 'PSR_UM,R2') return movToPsrUm;
        if (ops === 'R1,PSR') return movFromPsr;
        if (ops === 'R1,PSR_UM') return movFromPsrUm;
        return undefined;
      default:
        return undefined;
    }
  },
});
