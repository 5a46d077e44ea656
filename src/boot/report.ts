// The report of a boot run, as text for a person and as one JSON object for
// CI (addresses as "0x..." strings).

import { formatCall } from '../efi/call.js';
import { reportJson, reportText } from '../machine/report-render.js';
import type { BootResult } from './boot.js';

const hex = (v: bigint) => `0x${v.toString(16)}`;

export interface ReportOptions {
  /** Include the kexec-tools 2.0.25 compatibility section. */
  readonly kexecCompat?: boolean;
}

function kexecLines(r: BootResult): string[] {
  const { kexecRefused, kexecMisapplied } = r.plan;
  const fmt = (l: readonly { name: string; count: number }[]) => l.map((t) => `${t.name} (${t.count})`).join(', ');
  return [
    'kexec-tools 2.0.25 compatibility:',
    kexecRefused.length ? `  it would refuse this purgatory: ${fmt(kexecRefused)}` : '  it would load this purgatory',
    ...(kexecMisapplied.length ? [`  it would apply these wrongly: ${fmt(kexecMisapplied)}`] : []),
  ];
}

export function bootReportText(r: BootResult, o: ReportOptions = {}): string {
  const lines = [
    `purgatory ${r.purgatory}, kernel ${r.kernel}, firmware ${r.firmware}`,
    `outcome: ${r.outcome}: ${r.summary}`,
  ];
  if (r.checks.length) {
    lines.push('', 'boot state at the kernel entry:');
    const w = Math.max(...r.checks.map((c) => c.name.length));
    for (const c of r.checks) lines.push(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name.padEnd(w)}  ${c.detail}`);
  }
  if (r.fault) lines.push('', reportText(r.fault).trimEnd());
  const screen = r.console.vga.filter((l) => l.length);
  if (screen.length) lines.push('', 'VGA console:', ...r.console.vga.slice(0, r.console.vga.map((l) => l.length > 0).lastIndexOf(true) + 1).map((l) => `  | ${l}`));
  if (r.console.serial.length) lines.push('', 'serial console:', ...r.console.serial.replace(/\n$/, '').split('\n').map((l) => `  | ${l}`));
  if (r.firmwareCalls.length) lines.push('', 'firmware calls:', ...r.firmwareCalls.map((c) => `  ${formatCall(c)}`));
  lines.push(
    '',
    `loader: purgatory entry ${hex(r.plan.purgatoryEntry)} (gp ${hex(r.plan.gp)}), kernel entry ${hex(r.kernelEntry)}`,
    ...r.plan.segments.map((s) => `  ${s.what.padEnd(12)} ${hex(s.paddr).padStart(12)}  ${s.memsz} bytes`),
  );
  if (o.kexecCompat) lines.push('', ...kexecLines(r));
  lines.push('', `${r.instructions} instructions`);
  return lines.join('\n') + '\n';
}

export function bootReportJson(r: BootResult): Record<string, unknown> {
  return {
    outcome: r.outcome,
    exitStatus: r.exitStatus,
    summary: r.summary,
    instructions: r.instructions,
    purgatory: r.purgatory,
    kernel: r.kernel,
    firmware: r.firmware,
    kernelEntry: hex(r.kernelEntry),
    checks: r.checks,
    mca: r.outcome === 'mca' && r.fault ? reportJson(r.fault) : null,
    fault: r.outcome !== 'mca' && r.fault ? reportJson(r.fault) : null,
    console: { vga: r.console.vga, serial: r.console.serial },
    firmwareCalls: r.firmwareCalls.map((c) => ({
      seq: c.seq,
      service: c.service,
      args: c.args.map(hex),
      status: c.status === null ? null : hex(c.status),
      mode: c.mode,
      instructions: c.insnCount,
      origin: c.origin,
      notes: c.notes,
      text: formatCall(c),
    })),
    reset: r.reset && { type: r.reset.typeName, status: hex(r.reset.status), text: r.reset.text ?? null, instructions: r.reset.insnCount },
    loader: {
      purgatoryEntry: hex(r.plan.purgatoryEntry),
      gp: hex(r.plan.gp),
      segments: r.plan.segments.map((s) => ({ what: s.what, paddr: hex(s.paddr), size: Number(s.memsz) })),
      relocations: r.plan.relocations,
      kexecRefused: r.plan.kexecRefused,
      kexecMisapplied: r.plan.kexecMisapplied,
    },
  };
}
