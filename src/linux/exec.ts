// exec for a static Linux/ia64 executable: map its PT_LOAD segments, lay
// out the initial memory stack and set the registers as the kernel's
// binfmt_elf and start_thread leave them for the first user instruction.

import { createHash } from 'node:crypto';
import { Cpu } from '../cpu/cpu.js';
import { PSR, psrSet } from '../cpu/psr.js';
import { AR } from '../cpu/state.js';
import { ElfFile, ET_DYN, ET_EXEC, PT_LOAD } from '../loader/elf.js';
import { PROT_EXEC, PROT_READ, PROT_WRITE, validRange } from './areas.js';
import { ExecError } from './errors.js';
import { INITIAL_STACK, PAGE_SIZE, pageDown, pageUp, RBS_BOTTOM, STACK_TOP } from './layout.js';
import { UserSpace } from './user-space.js';

const PT_INTERP = 3;
const PF_X = 1;
const PF_W = 2;
const PF_R = 4;
const PHDR_SIZE = 56;

/** Auxiliary vector entry types (include/uapi/linux/auxvec.h). */
export const AT = {
  NULL: 0, PHDR: 3, PHENT: 4, PHNUM: 5, PAGESZ: 6, BASE: 7, FLAGS: 8, ENTRY: 9, UID: 11, EUID: 12,
  GID: 13, EGID: 14, HWCAP: 16, CLKTCK: 17, SECURE: 23, RANDOM: 25, EXECFN: 31,
} as const;

/** Linux's FPSR_DEFAULT: traps disabled, sf0 round-to-nearest double-extended, sf1 with wide range. */
export const FPSR_DEFAULT = 0x0009804c0270033fn;

/**
 * PSR of a user thread: cpl 3 with translation on (it, dt, rt), interrupts
 * and collection on, register bank 1, secure performance monitors. Linux
 * also sets dfh and clears it on the first use of f32-f127 (lazy saving of
 * the high FP partition); that round trip is invisible to the program, so
 * the high partition starts enabled here.
 */
export const USER_PSR = psrSet(
  (1n << BigInt(PSR.ic)) | (1n << BigInt(PSR.i)) | (1n << BigInt(PSR.dt)) | (1n << BigInt(PSR.sp)) |
    (1n << BigInt(PSR.rt)) | (1n << BigInt(PSR.it)) | (1n << BigInt(PSR.bn)),
  'cpl',
  3,
);

/** RSC at entry: eager mode at privilege level 3. */
export const USER_RSC = 0xfn;

/** The ids the process runs as (getuid and friends, AT_UID...). */
export const PROCESS_ID = 1000;

/** 16 bytes for AT_RANDOM: fixed, so runs repeat. */
const RANDOM_BYTES = createHash('sha256').update('purgatorio AT_RANDOM').digest().subarray(0, 16);

export interface LoadedImage {
  readonly entry: bigint;
  /** Where the program headers are in memory (AT_PHDR), 0 if no segment holds them. */
  readonly phdr: bigint;
  readonly phnum: number;
  /** The first heap address: the page after the highest segment. */
  readonly brk: bigint;
}

function protOf(flags: number): number {
  return (flags & PF_R ? PROT_READ : 0) | (flags & PF_W ? PROT_WRITE : 0) | (flags & PF_X ? PROT_EXEC : 0);
}

/** Map every PT_LOAD segment of a static ET_EXEC file. */
export function loadExecutable(space: UserSpace, elf: ElfFile): LoadedImage {
  const h = elf.header;
  if (h.type === ET_DYN) throw new ExecError('position-independent executable (ET_DYN); only static ET_EXEC files run');
  if (h.type !== ET_EXEC) throw new ExecError(`not an executable (ELF type ${h.type}); only static ET_EXEC files run`);
  if (elf.programHeaders.some((p) => p.type === PT_INTERP)) {
    throw new ExecError('dynamically linked (it names a program interpreter); only static executables run');
  }
  const loads = elf.programHeaders.filter((p) => p.type === PT_LOAD && p.memsz > 0n);
  if (loads.length === 0) throw new ExecError('no PT_LOAD segment');
  let brk = 0n;
  let phdr = 0n;
  for (const p of loads) {
    const start = pageDown(p.vaddr);
    const end = pageUp(p.vaddr + p.memsz);
    const where = `segment [0x${p.vaddr.toString(16)}, 0x${(p.vaddr + p.memsz).toString(16)})`;
    if (p.filesz > p.memsz) throw new ExecError(`${where}: file size 0x${p.filesz.toString(16)} exceeds memory size`);
    if (p.offset + p.filesz > BigInt(elf.bytes.length)) throw new ExecError(`${where}: extends past the end of the file`);
    if (!validRange(start, end - start)) throw new ExecError(`${where}: outside the mappable part of user regions 0-3`);
    space.map({ start, end, prot: protOf(p.flags), name: p.flags & PF_X ? 'text' : 'data' });
    // Like the kernel's file mapping, the segment's first page also shows
    // the file bytes before it (the ELF header, for the first segment).
    const head = p.vaddr - start <= p.offset ? p.vaddr - start : 0n;
    const from = Number(p.offset - head);
    space.poke(p.vaddr - head, elf.bytes.subarray(from, Number(p.offset + p.filesz)));
    if (h.phoff >= p.offset && h.phoff < p.offset + p.filesz) phdr = p.vaddr + (h.phoff - p.offset);
    if (end > brk) brk = end;
  }
  return { entry: h.entry, phdr, phnum: h.phnum, brk };
}

/** Map page zero (a NaT page) and the register backing store, which grows up to stackLimit. */
export function mapFixedAreas(space: UserSpace, stackLimit: bigint): void {
  space.map({ start: 0n, end: PAGE_SIZE, prot: PROT_READ, name: 'NaT page', natPage: true });
  space.map({
    start: RBS_BOTTOM,
    end: RBS_BOTTOM + PAGE_SIZE,
    prot: PROT_READ | PROT_WRITE,
    name: 'backing store',
    grows: 'up',
    growLimit: RBS_BOTTOM + stackLimit,
  });
}

const utf8 = new TextEncoder();

/** A NUL-terminated string's bytes. */
function cString(s: string): Uint8Array {
  const b = utf8.encode(s);
  const out = new Uint8Array(b.length + 1);
  out.set(b);
  return out;
}

/**
 * Map the memory stack, which grows down to stackLimit, and lay out its
 * initial contents below STACK_TOP: the strings (argv, then envp, then the
 * executable's name), AT_RANDOM's bytes, and at the 16-byte aligned stack
 * pointer argc, argv[], NULL, envp[], NULL and the auxiliary vector.
 * Returns that stack pointer (the address of argc).
 */
export function buildStack(
  space: UserSpace,
  image: LoadedImage,
  argv: readonly string[],
  envp: readonly string[],
  execfn: string,
  stackLimit: bigint,
): bigint {
  const strings = [...argv, ...envp, execfn].map(cString);
  const bytes = new Uint8Array(strings.reduce((n, s) => n + s.length, 0));
  if (BigInt(bytes.length + 8 * (argv.length + envp.length)) > stackLimit / 4n) {
    throw new ExecError(`argument list too long (more than a quarter of the ${stackLimit >> 20n} MiB stack limit)`);
  }
  // The top word stays zero; the strings end just below it.
  const stringsStart = STACK_TOP - 8n - BigInt(bytes.length);
  const addrs: bigint[] = [];
  let off = 0;
  for (const s of strings) {
    addrs.push(stringsStart + BigInt(off));
    bytes.set(s, off);
    off += s.length;
  }
  const random = (stringsStart & ~15n) - 16n;
  const auxv: [number, bigint][] = [
    [AT.HWCAP, 0n],
    [AT.PAGESZ, PAGE_SIZE],
    [AT.CLKTCK, 100n],
    [AT.PHDR, image.phdr],
    [AT.PHENT, BigInt(PHDR_SIZE)],
    [AT.PHNUM, BigInt(image.phnum)],
    [AT.BASE, 0n],
    [AT.FLAGS, 0n],
    [AT.ENTRY, image.entry],
    [AT.UID, BigInt(PROCESS_ID)],
    [AT.EUID, BigInt(PROCESS_ID)],
    [AT.GID, BigInt(PROCESS_ID)],
    [AT.EGID, BigInt(PROCESS_ID)],
    [AT.SECURE, 0n],
    [AT.RANDOM, random],
    [AT.EXECFN, addrs[addrs.length - 1]],
    [AT.NULL, 0n],
  ];
  const words = [
    BigInt(argv.length),
    ...addrs.slice(0, argv.length),
    0n,
    ...addrs.slice(argv.length, argv.length + envp.length),
    0n,
    ...auxv.flatMap(([type, value]) => [BigInt(type), value]),
  ];
  const sp = (random - 8n * BigInt(words.length)) & ~15n;
  const table = new Uint8Array(words.length * 8);
  const dv = new DataView(table.buffer);
  words.forEach((w, k) => dv.setBigUint64(k * 8, BigInt.asUintN(64, w), true));

  const low = pageDown(sp) < STACK_TOP - INITIAL_STACK ? pageDown(sp) : STACK_TOP - INITIAL_STACK;
  space.map({ start: low, end: STACK_TOP, prot: PROT_READ | PROT_WRITE, name: 'stack', grows: 'down', growLimit: STACK_TOP - stackLimit });
  space.poke(stringsStart, bytes);
  space.poke(random, RANDOM_BYTES);
  space.poke(sp, table);
  return sp;
}

/**
 * Registers at the first instruction (start_thread): IP at the entry, sp
 * 16 bytes below argc (a scratch area), an empty frame over an empty
 * backing store, RSC eager, FPSR_DEFAULT, r8 = 1 (the "dumpable" flag the
 * kernel leaves there), everything else zero.
 */
export function startThread(cpu: Cpu, entry: bigint, sp: bigint): void {
  cpu.ip = entry;
  cpu.psr = USER_PSR;
  cpu.r.setCfm(0n);
  const ar = cpu.r.ar;
  ar[AR.RSC] = USER_RSC;
  ar[AR.BSP] = RBS_BOTTOM;
  ar[AR.BSPSTORE] = RBS_BOTTOM;
  ar[AR.RNAT] = 0n;
  ar[AR.FPSR] = FPSR_DEFAULT;
  cpu.setGr(12, sp - 16n);
  cpu.setGr(8, 1n);
}
