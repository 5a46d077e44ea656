// The clocks a process reads. By default they are simulated, so that runs
// repeat exactly: the CPU is taken to retire one instruction per
// nanosecond, the machine booted at the start of the run, and the wall
// clock then read 2008-09-11 00:00:00 UTC. With real time they follow the
// host.

/** Clock ids (include/uapi/linux/time.h). */
export const CLOCK = {
  REALTIME: 0, MONOTONIC: 1, PROCESS_CPUTIME_ID: 2, THREAD_CPUTIME_ID: 3, MONOTONIC_RAW: 4,
  REALTIME_COARSE: 5, MONOTONIC_COARSE: 6, BOOTTIME: 7, REALTIME_ALARM: 8, BOOTTIME_ALARM: 9, TAI: 11,
} as const;

/** The simulated wall clock at boot, in seconds since the epoch. */
export const SIMULATED_EPOCH = 1221091200n;

const NS = 1_000_000_000n;

type Kind = 'wall' | 'boot' | 'cpu';

const KINDS: Record<number, Kind> = {
  [CLOCK.REALTIME]: 'wall',
  [CLOCK.REALTIME_COARSE]: 'wall',
  [CLOCK.REALTIME_ALARM]: 'wall',
  [CLOCK.TAI]: 'wall',
  [CLOCK.MONOTONIC]: 'boot',
  [CLOCK.MONOTONIC_RAW]: 'boot',
  [CLOCK.MONOTONIC_COARSE]: 'boot',
  [CLOCK.BOOTTIME]: 'boot',
  [CLOCK.BOOTTIME_ALARM]: 'boot',
  [CLOCK.PROCESS_CPUTIME_ID]: 'cpu',
  [CLOCK.THREAD_CPUTIME_ID]: 'cpu',
};

export class Clocks {
  private readonly hostStart = process.hrtime.bigint();
  private readonly wallStart = BigInt(Date.now()) * 1_000_000n;
  private readonly cpuStart = process.cpuUsage();

  constructor(
    private readonly real: boolean,
    /** Instructions retired so far. */
    private readonly instructions: () => number,
  ) {}

  /** Nanoseconds on clock id, or null for a clock that does not exist. */
  read(id: number): bigint | null {
    const kind = KINDS[id];
    if (kind === undefined) return null;
    if (!this.real) {
      const t = BigInt(this.instructions());
      return kind === 'wall' ? SIMULATED_EPOCH * NS + t : t;
    }
    const elapsed = process.hrtime.bigint() - this.hostStart;
    if (kind === 'wall') return this.wallStart + elapsed;
    if (kind === 'boot') return elapsed;
    const u = process.cpuUsage(this.cpuStart);
    return BigInt(u.user + u.system) * 1000n;
  }

  /** Resolution of clock id in nanoseconds, or null for a clock that does not exist. */
  resolution(id: number): bigint | null {
    return KINDS[id] === undefined ? null : 1n;
  }
}

/** Seconds and the remaining nanoseconds. */
export function split(ns: bigint): [bigint, bigint] {
  return [ns / NS, ns % NS];
}
