// EFI_TIME and EFI_TIME_CAPABILITIES. The clock does not run: GetTime
// always reports the last time set, so runs are reproducible.

export interface EfiTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly nanosecond: number;
  /** Minutes from UTC, or UNSPECIFIED_TIMEZONE. */
  readonly timeZone: number;
  readonly daylight: number;
}

export const UNSPECIFIED_TIMEZONE = 0x07ff;
export const EFI_TIME_SIZE = 16;
export const CAPABILITIES_SIZE = 12;

/** The clock at power-on: the day of the kexec report on Tiano firmware. */
export const INITIAL_TIME: EfiTime = {
  year: 2008, month: 9, day: 11, hour: 16, minute: 23, second: 58, nanosecond: 0, timeZone: UNSPECIFIED_TIMEZONE, daylight: 0,
};

export function encodeTime(t: EfiTime): Uint8Array {
  const out = new Uint8Array(EFI_TIME_SIZE);
  const dv = new DataView(out.buffer);
  dv.setUint16(0, t.year, true);
  out.set([t.month, t.day, t.hour, t.minute, t.second], 2);
  dv.setUint32(8, t.nanosecond, true);
  dv.setInt16(12, t.timeZone, true);
  out[14] = t.daylight;
  return out;
}

export function decodeTime(b: Uint8Array): EfiTime {
  const dv = new DataView(b.buffer, b.byteOffset, EFI_TIME_SIZE);
  return {
    year: dv.getUint16(0, true),
    month: b[2],
    day: b[3],
    hour: b[4],
    minute: b[5],
    second: b[6],
    nanosecond: dv.getUint32(8, true),
    timeZone: dv.getInt16(12, true),
    daylight: b[14],
  };
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The ranges the specification gives for each EFI_TIME field. */
export function validTime(t: EfiTime): boolean {
  return (
    t.year >= 1900 && t.year <= 9999 &&
    t.month >= 1 && t.month <= 12 &&
    t.day >= 1 && t.day <= daysIn(t.year, t.month) &&
    t.hour <= 23 && t.minute <= 59 && t.second <= 59 &&
    t.nanosecond <= 999_999_999 &&
    ((t.timeZone >= -1440 && t.timeZone <= 1440) || t.timeZone === UNSPECIFIED_TIMEZONE) &&
    (t.daylight & ~3) === 0
  );
}

/** A PC-AT style clock: 1 count per second, 50 ppm, not cleared by SetTime. */
export function encodeCapabilities(): Uint8Array {
  const out = new Uint8Array(CAPABILITIES_SIZE);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, 1, true);
  dv.setUint32(4, 50_000_000, true);
  out[8] = 0;
  return out;
}
