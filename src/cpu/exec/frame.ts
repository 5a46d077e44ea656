// Register-stack instructions (Vol. 3, "alloc", "cover", "clrrrb",
// "flushrs", "loadrs") and moves to and from application registers, several
// of which have register-stack side effects (BSPSTORE, RNAT, RSC).

import type { Cpu } from '../cpu.js';
import type { InsnDef } from '../decode/table.js';
import { illegalOperation, natConsumption, privilegedRegister, reservedRegisterField } from '../interruption.js';
import { PSR } from '../psr.js';
import { AR, N_STACKED } from '../state.js';
import { ExecFn, registerSemantics } from './registry.js';

const M64 = (1n << 64n) - 1n;

function alloc(c: Cpu, r1: number, sof: number, sol: number, sor: number): void {
  const { cfm } = c.r;
  if (sof > N_STACKED || sol > sof || sor > sof) throw illegalOperation('alloc frame sizes');
  if (sor !== cfm.sor && (cfm.rrbGr || cfm.rrbFr || cfm.rrbPr)) {
    throw reservedRegisterField('alloc changes sor while a rename base is non-zero');
  }
  const pfs = c.r.ar[AR.PFS];
  c.rse.ensureRoom(sof);
  cfm.sof = sof;
  cfm.sol = sol;
  cfm.sor = sor;
  c.r.remapGr();
  c.setGr(r1, pfs);
}

function cover(c: Cpu): void {
  if (!((c.psr >> BigInt(PSR.ic)) & 1n)) c.r.cr[CR_IFS] = c.r.cfmValue | (1n << 63n);
  c.rse.cover();
}

const CR_IFS = 23;

/** RSC fields: mode (1:0), pl (3:2), be (4), loadrs (29:16). */
const RSC_WRITABLE = 0x3fff001fn;

/** ARs the I unit may access (Vol. 1, Table 3-3); the rest are M-unit only. */
function iUnitAr(n: number): boolean {
  return n === AR.PFS || n === AR.LC || n === AR.EC || (n >= 48 && n <= 63) || n >= 112;
}

/** Reserved application registers: Illegal Operation on access. */
function reservedAr(n: number): boolean {
  return (n >= 8 && n <= 15) || n === 20 || n === 22 || n === 23 || n === 31 || (n >= 33 && n <= 35) ||
    (n >= 37 && n <= 39) || (n >= 41 && n <= 43) || n === 46 || n === 47 || (n >= 67 && n <= 111);
}

function checkAr(n: number, unit: 'I' | 'M'): void {
  if (reservedAr(n) || (unit === 'I') !== iUnitAr(n)) throw illegalOperation(`access to ar${n} from the ${unit} unit`);
}

export function readAr(c: Cpu, n: number): bigint {
  const ar = c.r.ar;
  switch (n) {
    case AR.ITC:
      // A deterministic interval time counter: one tick per retired instruction.
      return (ar[AR.ITC] + BigInt(c.insnCount)) & M64;
    case AR.RNAT:
    case AR.BSPSTORE:
      if (ar[AR.RSC] & 3n) throw illegalOperation('RNAT/BSPSTORE access with RSC.mode not enforced-lazy');
      return ar[n];
    default:
      return ar[n];
  }
}

export function writeAr(c: Cpu, n: number, v: bigint): void {
  const ar = c.r.ar;
  switch (n) {
    case AR.BSP:
      throw illegalOperation('ar.bsp is read-only');
    case AR.BSPSTORE:
      if (ar[AR.RSC] & 3n) throw illegalOperation('BSPSTORE write with RSC.mode not enforced-lazy');
      c.rse.writeBspstore(v & ~7n);
      return;
    case AR.RNAT:
      if (ar[AR.RSC] & 3n) throw illegalOperation('RNAT write with RSC.mode not enforced-lazy');
      ar[n] = v & ~(1n << 63n);
      return;
    case AR.RSC: {
      if (v & ~RSC_WRITABLE & M64) throw reservedRegisterField('ar.rsc');
      // RSC.pl cannot name a more privileged level than the current one.
      const pl = (v >> 2n) & 3n;
      const cpl = BigInt(c.cpl);
      ar[n] = pl < cpl ? (v & ~0xcn) | (cpl << 2n) : v;
      return;
    }
    case AR.ITC:
      if (c.cpl !== 0) throw privilegedRegister();
      ar[AR.ITC] = (v - BigInt(c.insnCount)) & M64;
      return;
    case AR.PFS:
      ar[n] = v;
      return;
    case AR.EC:
      ar[n] = v & 0x3fn;
      return;
    default:
      if (n < 8 && c.cpl !== 0) throw privilegedRegister();
      ar[n] = v;
  }
}

function movAr(d: InsnDef): ExecFn | undefined {
  if (!/^mov(\.[im])?$/.test(d.name)) return undefined;
  const [dst, src] = d.operands.map((o) => o.name);
  const unit = d.format.startsWith('I') ? 'I' : 'M';
  if (dst === 'AR3' && src === 'R2') {
    return (c, i) => {
      checkAr(i.ops[0], unit);
      if (c.nat(i.ops[1])) throw natConsumption();
      writeAr(c, i.ops[0], c.gr(i.ops[1]));
    };
  }
  if (dst === 'AR3') {
    return (c, i) => {
      checkAr(i.ops[0], unit);
      writeAr(c, i.ops[0], i.imm);
    };
  }
  if (dst === 'R1' && src === 'AR3') {
    return (c, i) => {
      checkAr(i.ops[1], unit);
      c.setGr(i.ops[0], readAr(c, i.ops[1]));
    };
  }
  return undefined;
}

registerSemantics(
  {
    formats: ['*'],
    make: (d) => {
      switch (d.name) {
        case 'alloc':
          return (c, i) => alloc(c, i.ops[0], i.ops[2], i.ops[3], i.ops[4]);
        case 'cover':
          return (c) => cover(c);
        case 'clrrrb':
          return (c) => {
            Object.assign(c.r.cfm, { rrbGr: 0, rrbFr: 0, rrbPr: 0 });
            c.r.remapAll();
          };
        case 'clrrrb.pr':
          return (c) => {
            c.r.cfm.rrbPr = 0;
            c.r.remapPr();
          };
        case 'flushrs':
          return (c) => c.rse.flush();
        case 'loadrs':
          return (c) => {
            const rsc = c.r.ar[AR.RSC];
            if (rsc & 3n) throw illegalOperation('loadrs with RSC.mode not enforced-lazy');
            c.rse.loadrs((rsc >> 16n) & 0x3fffn);
          };
        default:
          return movAr(d);
      }
    },
  },
);
