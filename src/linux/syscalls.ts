// The system calls a static program gets. Each takes the six argument
// registers as unsigned 64-bit values and returns the result, or -errno
// (a value in [-4095, -1]) on failure, like the kernel's own functions.

import { Access } from '../cpu/memory.js';
import { split } from './clock.js';
import { EBADF, EFAULT, EINVAL, ENOTTY } from './errno.js';
import { PROCESS_ID } from './exec.js';
import { PAGE_MASK } from './layout.js';
import { sysBrk, sysMmap, sysMprotect, sysMunmap } from './memory-calls.js';
import type { LinuxProcess } from './process.js';

export type Syscall = (p: LinuxProcess, a: readonly bigint[]) => bigint;

const err = (e: number): bigint => BigInt(-e);

/** A C int argument. */
const int = (v: bigint): number => Number(BigInt.asIntN(32, v));

/** The most one read or write moves (MAX_RW_COUNT: INT_MAX rounded down to a page). */
const MAX_RW = 0x7fffffffn & PAGE_MASK;

const IOV_MAX = 1024;
const SIGSET_SIZE = 8n;
const SIGACTION_SIZE = 24;
const SIGKILL = 9;
const SIGSTOP = 19;
const UNBLOCKABLE = (1n << BigInt(SIGKILL - 1)) | (1n << BigInt(SIGSTOP - 1));

/** struct new_utsname: six 65-byte fields. */
const UTSNAME = ['Linux', 'purgatorio', '6.1.0', '#1 SMP', 'ia64', '(none)'];

function words(...values: bigint[]): Uint8Array {
  const b = new Uint8Array(values.length * 8);
  const dv = new DataView(b.buffer);
  values.forEach((v, k) => dv.setBigUint64(k * 8, BigInt.asUintN(64, v), true));
  return b;
}

function word(b: Uint8Array, k: number): bigint {
  return new DataView(b.buffer, b.byteOffset).getBigUint64(k * 8, true);
}

/** Store bytes for the caller: 0, or -EFAULT when the buffer is not writable. */
function put(p: LinuxProcess, va: bigint, bytes: Uint8Array): bigint {
  return p.space.copyOut(va, bytes) ? 0n : err(EFAULT);
}

/** Write up to len bytes at va to fd: the count, short at the first unreadable byte, or -EFAULT if none. */
function output(p: LinuxProcess, fd: number, va: bigint, len: bigint): bigint {
  const n = p.space.accessible(va, len, Access.Read);
  if (n === 0n && len > 0n) return err(EFAULT);
  if (n > 0n) p.io.write(fd, p.space.copyIn(va, Number(n))!);
  return n;
}

function writable(p: LinuxProcess, fd: number): boolean {
  return (fd === 1 || fd === 2) && p.fds.has(fd);
}

const write: Syscall = (p, [fd, buf, count]) => {
  if (!writable(p, int(fd))) return err(EBADF);
  return output(p, int(fd), buf, count < MAX_RW ? count : MAX_RW);
};

const writev: Syscall = (p, [fd, iov, iovcnt]) => {
  const cnt = int(iovcnt);
  if (!writable(p, int(fd))) return err(EBADF);
  if (cnt < 0 || cnt > IOV_MAX) return err(EINVAL);
  const vec = p.space.copyIn(iov, cnt * 16);
  if (!vec) return err(EFAULT);
  let total = 0n;
  for (let k = 0; k < cnt; k++) if (BigInt.asIntN(64, word(vec, 2 * k + 1)) < 0n) return err(EINVAL);
  for (let k = 0; k < cnt; k++) {
    const len = word(vec, 2 * k + 1);
    const n = output(p, int(fd), word(vec, 2 * k), len);
    if (n < 0n) return total > 0n ? total : n;
    total += n;
    if (n < len) break;
  }
  return total;
};

const read: Syscall = (p, [fd, buf, count]) => {
  if (int(fd) !== 0 || !p.fds.has(0)) return err(EBADF);
  if (count === 0n) return 0n;
  const room = p.space.accessible(buf, count < MAX_RW ? count : MAX_RW, Access.Write);
  if (room === 0n) return err(EFAULT);
  const data = new Uint8Array(Number(room < 0x10000n ? room : 0x10000n));
  const n = p.io.read(data);
  p.space.copyOut(buf, data.subarray(0, n));
  return BigInt(n);
};

const close: Syscall = (p, [fd]) => (p.fds.delete(int(fd)) ? 0n : err(EBADF));

const exit: Syscall = (p, [status]) => {
  p.exit(int(status) & 0xff);
  return 0n;
};

/** No descriptor is a terminal: the program sees its streams as files or pipes. */
const ioctl: Syscall = (p, [fd]) => err(p.fds.has(int(fd)) ? ENOTTY : EBADF);

const uname: Syscall = (p, [buf]) => {
  const b = new Uint8Array(65 * UTSNAME.length);
  UTSNAME.forEach((s, k) => b.set(new TextEncoder().encode(s), 65 * k));
  return put(p, buf, b);
};

const clockGettime: Syscall = (p, [id, tp]) => {
  const ns = p.clocks.read(int(id));
  return ns === null ? err(EINVAL) : put(p, tp, words(...split(ns)));
};

const clockGetres: Syscall = (p, [id, res]) => {
  const ns = p.clocks.resolution(int(id));
  if (ns === null) return err(EINVAL);
  return res === 0n ? 0n : put(p, res, words(...split(ns)));
};

const gettimeofday: Syscall = (p, [tv, tz]) => {
  if (tv !== 0n) {
    const [s, ns] = split(p.clocks.read(0)!);
    const r = put(p, tv, words(s, ns / 1000n));
    if (r !== 0n) return r;
  }
  return tz === 0n ? 0n : put(p, tz, new Uint8Array(8));
};

const rtSigaction: Syscall = (p, [signal, act, oact, size]) => {
  const sig = int(signal);
  if (size !== SIGSET_SIZE || sig < 1 || sig > 64) return err(EINVAL);
  if (act !== 0n && (sig === SIGKILL || sig === SIGSTOP)) return err(EINVAL);
  const old = p.sigactions.get(sig) ?? new Uint8Array(SIGACTION_SIZE);
  if (act !== 0n) {
    const next = p.space.copyIn(act, SIGACTION_SIZE);
    if (!next) return err(EFAULT);
    p.sigactions.set(sig, next);
  }
  return oact === 0n ? 0n : put(p, oact, old);
};

const rtSigprocmask: Syscall = (p, [how, set, oset, size]) => {
  if (size !== SIGSET_SIZE) return err(EINVAL);
  const old = p.sigmask;
  if (set !== 0n) {
    const b = p.space.copyIn(set, 8);
    if (!b) return err(EFAULT);
    const s = word(b, 0);
    switch (int(how)) {
      case 0:
        p.sigmask |= s;
        break;
      case 1:
        p.sigmask &= ~s;
        break;
      case 2:
        p.sigmask = s;
        break;
      default:
        return err(EINVAL);
    }
    p.sigmask &= ~UNBLOCKABLE;
  }
  return oset === 0n ? 0n : put(p, oset, words(old));
};

const id: Syscall = () => BigInt(PROCESS_ID);

/** The implemented calls by number. */
export const SYSCALLS: ReadonlyMap<number, Syscall> = new Map<number, Syscall>([
  [1025, exit],
  [1026, read],
  [1027, write],
  [1029, close],
  [1041, id], // getpid
  [1042, () => 1n], // getppid: init
  [1046, id], // getuid
  [1047, id], // geteuid
  [1060, (p, [addr]) => sysBrk(p, addr)],
  [1062, id], // getgid
  [1063, id], // getegid
  [1065, ioctl],
  [1087, gettimeofday],
  [1105, id], // gettid
  [1130, uname],
  [1147, writev],
  [1151, (p, a) => sysMmap(p, a[0], a[1], int(a[2]), int(a[3]), int(a[4]), a[5])],
  [1152, (p, [addr, len]) => sysMunmap(p, addr, len)],
  [1155, (p, [addr, len, prot]) => sysMprotect(p, addr, len, int(prot))],
  [1164, () => 0n], // sched_yield
  [1177, rtSigaction],
  [1179, rtSigprocmask],
  [1233, id], // set_tid_address: the thread id
  [1236, exit], // exit_group: there is one thread
  [1254, clockGettime],
  [1255, clockGetres],
]);
