// The CPU: fetch, decode once, execute slot by slot.
//
// Decoded bundles are cached per physical 4 KiB page together with the
// semantic function of each slot, so the hot loop is: look up the bundle,
// test each slot's qualifying predicate, call its function. Stores into a
// cached page drop that page; so do fc, sync.i and translation changes.

import { Alat } from './alat.js';
import { DataCache, S32, S64 } from './data-cache.js';
import { decodeSlots, Insn } from './decode/decoder.js';
import { splitBundle } from './decode/slot.js';
import { Template } from './decode/templates.js';
import { ExecFn, semanticFor } from './exec/registry.js';
import { illegalOperation, Interruption, ISR, Vector } from './interruption.js';
import { Access, AddressTranslator, identityTranslator, PhysicalMemory, UNCACHED_BIT } from './memory.js';
import { PSR, psrGet } from './psr.js';
import { Rse } from './rse.js';
import { RegisterFile } from './state.js';
import { compileTrace, MAX_TRACE_INSNS, Trace, traceBundles } from './jit/trace.js';
import './exec/all.js';

/** A bundle ready to execute. */
export interface ExecBundle {
  readonly template: Template;
  readonly insns: readonly [Insn, Insn, Insn];
  /** Per slot: the function to run, or null for the L slot of MLX. */
  readonly fns: readonly [ExecFn | null, ExecFn | null, ExecFn | null];
  /** Per slot: run even when the qualifying predicate is false. */
  readonly always: readonly [boolean, boolean, boolean];
  /**
   * Chaining: the bundle that follows this one and the one its last taken
   * branch reached, valid while `epoch` equals the CPU's chain epoch.
   */
  next: ExecBundle | null;
  /** The taken branch's target, as 32-bit halves (compared without BigInt arithmetic). */
  takenLo: number;
  takenHi: number;
  taken: ExecBundle | null;
  epoch: number;
  /** Times the run loop entered this bundle, until a trace covers it. */
  heat: number;
  /** The compiled trace covering this bundle, if any, and the bundle's index in it. */
  trace: Trace | null;
  traceAt: number;
}

/** Why run() returned. */
export type StopReason = 'limit' | 'halt' | 'breakpoint';

/** Raised out of run() when an interruption cannot be delivered to software. */
export class CpuFault extends Error {
  constructor(
    readonly interruption: Interruption,
    /** Address of the faulting bundle. */
    readonly ip: bigint,
    /** Faulting slot (0-2). */
    readonly slot: number,
  ) {
    super(`${interruption.kind} at IP 0x${ip.toString(16)} slot ${slot}`);
    this.name = 'CpuFault';
  }
}

/**
 * Delivery of interruptions: the system architecture installs a handler that
 * vectors through the IVT; without one every interruption stops the run.
 * Returning false means "not delivered" (the run stops with a CpuFault).
 */
export type InterruptionHandler = (c: Cpu, intr: Interruption, slot: number) => boolean;

/**
 * Whether a fault of a speculative load is deferred (Vol. 2, 5.5.5): true
 * writes a NaT to the target instead of raising it. The system architecture
 * decides by PSR.ic, PSR.it, ITLB.ed and DCR; without a policy every such
 * fault is deferred.
 */
export type SpeculationPolicy = (c: Cpu, fault: Interruption) => boolean;

/** Handles `break` immediates itself (system calls, firmware calls); true = handled. */
export type BreakHandler = (c: Cpu, imm: number, slot: number) => boolean;

const unimplemented: ExecFn = (_c, i) => {
  throw illegalOperation(i.def ? `${i.def.name} has no semantic function` : 'reserved encoding');
};

const illegalSlot: ExecFn = () => {
  throw illegalOperation('reserved encoding');
};

const PAGE_SHIFT = 12n;
/** Entries into a bundle before a trace is compiled from it. */
const TRACE_THRESHOLD = 1024;

export class Cpu {
  readonly r = new RegisterFile();
  /** IP of the current bundle (bits 3:0 are zero). */
  ip = 0n;
  psr = 0n;
  /** Retired instruction slots (each executed or predicated-off slot counts). */
  insnCount = 0;
  readonly rse: Rse;
  readonly alat = new Alat(this.r);
  /** Fast path for aligned loads and stores of cacheable RAM. */
  readonly data: DataCache = new DataCache(this);

  translator: AddressTranslator = identityTranslator;
  onInterruption: InterruptionHandler | null = null;
  onBreak: BreakHandler | null = null;
  deferSpeculation: SpeculationPolicy | null = null;

  /** Set by a taken branch: the next bundle's IP. */
  branchTarget = 0n;
  branched = false;
  /** Slot at which to start the next bundle (after an rfi into the middle of a bundle). */
  startSlot = 0;
  /** Set by software that stops the CPU (a halt, a firmware request). */
  halted = false;
  /** Slot (0-2) of the instruction being executed. */
  slot = 0;
  /** run() stops before executing the bundle at this address (e.g. a kernel entry); -1n for none. */
  get breakAt(): bigint {
    return this.breakIp;
  }

  set breakAt(ip: bigint) {
    this.breakIp = ip;
    S64[0] = ip;
    this.breakLo = ip < 0n ? -1 : S32[0];
    this.breakHi = ip < 0n ? -1 : S32[1];
  }

  private breakIp = -1n;
  /** breakAt as 32-bit halves; -1 when there is none (the halves of an address are never negative). */
  private breakLo = -1;
  private breakHi = -1;
  /**
   * While a trace runs: the retired count before its instruction 0 and the
   * index of the instruction that may fault next, from which a fault's IP,
   * slot and count are recovered (traces keep no handler of their own).
   */
  traceBase = 0;
  traceInsn = 0;
  /** Compile bundles entered this often into traces (0: interpret only). */
  traceThreshold = TRACE_THRESHOLD;

  /** Decoded bundles by physical page number. */
  private readonly pages = new Map<bigint, (ExecBundle | undefined)[]>();
  private readonly fnCache: (readonly [ExecFn, boolean])[] = [];
  /** The page of the last fetch: virtual page, its physical page and bundles. */
  private fetchVPage = -1n;
  private fetchGen = -1;
  private fetchPPage = 0n;
  private fetchBundles: (ExecBundle | undefined)[] = [];

  constructor(readonly mem: PhysicalMemory) {
    this.rse = new Rse(this.r, {
      load8: (va) => this.data.rseLoad(va),
      store8: (va, v) => this.data.rseStore(va, v),
    });
    mem.onCodeWrite = (page) => this.invalidatePage(page);
  }

  // ---- registers ---------------------------------------------------------

  /** GR[n] for the current frame. */
  gr(n: number): bigint {
    return this.r.gr[this.r.grMap[n]];
  }

  /** NaT bit of GR[n]. */
  nat(n: number): number {
    return this.r.nat[this.r.grMap[n]];
  }

  /** Write GR[n]; r0 and registers outside the current frame are Illegal Operation faults. */
  setGr(n: number, v: bigint, nat = 0): void {
    if (n === 0 || (n >= 32 && n >= 32 + this.r.cfm.sof)) throw illegalOperation(`write to r${n}`);
    const p = this.r.grMap[n];
    this.r.gr[p] = v;
    this.r.nat[p] = nat;
  }

  /** Check that GR[n] may be written (for instructions that fault before any write). */
  checkTarget(n: number): void {
    if (n === 0 || (n >= 32 && n >= 32 + this.r.cfm.sof)) throw illegalOperation(`write to r${n}`);
  }

  pr(n: number): number {
    return this.r.pr[this.r.prMap[n]];
  }

  setPr(n: number, v: number): void {
    if (n !== 0) this.r.pr[this.r.prMap[n]] = v;
  }

  qpTrue(i: Insn): boolean {
    return this.r.pr[this.r.prMap[i.qp]] === 1;
  }

  /** Privilege level (PSR.cpl). */
  get cpl(): number {
    return Number((this.psr >> BigInt(PSR.cpl)) & 3n);
  }

  // ---- memory ------------------------------------------------------------

  /** Data translation of va for an access. */
  translateData(va: bigint, size: number, access: Access): bigint {
    if (size > 1 && (va & BigInt(size - 1)) !== 0n && psrGet(this.psr, 'ac')) {
      throw new Interruption(Vector.UNALIGNED_REFERENCE, 'Unaligned Data Reference fault', {
        ifa: va,
        isr: access === Access.Write ? ISR.W : ISR.R,
      });
    }
    return this.translator.translate(va, size, access);
  }

  load(va: bigint, size: number): bigint {
    return this.mem.read(this.translateData(va, size, Access.Read), size);
  }

  store(va: bigint, size: number, v: bigint): void {
    this.mem.write(this.translateData(va, size, Access.Write), size, v);
  }

  // ---- decoding ----------------------------------------------------------

  private fnFor(i: Insn): readonly [ExecFn, boolean] {
    if (!i.def) return [illegalSlot, true];
    let e = this.fnCache[i.def.id];
    if (!e) {
      const s = semanticFor(i.def);
      e = s ? [s.fn, s.always ?? false] : [unimplemented, true];
      this.fnCache[i.def.id] = e;
    }
    return e;
  }

  private decodeAt(pa: bigint): ExecBundle {
    const buf = new Uint8Array(16);
    this.mem.readBlock(pa, buf, Access.Execute);
    const dv = new DataView(buf.buffer);
    const [t, s0, s1, s2] = splitBundle(dv.getUint32(0, true), dv.getUint32(4, true), dv.getUint32(8, true), dv.getUint32(12, true));
    const b = decodeSlots(t, s0, s1, s2);
    const units = b.template.units;
    const e = b.insns.map((i, k) => (units && units[k] === 'L' ? null : units ? this.fnFor(i) : ([illegalSlot, true] as const)));
    return {
      template: b.template,
      insns: b.insns,
      fns: [e[0]?.[0] ?? null, e[1]?.[0] ?? null, e[2]?.[0] ?? null],
      always: [e[0]?.[1] ?? false, e[1]?.[1] ?? false, e[2]?.[1] ?? false],
      next: null,
      takenLo: -1,
      takenHi: -1,
      taken: null,
      epoch: -1,
      heat: 0,
      trace: null,
      traceAt: 0,
    };
  }

  /** The executable bundle at virtual address ip. */
  fetch(ip: bigint): ExecBundle {
    const vpage = ip >> PAGE_SHIFT;
    if (vpage !== this.fetchVPage || this.fetchGen !== this.translator.generation) {
      const pa = this.translator.translate(ip, 16, Access.Execute) & ~UNCACHED_BIT;
      this.fetchPPage = pa >> PAGE_SHIFT;
      let bundles = this.pages.get(this.fetchPPage);
      if (!bundles) {
        bundles = new Array(256);
        this.pages.set(this.fetchPPage, bundles);
        this.mem.watchCode(this.fetchPPage);
        this.data.dropStores();
      }
      this.fetchBundles = bundles;
      this.fetchVPage = vpage;
      this.fetchGen = this.translator.generation;
    }
    const idx = Number((ip >> 4n) & 0xffn);
    let b = this.fetchBundles[idx];
    if (!b) {
      b = this.decodeAt((this.fetchPPage << PAGE_SHIFT) | (ip & 0xff0n));
      this.fetchBundles[idx] = b;
    }
    return b;
  }

  /** Drop decoded bundles of a physical page (a store, fc or sync.i touched it). */
  invalidatePage(page: bigint): void {
    this.pages.delete(page);
    if (page === this.fetchPPage) this.fetchVPage = -1n;
    this.chainEpoch++;
  }

  /** Drop every decoded bundle. */
  invalidateAll(): void {
    this.pages.clear();
    this.fetchVPage = -1n;
    this.chainEpoch++;
  }

  /**
   * Bumped whenever a decoded bundle may have gone stale, so that the links
   * between bundles are rebuilt. Translation changes are folded in at use.
   */
  chainEpoch = 0;

  /**
   * The bundle after b (falling through or branched to), following b's links
   * when they are current; null when fetching it faults, so that the fault
   * is raised for its own IP by the next fetch.
   */
  private successor(b: ExecBundle, ip: bigint, branched: boolean): ExecBundle | null {
    try {
      return this.link(b, ip, branched);
    } catch {
      return null;
    }
  }

  private link(b: ExecBundle, ip: bigint, branched: boolean): ExecBundle {
    const epoch = this.chainEpoch + this.translator.generation * 0x100000;
    if (b.epoch !== epoch) {
      b.epoch = epoch;
      b.next = null;
      b.taken = null;
      b.takenLo = -1;
    }
    if (branched) {
      S64[0] = ip;
      if (b.takenLo === S32[0] && b.takenHi === S32[1] && b.taken !== null) return b.taken;
      const t = this.fetch(ip);
      S64[0] = ip;
      b.takenLo = S32[0];
      b.takenHi = S32[1];
      b.taken = t;
      return t;
    }
    if (b.next !== null) return b.next;
    const n = this.fetch(ip);
    b.next = n;
    return n;
  }

  // ---- execution ---------------------------------------------------------

  /**
   * Execute until maxInsns slots have retired, the CPU halts or IP reaches
   * breakAt. Interruptions are offered to onInterruption; undelivered ones
   * throw CpuFault.
   */
  run(maxInsns: number): StopReason {
    const limit = this.insnCount + maxInsns;
    const pr = this.r.pr;
    const prMap = this.r.prMap;
    let b: ExecBundle | null = null;
    while (this.insnCount < limit) {
      if (this.halted) return 'halt';
      const ip = this.ip;
      S64[0] = ip;
      const lo = S32[0];
      const hi = S32[1];
      if (lo === this.breakLo && hi === this.breakHi && this.startSlot === 0) return 'breakpoint';
      let slot = this.startSlot;
      this.startSlot = 0;
      let traced: Trace | null = null;
      try {
        b ??= this.fetch(ip);
        // Close to the limit, bundles run one by one and are not counted as
        // trace entries (they would start traces in the middle of others).
        if (slot === 0 && limit - this.insnCount >= MAX_TRACE_INSNS) {
          const t: Trace | null = b.trace ?? this.heatUp(b, ip);
          // A trace runs from any of its bundles, when it was compiled for
          // this address (a page may be mapped twice) and holds no breakAt.
          const at = b.traceAt;
          if (
            t !== null &&
            t.ipHi === hi &&
            ((lo - t.ipLo) >>> 0) === at << 4 &&
            !(hi === this.breakHi && ((this.breakLo - t.ipLo) >>> 0) < t.bytes)
          ) {
            traced = t;
            const last: ExecBundle = t.run(this, limit, at);
            b = this.halted || this.startSlot !== 0 ? null : this.successor(last, this.ip, this.branched);
            continue;
          }
        }
        this.branched = false;
        for (; slot < 3; slot++) {
          const fn = b.fns[slot];
          if (fn === null) continue;
          const insn = b.insns[slot];
          this.insnCount++;
          if (b.always[slot] || pr[prMap[insn.qp]] === 1) {
            this.slot = slot;
            fn(this, insn);
            if (this.branched) break;
          }
        }
        const branched = this.branched;
        this.ip = branched ? this.branchTarget : ip + 16n;
        b = this.halted || this.startSlot !== 0 ? null : this.successor(b, this.ip, branched);
      } catch (e) {
        b = null;
        if (traced !== null) {
          // Where the interpreter would have stopped: the faulting instruction.
          const x = this.traceInsn;
          this.insnCount = this.traceBase + x + 1;
          this.ip = traced.ipOf[x];
          this.slot = traced.slotOf[x];
        }
        if (!(e instanceof Interruption)) throw e;
        if (traced !== null) this.interrupt(e, this.ip, this.slot);
        else this.interrupt(e, ip, slot);
      }
    }
    return 'limit';
  }

  /** Count an entry into b; compile a trace from it once it is hot. */
  private heatUp(b: ExecBundle, ip: bigint): Trace | null {
    if (this.traceThreshold === 0 || ++b.heat < this.traceThreshold) return null;
    return compileTrace(
      traceBundles(b, ip, (at) => {
        try {
          return this.fetch(at);
        } catch {
          return null;
        }
      }),
      ip,
    );
  }

  private interrupt(intr: Interruption, ip: bigint, slot: number): void {
    if (intr.vector === Vector.BREAK_INSTRUCTION && this.onBreak) {
      const imm = Number(intr.info.iim ?? 0n);
      if (this.onBreak(this, imm, slot)) return;
    }
    if (this.onInterruption && this.onInterruption(this, intr, slot)) return;
    throw new CpuFault(intr, ip, slot);
  }

  /** Resume after a handled break or trap: continue with the slot after `slot` of the bundle at ip. */
  resumeAfter(ip: bigint, slot: number): void {
    if (slot >= 2) {
      this.ip = ip + 16n;
      this.startSlot = 0;
    } else {
      this.ip = ip;
      this.startSlot = slot + 1;
    }
  }
}
