// System calls through the real path: `break 0x100000` with the number in
// r15 and the arguments in the output registers of the frame, results in
// r8/r10, errors as Linux returns them.

import { beforeEach, describe, expect, it } from 'vitest';
import { packCfm } from '../src/cpu/state.js';
import { MMAP_BASE, PAGE_SIZE } from '../src/linux/layout.js';
import { runProcess } from '../src/linux/runner.js';
import { Captured, DATA, program, spawn, TEXT } from './support/linux.js';

const M64 = (1n << 64n) - 1n;
const EBADF = -9n;
const ENOMEM = -12n;
const EFAULT = -14n;
const EEXIST = -17n;
const ENODEV = -19n;
const EINVAL = -22n;
const ENOTTY = -25n;
const ENOSYS = -38n;

const NR = {
  exit: 1025, read: 1026, write: 1027, open: 1028, close: 1029, getpid: 1041, getppid: 1042, getuid: 1046,
  brk: 1060, ioctl: 1065, gettimeofday: 1087, gettid: 1105, uname: 1130, writev: 1147, mmap: 1151,
  munmap: 1152, mprotect: 1155, rt_sigaction: 1177, rt_sigprocmask: 1179, set_tid_address: 1233,
  clock_gettime: 1254, clock_getres: 1255,
};

const PROT_RW = 3n;
const ANON_PRIVATE = 0x22n;
const NO_FD = M64;

/** A program whose `call` bundle makes a system call and whose next bundle stops the run. */
const CALLER = program(['call:', 'break.i 0x100000', 'break.i 0x80001'], { bytes: new TextEncoder().encode('hello\n'), memsz: 0x100n });
/** Scratch memory in the data segment's page, past the "hello\\n" it starts with. */
const BUF = DATA + 0x1000n;

let c: Captured;
beforeEach(() => {
  c = spawn(CALLER.file, { stdin: 'abc' });
});

/** Make system call nr with args in a frame of sol locals; the result, or -errno. */
function sys(nr: number, args: readonly bigint[] = [], opts: { sol?: number; nat?: number } = {}): bigint {
  const cpu = c.process.cpu;
  const sol = opts.sol ?? 0;
  cpu.r.setCfm(packCfm({ sof: sol + 8, sol, sor: 0, rrbGr: 0, rrbFr: 0, rrbPr: 0 }));
  cpu.setGr(15, BigInt(nr));
  args.forEach((a, k) => cpu.setGr(32 + sol + k, BigInt.asUintN(64, a), k === opts.nat ? 1 : 0));
  cpu.ip = CALLER.labels.get('call')!;
  cpu.startSlot = 0;
  const r = runProcess(c.process, { maxInsns: 100 });
  if (r.kind === 'exit') return BigInt(r.status);
  expect(r.kind === 'fault' && r.fault.interruption.info.iim).toBe(0x80001n);
  const r8 = cpu.gr(8);
  const r10 = cpu.gr(10);
  expect([0n, M64]).toContain(r10);
  return r10 === M64 ? -r8 : r8;
}

function bytesAt(va: bigint, n: number): Uint8Array {
  const b = c.process.space.copyIn(va, n);
  expect(b).not.toBeNull();
  return b!;
}

function words(va: bigint, n: number): bigint[] {
  const dv = new DataView(bytesAt(va, 8 * n).buffer);
  return Array.from({ length: n }, (_, k) => dv.getBigUint64(8 * k, true));
}

function poke(va: bigint, ...values: bigint[]): void {
  const b = new Uint8Array(8 * values.length);
  values.forEach((v, k) => new DataView(b.buffer).setBigUint64(8 * k, BigInt.asUintN(64, v), true));
  c.process.space.poke(va, b);
}

describe('write, writev, read', () => {
  it('writes to fd 1 and fd 2 and returns the count', () => {
    const h = DATA;
    expect(new TextDecoder().decode(bytesAt(h, 6))).toBe('hello\n');
    expect(sys(NR.write, [1n, h, 6n])).toBe(6n);
    expect(sys(NR.write, [2n, h, 5n])).toBe(5n);
    expect(c.stdout()).toBe('hello\n');
    expect(c.stderr()).toBe('hello');
  });

  it('refuses descriptors that are not open for writing', () => {
    expect(sys(NR.write, [7n, DATA, 1n])).toBe(EBADF);
    expect(sys(NR.write, [M64, DATA, 1n])).toBe(EBADF);
    expect(sys(NR.write, [0n, DATA, 1n])).toBe(EBADF);
    expect(sys(NR.close, [1n])).toBe(0n);
    expect(sys(NR.write, [1n, DATA, 1n])).toBe(EBADF);
    expect(sys(NR.close, [1n])).toBe(EBADF);
  });

  it('faults on an unmapped buffer and stops short at the end of a mapping', () => {
    expect(sys(NR.write, [1n, 0x7000000n, 4n])).toBe(EFAULT);
    expect(sys(NR.write, [1n, DATA + PAGE_SIZE - 2n, 10n])).toBe(2n);
    expect(sys(NR.write, [1n, DATA, 0n])).toBe(0n);
  });

  it('gathers with writev and stops at the first bad vector after some output', () => {
    const h = DATA;
    poke(BUF, h, 5n, h + 5n, 1n);
    expect(sys(NR.writev, [1n, BUF, 2n])).toBe(6n);
    poke(BUF, h, 2n, 0x7000000n, 1n);
    expect(sys(NR.writev, [1n, BUF, 2n])).toBe(2n);
    expect(c.stdout()).toBe('hello\nhe');
    expect(sys(NR.writev, [1n, BUF, 1025n])).toBe(EINVAL);
    expect(sys(NR.writev, [1n, 0x7000000n, 1n])).toBe(EFAULT);
  });

  it('reads stdin into writable memory only', () => {
    expect(sys(NR.read, [0n, BUF, 0n])).toBe(0n);
    expect(sys(NR.read, [0n, TEXT, 4n])).toBe(EFAULT);
    expect(sys(NR.read, [1n, BUF, 4n])).toBe(EBADF);
    expect(sys(NR.read, [0n, BUF, 16n])).toBe(3n);
    expect(new TextDecoder().decode(bytesAt(BUF, 3))).toBe('abc');
    expect(sys(NR.read, [0n, BUF, 16n])).toBe(0n);
  });
});

describe('brk', () => {
  it('starts at the page after the data segment, grows, shrinks and reads zero when regrown', () => {
    const start = sys(NR.brk, [0n]);
    expect(start).toBe(DATA + PAGE_SIZE);
    expect(sys(NR.brk, [start + 0x10000n])).toBe(start + 0x10000n);
    expect(c.process.space.copyOut(start + 0xfff8n, new Uint8Array(8).fill(7))).toBe(true);
    expect(sys(NR.brk, [start + 0x100n])).toBe(start + 0x100n);
    expect(c.process.space.accessible(start + 0x8000n, 1n, 1)).toBe(0n);
    expect(sys(NR.brk, [start + 0x10000n])).toBe(start + 0x10000n);
    expect(bytesAt(start + 0xfff8n, 8)).toEqual(new Uint8Array(8));
    expect(c.process.space.areas.all().filter((a) => a.name === 'heap')).toHaveLength(1);
  });

  it('returns the old break below the start or when a mapping is in the way', () => {
    const start = sys(NR.brk, [0n]);
    expect(sys(NR.brk, [start - 1n])).toBe(start);
    expect(sys(NR.mmap, [start + 0x20000n, PAGE_SIZE, PROT_RW, ANON_PRIVATE | 0x10n, NO_FD, 0n])).toBe(start + 0x20000n);
    expect(sys(NR.brk, [start + 0x30000n])).toBe(start);
    expect(sys(NR.brk, [start + 0x1c000n])).toBe(start + 0x1c000n);
  });
});

describe('mmap, munmap, mprotect', () => {
  const mmap = (addr: bigint, len: bigint, flags = ANON_PRIVATE, prot = PROT_RW, fd = NO_FD, off = 0n) =>
    sys(NR.mmap, [addr, len, prot, flags, fd, off]);

  it('hands out zeroed pages in region 1, lowest first, reusing what was unmapped', () => {
    const a = mmap(0n, 0x5000n);
    const b = mmap(0n, 0x100n);
    expect([a, b]).toEqual([MMAP_BASE, MMAP_BASE + 0x8000n]);
    expect(c.process.space.copyOut(a + 0x10n, new Uint8Array([1, 2, 3]))).toBe(true);
    expect(sys(NR.munmap, [a, 0x5000n])).toBe(0n);
    expect(c.process.space.accessible(a, 1n, 0)).toBe(0n);
    expect(mmap(0n, 0x4000n)).toBe(a);
    expect(bytesAt(a + 0x10n, 3)).toEqual(new Uint8Array(3));
  });

  it('forgets the contents of a large mapping once it is unmapped', () => {
    const big = 1n << 30n;
    const a = mmap(0n, big);
    for (const off of [0n, 0x12345678n, big - 8n]) expect(c.process.space.copyOut(a + off, new Uint8Array(8).fill(9))).toBe(true);
    expect(sys(NR.munmap, [a, big])).toBe(0n);
    expect(mmap(0n, big)).toBe(a);
    for (const off of [0n, 0x12345678n, big - 8n]) expect(bytesAt(a + off, 8)).toEqual(new Uint8Array(8));
  });

  it('takes a free hint as it is and MAP_FIXED anywhere, replacing what was there', () => {
    expect(mmap(0x2000000100000000n, PAGE_SIZE)).toBe(0x2000000100000000n);
    poke(BUF, 0x1234n);
    expect(mmap(DATA, PAGE_SIZE, ANON_PRIVATE | 0x10n)).toBe(DATA);
    expect(words(BUF, 1)).toEqual([0n]);
    expect(mmap(DATA, PAGE_SIZE, ANON_PRIVATE | 0x100000n)).toBe(EEXIST);
    expect(mmap(0x2000000200000000n, PAGE_SIZE, ANON_PRIVATE | 0x100000n)).toBe(0x2000000200000000n);
    expect(mmap(0x3000000000000000n, PAGE_SIZE, ANON_PRIVATE | 0x10n)).toBe(EINVAL);
  });

  it('rejects what Linux rejects', () => {
    expect(mmap(0n, 0n)).toBe(EINVAL);
    expect(mmap(0n, PAGE_SIZE, ANON_PRIVATE, PROT_RW, NO_FD, 1n)).toBe(EINVAL);
    expect(mmap(0n, PAGE_SIZE, 0x20n)).toBe(EINVAL);
    expect(mmap(0n, PAGE_SIZE, 0x02n, PROT_RW, 5n)).toBe(EBADF);
    expect(mmap(0n, PAGE_SIZE, 0x02n, PROT_RW, 1n)).toBe(ENODEV);
    expect(mmap(MMAP_BASE + 1n, PAGE_SIZE, ANON_PRIVATE | 0x10n)).toBe(EINVAL);
    expect(mmap(0xa000000000000000n, PAGE_SIZE, ANON_PRIVATE | 0x10n)).toBe(EINVAL);
    expect(mmap(0n, 1n << 50n)).toBe(ENOMEM);
    expect(sys(NR.munmap, [MMAP_BASE + 8n, PAGE_SIZE])).toBe(EINVAL);
    expect(sys(NR.munmap, [MMAP_BASE, 0n])).toBe(EINVAL);
  });

  it('changes protection of mapped pages only', () => {
    const a = mmap(0n, 2n * PAGE_SIZE);
    expect(sys(NR.mprotect, [a, PAGE_SIZE, 1n])).toBe(0n);
    expect(sys(NR.read, [0n, a, 3n])).toBe(EFAULT);
    expect(sys(NR.read, [0n, a + PAGE_SIZE, 3n])).toBe(3n);
    expect(sys(NR.mprotect, [a + 8n, PAGE_SIZE, 1n])).toBe(EINVAL);
    expect(sys(NR.mprotect, [a, 3n * PAGE_SIZE, 1n])).toBe(ENOMEM);
    expect(sys(NR.mprotect, [a, PAGE_SIZE, 8n])).toBe(EINVAL);
  });
});

describe('identity, time and the rest', () => {
  it('answers the id calls', () => {
    for (const nr of [NR.getpid, NR.gettid, NR.getuid]) expect(sys(nr)).toBe(1000n);
    expect(sys(NR.getppid)).toBe(1n);
    expect(sys(NR.set_tid_address, [BUF])).toBe(1000n);
  });

  it('fills in uname', () => {
    expect(sys(NR.uname, [BUF])).toBe(0n);
    const field = (k: number) => new TextDecoder().decode(bytesAt(BUF + BigInt(65 * k), 65)).replace(/\0.*$/s, '');
    expect([field(0), field(4)]).toEqual(['Linux', 'ia64']);
    expect(sys(NR.uname, [TEXT])).toBe(EFAULT);
  });

  it('keeps simulated clocks: the epoch plus one nanosecond per instruction', () => {
    const before = BigInt(c.process.cpu.insnCount);
    expect(sys(NR.clock_gettime, [0n, BUF])).toBe(0n);
    const [sec, nsec] = words(BUF, 2);
    expect(sec).toBe(1221091200n);
    expect(nsec > before && nsec < BigInt(c.process.cpu.insnCount)).toBe(true);
    expect(sys(NR.clock_gettime, [1n, BUF])).toBe(0n);
    const first = words(BUF, 2)[1];
    expect(sys(NR.clock_gettime, [1n, BUF])).toBe(0n);
    expect(words(BUF, 2)[1]).toBeGreaterThan(first);
    expect(sys(NR.clock_gettime, [-12345n, BUF])).toBe(EINVAL);
    expect(sys(NR.clock_gettime, [0n, 0x7000000n])).toBe(EFAULT);
    expect(sys(NR.clock_getres, [1n, BUF])).toBe(0n);
    expect(words(BUF, 2)).toEqual([0n, 1n]);
    expect(sys(NR.gettimeofday, [BUF, 0n])).toBe(0n);
    expect(words(BUF, 1)).toEqual([1221091200n]);
  });

  it('follows the host clock with real time', () => {
    c = spawn(CALLER.file, { realTime: true });
    expect(sys(NR.clock_gettime, [0n, BUF])).toBe(0n);
    expect(Number(words(BUF, 1)[0])).toBeCloseTo(Date.now() / 1000, -1);
  });

  it('records signal actions and the mask without delivering anything', () => {
    poke(BUF, 0x4000000000000100n, 0x4000000n, 0n);
    expect(sys(NR.rt_sigaction, [2n, BUF, BUF + 0x40n, 8n])).toBe(0n);
    expect(words(BUF + 0x40n, 3)).toEqual([0n, 0n, 0n]);
    expect(sys(NR.rt_sigaction, [2n, 0n, BUF + 0x40n, 8n])).toBe(0n);
    expect(words(BUF + 0x40n, 3)).toEqual([0x4000000000000100n, 0x4000000n, 0n]);
    expect(sys(NR.rt_sigaction, [9n, BUF, 0n, 8n])).toBe(EINVAL);
    expect(sys(NR.rt_sigaction, [2n, BUF, 0n, 4n])).toBe(EINVAL);
    expect(sys(NR.rt_sigaction, [65n, 0n, 0n, 8n])).toBe(EINVAL);
    poke(BUF, M64);
    expect(sys(NR.rt_sigprocmask, [0n, BUF, 0n, 8n])).toBe(0n);
    expect(sys(NR.rt_sigprocmask, [0n, 0n, BUF + 8n, 8n])).toBe(0n);
    expect(words(BUF + 8n, 1)).toEqual([M64 & ~((1n << 8n) | (1n << 18n))]);
    expect(sys(NR.rt_sigprocmask, [5n, BUF, 0n, 8n])).toBe(EINVAL);
  });

  it('says no descriptor is a terminal', () => {
    expect(sys(NR.ioctl, [1n, 0x5401n, BUF])).toBe(ENOTTY);
    expect(sys(NR.ioctl, [9n, 0x5401n, BUF])).toBe(EBADF);
  });

  it('returns ENOSYS for other calls and names each once', () => {
    expect(sys(NR.open, [BUF, 0n])).toBe(ENOSYS);
    expect(sys(NR.open, [BUF, 0n])).toBe(ENOSYS);
    expect(sys(1999)).toBe(ENOSYS);
    expect(c.warnings).toEqual(['unimplemented system call open (1028) returns ENOSYS', 'unimplemented system call unknown (1999) returns ENOSYS']);
  });

  it('reads arguments after the locals of the frame and takes a NaT argument as -1', () => {
    expect(sys(NR.write, [1n, DATA, 6n], { sol: 5 })).toBe(6n);
    expect(c.stdout()).toBe('hello\n');
    expect(sys(NR.write, [1n, DATA, 6n], { nat: 0 })).toBe(EBADF);
  });

  it('ends the process with the low byte of the exit status', () => {
    expect(sys(NR.exit, [300n])).toBe(44n);
    expect(c.process.exitStatus).toBe(44);
  });
});
