// Firmware personalities: what SetVirtualAddressMap converts and what a
// second call does. The three built-in ones reproduce the table states of
// the 2008 kexec report; vendors describe their own in JSON (the format is
// in docs/firmware-profiles.md).

import { readFileSync } from 'node:fs';
import { EfiStatus, isServiceName, RUNTIME_SERVICES, ServiceName, statusByName, statusName } from './spec.js';

/** Which parts of one runtime service move to virtual addresses. */
export interface ServiceConversion {
  /** The runtime services table's pointer to the function descriptor. */
  readonly pointer: boolean;
  /** The descriptor's entry point. */
  readonly entry: boolean;
  /** The descriptor's gp. */
  readonly gp: boolean;
}

export interface SystemTableConversion {
  readonly runtimeServices: boolean;
  readonly firmwareVendor: boolean;
  readonly configurationTable: boolean;
  /** Each configuration table entry's VendorTable pointer. */
  readonly vendorTables: boolean;
}

export type SecondCall =
  | { readonly action: 'succeed' }
  | { readonly action: 'status'; readonly status: bigint }
  /** Load from address in physical mode; absent, the runtime table's virtual address. */
  | { readonly action: 'fault'; readonly address?: bigint };

export interface Personality {
  readonly name: string;
  readonly description: string;
  readonly systemTable: SystemTableConversion;
  readonly services: Readonly<Record<ServiceName, ServiceConversion>>;
  readonly secondCall: SecondCall;
}

const ALL: ServiceConversion = { pointer: true, entry: true, gp: true };
const NONE: ServiceConversion = { pointer: false, entry: false, gp: false };

function services(dflt: ServiceConversion, except: Partial<Record<ServiceName, ServiceConversion>> = {}): Record<ServiceName, ServiceConversion> {
  return Object.fromEntries(RUNTIME_SERVICES.map((s) => [s, except[s] ?? dflt])) as Record<ServiceName, ServiceConversion>;
}

const legacy: Personality = {
  name: 'legacy',
  description: 'converts every runtime pointer, SetVirtualAddressMap\'s own included; a second call runs in physical mode on virtual pointers and takes an MCA',
  systemTable: { runtimeServices: true, firmwareVendor: true, configurationTable: true, vendorTables: true },
  services: services(ALL),
  secondCall: { action: 'fault' },
};

const tiano: Personality = {
  name: 'tiano',
  description: 'as EDK/Tiano\'s runtime driver: SetVirtualAddressMap and ConvertPointer stay physical, the other services move; a second call succeeds without converting',
  systemTable: { runtimeServices: true, firmwareVendor: true, configurationTable: true, vendorTables: false },
  services: services(ALL, { SetVirtualAddressMap: NONE, ConvertPointer: NONE }),
  secondCall: { action: 'succeed' },
};

const spec: Personality = {
  ...tiano,
  name: 'spec',
  description: 'as tiano, and a second SetVirtualAddressMap call returns EFI_UNSUPPORTED as the EFI specification says',
  secondCall: { action: 'status', status: EfiStatus.UNSUPPORTED },
};

export const BUILTIN_PERSONALITIES: Readonly<Record<string, Personality>> = { legacy, tiano, spec };

export class PersonalityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PersonalityError';
  }
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Checks one JSON document, naming the file and key path of the first problem. */
class Checker {
  constructor(private readonly file: string) {}

  fail(path: string, msg: string): never {
    throw new PersonalityError(`${this.file}: ${path || '(top level)'}: ${msg}`);
  }

  object(v: Json | undefined, path: string, required: readonly string[], optional: readonly string[] = []): Record<string, Json> {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) this.fail(path, `must be an object (got ${describe(v)})`);
    const o = v as Record<string, Json>;
    for (const k of Object.keys(o)) {
      if (!required.includes(k) && !optional.includes(k)) {
        this.fail(join(path, k), `unknown key; expected one of ${[...required, ...optional].join(', ')}`);
      }
    }
    for (const k of required) if (!(k in o)) this.fail(join(path, k), 'is missing');
    return o;
  }

  boolean(v: Json, path: string): boolean {
    if (typeof v !== 'boolean') this.fail(path, `must be true or false (got ${describe(v)})`);
    return v;
  }

  string(v: Json, path: string, maxLength = 200): string {
    if (typeof v !== 'string') this.fail(path, `must be a string (got ${describe(v)})`);
    if (v.length > maxLength) this.fail(path, `must be at most ${maxLength} characters`);
    return v;
  }

  /** A 64-bit value: "0x..." hex or decimal digits in a string (JSON numbers cannot hold 64 bits). */
  u64(v: Json, path: string): bigint {
    const s = this.string(v, path);
    if (!/^(0x[0-9a-f]{1,16}|[0-9]{1,20})$/i.test(s)) this.fail(path, `must be a 64-bit number written as a string, e.g. "0x8000000000000003" (got ${JSON.stringify(s)})`);
    const n = BigInt(s);
    if (n >= 1n << 64n) this.fail(path, `${s} does not fit in 64 bits`);
    return n;
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function describe(v: Json | undefined): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'string' ? JSON.stringify(v) : typeof v === 'object' ? 'an object' : String(v);
}

const CONVERSION_KEYS = ['pointer', 'entry', 'gp'] as const;
const SYSTEM_TABLE_KEYS = ['runtimeServices', 'firmwareVendor', 'configurationTable', 'vendorTables'] as const;

function parseConversion(c: Checker, v: Json, path: string, base: ServiceConversion | null): ServiceConversion {
  const o = c.object(v, path, base ? [] : CONVERSION_KEYS, base ? CONVERSION_KEYS : []);
  const pick = (k: (typeof CONVERSION_KEYS)[number]) => (k in o ? c.boolean(o[k], join(path, k)) : base![k]);
  return { pointer: pick('pointer'), entry: pick('entry'), gp: pick('gp') };
}

function parseSecondCall(c: Checker, v: Json, path: string): SecondCall {
  const head = c.object(v, path, ['action'], ['status', 'address']);
  const action = c.string(head.action, join(path, 'action'));
  switch (action) {
    case 'succeed':
      c.object(v, path, ['action']);
      return { action };
    case 'status': {
      const o = c.object(v, path, ['action', 'status']);
      const p = join(path, 'status');
      const text = c.string(o.status, p);
      const status = statusByName(text) ?? (/^(0x)?[0-9a-f]+$/i.test(text) ? c.u64(o.status, p) : undefined);
      if (status === undefined) c.fail(p, `must be an EFI status name such as "EFI_UNSUPPORTED" or a number string such as "0x8000000000000003" (got ${JSON.stringify(text)})`);
      return { action, status };
    }
    case 'fault': {
      const o = c.object(v, path, ['action'], ['address']);
      return 'address' in o ? { action, address: c.u64(o.address, join(path, 'address')) } : { action };
    }
    default:
      return c.fail(join(path, 'action'), `must be "succeed", "status" or "fault" (got ${JSON.stringify(action)})`);
  }
}

/** A personality from a parsed JSON document; file names the source in errors. */
export function personalityFromJson(doc: unknown, file: string): Personality {
  const c = new Checker(file);
  const o = c.object(doc as Json, '', ['name', 'systemTable', 'services', 'secondCall'], ['description']);
  const name = c.string(o.name, 'name', 64);
  if (!/^[\w.+-]+$/.test(name)) c.fail('name', `must be letters, digits and . _ + - (got ${JSON.stringify(name)})`);
  const description = 'description' in o ? c.string(o.description, 'description', 1000) : '';
  const st = c.object(o.systemTable, 'systemTable', SYSTEM_TABLE_KEYS);
  const systemTable = Object.fromEntries(SYSTEM_TABLE_KEYS.map((k) => [k, c.boolean(st[k], `systemTable.${k}`)])) as unknown as SystemTableConversion;
  const sv = c.object(o.services, 'services', ['default'], RUNTIME_SERVICES);
  const dflt = parseConversion(c, sv.default, 'services.default', null);
  const except: Partial<Record<ServiceName, ServiceConversion>> = {};
  for (const k of Object.keys(sv)) {
    if (k !== 'default' && isServiceName(k)) except[k] = parseConversion(c, sv[k], `services.${k}`, dflt);
  }
  return { name, description, systemTable, services: services(dflt, except), secondCall: parseSecondCall(c, o.secondCall, 'secondCall') };
}

/** A built-in personality by name, or one read from a JSON file (any name ending in .json). */
export function loadPersonality(nameOrFile: string): Personality {
  const builtin = Object.prototype.hasOwnProperty.call(BUILTIN_PERSONALITIES, nameOrFile) ? BUILTIN_PERSONALITIES[nameOrFile] : undefined;
  if (builtin) return builtin;
  if (!nameOrFile.endsWith('.json')) {
    throw new PersonalityError(`unknown firmware personality ${JSON.stringify(nameOrFile)}: use ${Object.keys(BUILTIN_PERSONALITIES).join(', ')} or a .json file`);
  }
  let text: string;
  try {
    text = readFileSync(nameOrFile, 'utf8');
  } catch (e) {
    throw new PersonalityError(`${nameOrFile}: cannot read: ${(e as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new PersonalityError(`${nameOrFile}: not valid JSON: ${(e as Error).message}`);
  }
  return personalityFromJson(doc, nameOrFile);
}

/** The JSON form of a personality (what personalityFromJson reads back). */
export function personalityToJson(p: Personality): object {
  const second =
    p.secondCall.action === 'status'
      ? { action: 'status', status: statusName(p.secondCall.status) }
      : p.secondCall.action === 'fault' && p.secondCall.address !== undefined
        ? { action: 'fault', address: `0x${p.secondCall.address.toString(16)}` }
        : { action: p.secondCall.action };
  return {
    name: p.name,
    description: p.description,
    systemTable: p.systemTable,
    services: { default: p.services.GetTime, ...Object.fromEntries(RUNTIME_SERVICES.filter((s) => !sameConversion(p.services[s], p.services.GetTime)).map((s) => [s, p.services[s]])) },
    secondCall: second,
  };
}

function sameConversion(a: ServiceConversion, b: ServiceConversion): boolean {
  return a.pointer === b.pointer && a.entry === b.entry && a.gp === b.gp;
}
