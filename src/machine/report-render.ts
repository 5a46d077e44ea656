// A FaultReport as one screen of aligned text, and as a JSON object with
// every address and register value a "0x..." string.

import type { FaultReport, ModeReport, Translation } from './mca-report.js';
import type { NamedValue, RegisterSnapshot } from './report-registers.js';

const hex = (v: bigint | number) => '0x' + v.toString(16);
const hex16 = (v: bigint) => v.toString(16).padStart(16, '0');
const LABEL = 13;

function pageSize(ps: number): string {
  return ps >= 30 ? `${2 ** (ps - 30)} GiB` : ps >= 20 ? `${2 ** (ps - 20)} MiB` : `${2 ** (ps - 10)} KiB`;
}

function translationText(t: Translation): string {
  const ma = t.ma ? `, ${t.ma}` : '';
  const rid = t.rid === undefined ? '' : `, rid ${hex(t.rid)}`;
  return `${t.source}: page ${hex(t.vpage)} -> ${hex(t.ppage)} (${pageSize(t.ps)}${ma}${rid})`;
}

function modeText(m: ModeReport): string {
  if (!m.virtual) return 'physical';
  if (m.va === null) return 'virtual (the virtual address cannot be told)';
  const t = m.translation ? translationText(m.translation) : 'no translation known';
  return `virtual: va ${hex(m.va)} (from ${m.vaFrom}), region ${m.region}; ${t}`;
}

/** Registers in columns: "name value" with a '*' after a NaT value. */
function grid(items: readonly (NamedValue & { nat?: boolean })[], perRow: number, width: number): string[] {
  const rows: string[] = [];
  for (let i = 0; i < items.length; i += perRow) {
    const cells = items.slice(i, i + perRow).map((r) => `${r.name.padEnd(width)} ${hex16(r.value)}${r.nat ? '*' : ' '}`);
    rows.push('  ' + cells.join(' ').trimEnd());
  }
  return rows;
}

function registerLines(r: RegisterSnapshot): string[] {
  const named = (pairs: [string, bigint][]) => pairs.map(([name, value]) => ({ name, value }));
  const statics = r.gr.slice(0, 31);
  const stacked = r.gr.slice(31);
  return [
    'Registers (* marks a NaT)',
    ...grid(named([['ip', r.ip], ['psr', r.psr], ['cfm', r.cfm], ['pfs', r.pfs]]), 4, 4),
    ...grid(named([['pr', r.pr]]), 4, 4),
    ...grid(r.br.map((value, i) => ({ name: `b${i}`, value })), 4, 4),
    ...grid(statics, 4, 4),
    ...(stacked.length ? [`  stacked: sof ${r.sof}, sol ${r.sol}`, ...grid(stacked, 4, 4)] : []),
    ...grid(r.ar, 3, 11),
  ];
}

export function reportText(r: FaultReport): string {
  const row = (label: string, text: string) => `  ${label.padEnd(LABEL)}${text}`;
  const out = [r.title, ''];
  if (r.interruption) {
    const i = r.interruption;
    const ifa = i.ifa === null ? '' : `, ifa ${hex(i.ifa)}`;
    out.push(row('interruption', `${i.name} (vector ${hex(i.vector)}), isr ${hex(i.isr)}${ifa}`));
  }
  if (r.kind === 'machine-check') {
    const attr = r.uncached ? 'uncached' : 'cached';
    out.push(row('access', `${r.access} of ${r.size} byte${r.size === 1 ? '' : 's'} at physical ${hex(r.address!)}, ${attr}`));
    out.push(row('platform', r.reason ?? 'nothing backs this address'));
  } else if (r.access) {
    out.push(row('access', `${r.access} at ${hex(r.address!)}`));
  }
  const at = r.slot === null ? 'instruction fetch' : `slot ${r.slot}`;
  out.push(row('instruction', `ip ${hex(r.ip)} ${at}${r.symbol ? ` <${r.symbol}>` : ''}`));
  for (const l of r.bundle) out.push(row('', l.text.padEnd(40) + (l.slot === r.slot ? ` <-- slot ${l.slot}` : '')).trimEnd());
  out.push(row('mode', modeText(r.mode)), '', ...registerLines(r.registers), '');
  out.push('Call chain (heuristic: b0 and stacked registers that point at known code)');
  for (const l of r.callChain) out.push(`  ${hex16(l.address)}  ${(l.symbol ?? '?').padEnd(32)} ${l.source}`);
  return out.join('\n') + '\n';
}

function modeJson(m: ModeReport): object {
  if (!m.virtual) return { name: 'physical' };
  const t = m.translation;
  return {
    name: 'virtual',
    va: m.va === null ? null : hex(m.va),
    vaFrom: m.vaFrom,
    region: m.region,
    translation: t ? { ...t, vpage: hex(t.vpage), ppage: hex(t.ppage) } : null,
  };
}

function registersJson(r: RegisterSnapshot): object {
  const values = (list: readonly NamedValue[]) => Object.fromEntries(list.map((v) => [v.name, hex(v.value)]));
  return {
    ip: hex(r.ip),
    psr: hex(r.psr),
    cfm: hex(r.cfm),
    pfs: hex(r.pfs),
    pr: hex(r.pr),
    br: Object.fromEntries(r.br.map((v, i) => [`b${i}`, hex(v)])),
    gr: values(r.gr),
    nat: r.gr.filter((g) => g.nat).map((g) => g.name),
    sof: r.sof,
    sol: r.sol,
    ar: values(r.ar),
  };
}

export function reportJson(r: FaultReport): Record<string, unknown> {
  const i = r.interruption;
  return {
    kind: r.kind,
    title: r.title,
    address: r.address === null ? null : hex(r.address),
    size: r.size,
    access: r.access,
    uncached: r.uncached,
    reason: r.reason,
    interruption: i && { name: i.name, vector: hex(i.vector), isr: hex(i.isr), ifa: i.ifa === null ? null : hex(i.ifa) },
    ip: hex(r.ip),
    slot: r.slot,
    instruction: r.instruction,
    bundle: r.bundle.map((l) => l.text),
    symbol: r.symbol,
    mode: modeJson(r.mode),
    registers: registersJson(r.registers),
    callChain: r.callChain.map((l) => ({ address: hex(l.address), symbol: l.symbol, source: l.source })),
  };
}
