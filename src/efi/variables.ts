// The variable store behind GetVariable, GetNextVariableName, SetVariable
// and QueryVariableInfo, with the rules that hold after ExitBootServices:
// only variables with runtime access are visible, and only non-volatile
// runtime variables can be written.

import { EfiStatus, VariableAttr } from './spec.js';

export interface EfiVariable {
  readonly name: string;
  /** Vendor GUID in text form, lower case. */
  readonly guid: string;
  readonly attributes: number;
  readonly data: Uint8Array;
}

const { NON_VOLATILE, BOOTSERVICE_ACCESS, RUNTIME_ACCESS } = VariableAttr;
const KNOWN_ATTRS = NON_VOLATILE | BOOTSERVICE_ACCESS | RUNTIME_ACCESS;

/** Storage the firmware reports through QueryVariableInfo and enforces. */
export const VARIABLE_STORE_SIZE = 0x10000;
export const MAX_VARIABLE_SIZE = 0x8000;

export class VariableStore {
  /** Insertion order is the enumeration order. */
  private readonly vars = new Map<string, EfiVariable>();

  constructor(initial: readonly EfiVariable[] = []) {
    for (const v of initial) this.vars.set(key(v.name, v.guid), { ...v, guid: v.guid.toLowerCase() });
  }

  /** A runtime-visible variable. */
  get(name: string, guid: string): EfiVariable | undefined {
    const v = this.vars.get(key(name, guid));
    return v && v.attributes & RUNTIME_ACCESS ? v : undefined;
  }

  /** The runtime-visible variable after (name, guid), or the first for name "". */
  next(name: string, guid: string): { status: bigint; next?: EfiVariable } {
    const visible = [...this.vars.values()].filter((v) => v.attributes & RUNTIME_ACCESS);
    let k = 0;
    if (name !== '') {
      k = visible.findIndex((v) => v.name === name && v.guid === guid.toLowerCase()) + 1;
      if (k === 0) return { status: EfiStatus.INVALID_PARAMETER };
    }
    return k < visible.length ? { status: EfiStatus.SUCCESS, next: visible[k] } : { status: EfiStatus.NOT_FOUND };
  }

  /** SetVariable: data of length 0 (or no access attributes) deletes. */
  set(name: string, guid: string, attributes: number, data: Uint8Array): bigint {
    if (attributes & ~KNOWN_ATTRS) return EfiStatus.UNSUPPORTED;
    if (attributes & RUNTIME_ACCESS && !(attributes & BOOTSERVICE_ACCESS)) return EfiStatus.INVALID_PARAMETER;
    const k = key(name, guid);
    const old = this.vars.get(k);
    const visibleOld = old && old.attributes & RUNTIME_ACCESS ? old : undefined;
    if (data.length === 0 || !(attributes & (BOOTSERVICE_ACCESS | RUNTIME_ACCESS))) {
      if (!visibleOld) return EfiStatus.NOT_FOUND;
      this.vars.delete(k);
      return EfiStatus.SUCCESS;
    }
    if (!(attributes & RUNTIME_ACCESS) || !(attributes & NON_VOLATILE)) return EfiStatus.INVALID_PARAMETER;
    if (old && !visibleOld) return EfiStatus.WRITE_PROTECTED;
    if (old && old.attributes !== attributes) return EfiStatus.INVALID_PARAMETER;
    const size = entrySize(name, data.length);
    if (size > MAX_VARIABLE_SIZE) return EfiStatus.INVALID_PARAMETER;
    if (this.used() - (old ? entrySize(old.name, old.data.length) : 0) + size > VARIABLE_STORE_SIZE) return EfiStatus.OUT_OF_RESOURCES;
    this.vars.set(k, { name, guid: guid.toLowerCase(), attributes, data: data.slice() });
    return EfiStatus.SUCCESS;
  }

  /** Bytes taken: each variable's UCS-2 name with its NUL, and its data. */
  used(): number {
    let n = 0;
    for (const v of this.vars.values()) n += entrySize(v.name, v.data.length);
    return n;
  }

  all(): readonly EfiVariable[] {
    return [...this.vars.values()];
  }
}

function key(name: string, guid: string): string {
  return `${guid.toLowerCase()}/${name}`;
}

function entrySize(name: string, dataLength: number): number {
  return 2 * (name.length + 1) + dataLength;
}
