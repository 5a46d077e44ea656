// Address translation of the system architecture (Vol. 2, chapter 4).
//
// Physical mode (PSR.it off for fetches, PSR.dt off for data): the address
// is physical, bit 63 selects an uncached access and bits 62..paBits must
// be zero. Virtual mode: the region register of VA{63:61} gives the region
// identifier, the instruction or data TLB gives the page; on a miss the
// VHPT walker (PTA.ve and RR.ve) looks for the entry at thash(va), itself
// reached through the DTLB, and inserts it into the translation cache.
// Then the entry's present bit, memory attribute, protection key, access
// rights, dirty and access bits are checked, in the manual's priority.
//
// RSE spills and fills reach memory through the CPU's data path, so they
// are translated under PSR.dt (PSR.rt is not consulted separately).

import type { Cpu } from '../cpu.js';
import { Interruption, reservedRegisterField, unimplementedDataAddress } from '../interruption.js';
import { Access, AddressTranslator, UNCACHED_BIT } from '../memory.js';
import { PSR, psrMask } from '../psr.js';
import { bits, CR } from './cr.js';
import {
  accessIsr,
  natPageConsumption,
  TranslationFault,
  translationFault,
  unimplementedInstructionAddress,
} from './faults.js';
import { findKey, keyDenies, N_PKR, pageRights, R, W, X } from './rights.js';
import { makeEntry, Tlb, TlbEntry } from './tlb.js';
import { thash, ttag, unpackPta, unpackRr } from './vhpt.js';

export interface TranslatorOptions {
  /** Implemented physical address bits: 63 (default) or fewer, e.g. 50 as on Itanium 2. */
  paBits?: number;
  /** Implemented virtual address bits per region: 61 (default) or fewer. */
  vaBits?: number;
}

/** Page sizes (log2) a TLB entry, region register or VHPT entry may use (Vol. 2, 4.1.1.7). */
export const PAGE_SIZES: ReadonlySet<number> = new Set([12, 13, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32]);

/** Memory attributes UC, UCE and WC (PTE.ma 4-6) reach the platform uncached; 7 is NaTPage. */
const MA_NATPAGE = 7;

/** PSR fields that change how addresses translate. */
const TRANSLATION_PSR =
  psrMask('it') | psrMask('dt') | psrMask('rt') | psrMask('pk') | psrMask('da') | psrMask('ia') | psrMask('cpl');

/** PTE fields that must be zero when p is 1: bit 1 and bits 51:50. */
const PTE_RESERVED = bits(1, 1) | bits(51, 50);

export class SystemTranslator implements AddressTranslator {
  /** Region registers. */
  readonly rr = new BigUint64Array(8);
  /** Protection key registers. */
  readonly pkr = new BigUint64Array(N_PKR);
  readonly itlb = new Tlb('ITLB');
  readonly dtlb = new Tlb('DTLB');
  readonly paBits: number;
  readonly vaBits: number;

  private gen = 1;
  private seenPsr = -1n;
  private it = false;
  private dt = false;
  private pk = false;
  private da = false;
  private ia = false;
  private cpl = 0;
  /** Physical address bits 62..paBits. */
  private readonly unimplementedPa: bigint;
  /** Are there unimplemented physical address bits to check (paBits < 63)? */
  private readonly paChecked: boolean;
  /** Region offset bits 60..vaBits-1: all equal in an implemented address. */
  private readonly vaHole: bigint;
  /** The last page each TLB translated. */
  private lastI: TlbEntry | null = null;
  private lastIPage = -1n;
  private lastD: TlbEntry | null = null;
  private lastDPage = -1n;

  constructor(
    readonly cpu: Cpu,
    opts: TranslatorOptions = {},
  ) {
    this.paBits = opts.paBits ?? 63;
    this.vaBits = opts.vaBits ?? 61;
    if (this.paBits < 32 || this.paBits > 63) throw new RangeError(`paBits ${this.paBits} is outside 32..63`);
    if (this.vaBits < 51 || this.vaBits > 61) throw new RangeError(`vaBits ${this.vaBits} is outside 51..61`);
    this.paChecked = this.paBits < 63;
    this.unimplementedPa = this.paChecked ? bits(62, this.paBits) : 0n;
    this.vaHole = bits(60, this.vaBits - 1);
    for (let i = 0; i < 8; i++) this.rr[i] = 12n << 2n;
  }

  /** Bumped on every change that can alter a translation (TLB, RR, PKR, PSR). */
  get generation(): number {
    if (this.cpu.psr !== this.seenPsr) this.syncPsr();
    return this.gen;
  }

  /** Something translations depend on changed: drop what is remembered. */
  changed(): void {
    this.gen++;
    this.lastI = this.lastD = null;
    this.lastIPage = this.lastDPage = -1n;
  }

  private syncPsr(): void {
    const p = this.cpu.psr;
    const diff = p ^ this.seenPsr;
    this.seenPsr = p;
    this.it = ((p >> BigInt(PSR.it)) & 1n) !== 0n;
    this.dt = ((p >> BigInt(PSR.dt)) & 1n) !== 0n;
    this.pk = ((p >> BigInt(PSR.pk)) & 1n) !== 0n;
    this.da = ((p >> BigInt(PSR.da)) & 1n) !== 0n;
    this.ia = ((p >> BigInt(PSR.ia)) & 1n) !== 0n;
    this.cpl = Number((p >> BigInt(PSR.cpl)) & 3n);
    if (diff & TRANSLATION_PSR) this.changed();
  }

  translate(va: bigint, _size: number, access: Access): bigint {
    if (this.cpu.psr !== this.seenPsr) this.syncPsr();
    if (access === Access.Execute ? !this.it : !this.dt) {
      return this.paChecked ? this.physical(va, access, accessIsr(access)) : va;
    }
    return this.virtual(va, access, accessIsr(access));
  }

  /** Physical mode: the address itself, once its unimplemented bits are checked. */
  physical(va: bigint, access: Access, isr: bigint): bigint {
    if (this.paChecked && va & this.unimplementedPa) {
      throw access === Access.Execute ? unimplementedInstructionAddress(va) : unimplementedDataAddress(va, isr);
    }
    return va;
  }

  /** Is va outside the implemented part of its region? */
  unimplementedVa(va: bigint): boolean {
    const h = va & this.vaHole;
    return h !== 0n && h !== this.vaHole;
  }

  private virtual(va: bigint, access: Access, isr: bigint): bigint {
    const instr = access === Access.Execute;
    const page = va >> 12n;
    let e: TlbEntry | null;
    if (instr ? page === this.lastIPage : page === this.lastDPage) {
      e = instr ? this.lastI : this.lastD;
    } else {
      e = this.entryFor(va, isr, instr, true);
      if (instr) {
        this.lastI = e;
        this.lastIPage = page;
      } else {
        this.lastD = e;
        this.lastDPage = page;
      }
    }
    this.check(e!, va, access, isr);
    return e!.ppa | (va & e!.pageMask) | (e!.ma >= 4 && e!.ma <= 6 ? UNCACHED_BIT : 0n);
  }

  /** The default ITIR a fault reports: the region's preferred page size and its rid as key. */
  regionItir(va: bigint): bigint {
    return this.rr[Number(va >> 61n)] & bits(31, 2);
  }

  /** The VHPT address of va (thash). */
  hash(va: bigint): bigint {
    return thash(va, unpackRr(this.rr[Number(va >> 61n)]), unpackPta(this.cpu.r.cr[CR.PTA]), this.vaBits);
  }

  /** The long-format tag of va (ttag). */
  tag(va: bigint): bigint {
    return ttag(va, unpackRr(this.rr[Number(va >> 61n)]), this.vaBits);
  }

  private fault(f: TranslationFault, va: bigint, isr: bigint): Interruption {
    return translationFault(f, va, isr, this.regionItir(va), this.hash(va));
  }

  /**
   * The TLB entry for va, walking the VHPT on a miss when walk is allowed
   * and enabled; throws the miss fault otherwise.
   */
  entryFor(va: bigint, isr: bigint, instr: boolean, walk: boolean): TlbEntry {
    if (this.unimplementedVa(va)) throw instr ? unimplementedInstructionAddress(va) : unimplementedDataAddress(va, isr);
    const rr = unpackRr(this.rr[Number(va >> 61n)]);
    const tlb = instr ? this.itlb : this.dtlb;
    const e = tlb.find(rr.rid, va);
    if (e) return e;
    const pta = unpackPta(this.cpu.r.cr[CR.PTA]);
    if (!walk || !pta.ve || !rr.ve) throw this.fault('alternateTlb', va, isr);
    // The walker's reference to the table goes through the DTLB only.
    const iha = thash(va, rr, pta, this.vaBits);
    const he = this.unimplementedVa(iha) ? null : this.dtlb.find(unpackRr(this.rr[Number(iha >> 61n)]).rid, iha);
    if (!he || !he.p) throw this.fault('vhpt', va, isr);
    const pa = he.ppa | (iha & he.pageMask);
    const pte = this.cpu.mem.read(pa, 8);
    let ps = rr.ps;
    let key = rr.rid;
    if (pta.vf) {
      const itir = this.cpu.mem.read(pa + 8n, 8);
      if (this.cpu.mem.read(pa + 16n, 8) !== ttag(va, rr, this.vaBits)) throw this.fault('tlb', va, isr);
      ps = Number((itir >> 2n) & 0x3fn);
      key = Number((itir >> 8n) & 0xffffffn);
    }
    // Entries the walker cannot insert (not present, reserved fields) leave it to software.
    if (!(pte & 1n) || this.pteReserved(pte) || !PAGE_SIZES.has(ps)) throw this.fault('tlb', va, isr);
    const ne = makeEntry(pte, ps, key, rr.rid, va);
    tlb.insertTc(ne);
    this.changed();
    return ne;
  }

  /** The checks after a TLB hit, in priority order (Vol. 2, 5.6). */
  private check(e: TlbEntry, va: bigint, access: Access, isr: bigint): void {
    if (!e.p) throw this.fault('pageNotPresent', va, isr);
    if (access === Access.NonAccess) return;
    const instr = access === Access.Execute;
    if (e.ma === MA_NATPAGE && !instr) throw natPageConsumption(va, isr);
    const need = access === Access.Write ? W : instr ? X : R;
    if (this.pk) {
      const k = findKey(this.pkr, e.key);
      if (k < 0) throw this.fault('keyMiss', va, isr);
      if (keyDenies(this.pkr[k]) & need) throw this.fault('keyPermission', va, isr);
    }
    if (!(pageRights(e.ar, e.pl, this.cpl) & need)) throw this.fault('accessRights', va, isr);
    if (access === Access.Write && !e.d && !this.da) throw this.fault('dirtyBit', va, isr);
    if (!e.a && !(instr ? this.ia : this.da)) throw this.fault('accessBit', va, isr);
  }

  /** Reserved PTE fields, including physical page bits the machine does not implement. */
  pteReserved(pte: bigint): boolean {
    const unimplemented = this.paBits >= 50 ? 0n : bits(49, this.paBits);
    const ma = Number((pte >> 2n) & 7n);
    return (pte & (PTE_RESERVED | unimplemented)) !== 0n || (ma >= 1 && ma <= 3);
  }

  /**
   * itc/itr: check the PTE and ITIR, build the entry for IFA in its region
   * and insert it in a translation register (slot) or the cache.
   */
  insert(instr: boolean, slot: number | null, pte: bigint, itir: bigint, ifa: bigint): void {
    const ps = Number((itir >> 2n) & 0x3fn);
    if (itir & (bits(1, 0) | bits(63, 32))) throw reservedRegisterField('ITIR');
    if (!PAGE_SIZES.has(ps)) throw reservedRegisterField(`page size 2^${ps}`);
    if (pte & 1n && this.pteReserved(pte)) throw reservedRegisterField('PTE');
    if (this.unimplementedVa(ifa)) throw unimplementedDataAddress(ifa, 0n);
    const rid = unpackRr(this.rr[Number(ifa >> 61n)]).rid;
    const e = makeEntry(pte, ps, Number((itir >> 8n) & 0xffffffn), rid, ifa);
    const tlb = instr ? this.itlb : this.dtlb;
    if (slot === null) tlb.insertTc(e);
    else tlb.insertTr(slot, e);
    this.changed();
  }

  /**
   * A non-access reference (fc, tpa): its physical address, raising the
   * faults such a reference can raise (misses, unimplemented addresses,
   * page not present) but no rights checks. The walker runs only with
   * PSR.dt on.
   */
  reference(va: bigint, naCode: number): bigint {
    const isr = accessIsr(Access.NonAccess, naCode);
    if (!this.dataTranslation) return this.physical(va, Access.NonAccess, isr);
    const e = this.entryFor(va, isr, false, true);
    this.check(e, va, Access.NonAccess, isr);
    return e.ppa | (va & e.pageMask);
  }

  /** Rights the protection key of e takes away (none with PSR.pk off or the key missing). */
  keyDenied(e: TlbEntry): number {
    if (!this.pk) return 0;
    const k = findKey(this.pkr, e.key);
    return k < 0 ? 0 : keyDenies(this.pkr[k]);
  }

  /** Is protection-key checking on and the key of e in no PKR? */
  keyMissing(e: TlbEntry): boolean {
    return this.pk && findKey(this.pkr, e.key) < 0;
  }

  /** PSR.dt as last seen. */
  get dataTranslation(): boolean {
    if (this.cpu.psr !== this.seenPsr) this.syncPsr();
    return this.dt;
  }
}
