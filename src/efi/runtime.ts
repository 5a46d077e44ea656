// The runtime services other than SetVirtualAddressMap and ConvertPointer:
// the clock, the variable store, the monotonic counter, ResetSystem and the
// UEFI 2.0 capsule and variable-info calls, with the specification's
// parameter checks. Every handler reads all of its inputs before it stages
// any output, so a translation fault leaves nothing half done.

import type { CallContext, Handler } from './call.js';
import { EfiStatus, guidBytes, guidText, RESET_TYPES, ServiceName, statusName, VariableAttr } from './spec.js';
import { decodeTime, EfiTime, EFI_TIME_SIZE, encodeCapabilities, encodeTime, INITIAL_TIME, validTime } from './time.js';
import { EfiVariable, MAX_VARIABLE_SIZE, VARIABLE_STORE_SIZE, VariableStore } from './variables.js';
import { ucs2Bytes } from './guest.js';

/** Longest variable name read from the caller, in characters. */
export const MAX_NAME_CHARS = 512;
/** Longest ResetData string kept for the report, in characters. */
const MAX_RESET_TEXT = 256;

export interface ResetRecord {
  readonly type: number;
  /** EfiResetCold ... EfiResetPlatformSpecific, or "type N". */
  readonly typeName: string;
  readonly status: bigint;
  /** The NUL-terminated string at the start of ResetData, when there is one. */
  readonly text?: string;
  readonly insnCount: number;
}

export class RuntimeState {
  time: EfiTime = INITIAL_TIME;
  highCount = 0;
  reset: ResetRecord | null = null;
  readonly variables: VariableStore;

  constructor(variables: readonly EfiVariable[] = []) {
    this.variables = new VariableStore(variables);
  }
}

const { SUCCESS, INVALID_PARAMETER, UNSUPPORTED, NOT_FOUND, BUFFER_TOO_SMALL } = EfiStatus;

function u32(v: bigint): number {
  return Number(v & 0xffffffffn);
}

function getTime(s: RuntimeState, { args: [time, caps], mem }: CallContext): bigint {
  if (!time) return INVALID_PARAMETER;
  mem.stage(time, encodeTime(s.time));
  if (caps) mem.stage(caps, encodeCapabilities());
  mem.commit();
  return SUCCESS;
}

function setTime(s: RuntimeState, { args: [time], mem, notes }: CallContext): bigint {
  if (!time) return INVALID_PARAMETER;
  const t = decodeTime(mem.read(time, EFI_TIME_SIZE));
  if (!validTime(t)) return INVALID_PARAMETER;
  s.time = t;
  notes.push(`${t.year}-${t.month}-${t.day} ${t.hour}:${t.minute}:${t.second}`);
  return SUCCESS;
}

/** The variable name and vendor GUID a call names, or null when either is unusable. */
function variableId(mem: CallContext['mem'], name: bigint, guid: bigint, maxChars = MAX_NAME_CHARS): { name: string; guid: string } | null {
  if (!name || !guid) return null;
  const n = mem.ucs2(name, maxChars);
  return n === null ? null : { name: n, guid: guidText(mem.read(guid, 16)) };
}

function getVariable(s: RuntimeState, { args: [name, guid, attrs, dataSize, data], mem, notes }: CallContext): bigint {
  const id = variableId(mem, name, guid);
  if (!id || !dataSize) return INVALID_PARAMETER;
  notes.push(`"${id.name}" ${id.guid}`);
  const v = s.variables.get(id.name, id.guid);
  if (!v) return NOT_FOUND;
  const room = mem.u64(dataSize);
  if (room >= BigInt(v.data.length) && !data) return INVALID_PARAMETER;
  if (attrs) mem.stageU32(attrs, v.attributes);
  mem.stageU64(dataSize, BigInt(v.data.length));
  if (room < BigInt(v.data.length)) {
    mem.commit();
    return BUFFER_TOO_SMALL;
  }
  mem.stage(data, v.data);
  mem.commit();
  return SUCCESS;
}

function getNextVariableName(s: RuntimeState, { args: [nameSize, name, guid], mem, notes }: CallContext): bigint {
  if (!nameSize || !name || !guid) return INVALID_PARAMETER;
  const size = mem.u64(nameSize);
  // The current name must end within the buffer the caller describes.
  const id = size >= 2n ? variableId(mem, name, guid, Math.min(Number(size / 2n) - 1, MAX_NAME_CHARS)) : null;
  if (!id) return INVALID_PARAMETER;
  const { status, next } = s.variables.next(id.name, id.guid);
  if (!next) return status;
  notes.push(`"${next.name}" ${next.guid}`);
  const bytes = ucs2Bytes(next.name);
  mem.stageU64(nameSize, BigInt(bytes.length));
  if (size < BigInt(bytes.length)) {
    mem.commit();
    return BUFFER_TOO_SMALL;
  }
  mem.stage(name, bytes);
  mem.stage(guid, guidBytes(next.guid));
  mem.commit();
  return SUCCESS;
}

function setVariable(s: RuntimeState, { args: [name, guid, attrs, dataSize, data], mem, notes }: CallContext): bigint {
  const id = variableId(mem, name, guid);
  if (!id || id.name === '' || (dataSize && !data) || dataSize > BigInt(MAX_VARIABLE_SIZE)) return INVALID_PARAMETER;
  notes.push(`"${id.name}" ${id.guid}, ${dataSize} bytes`);
  const bytes = dataSize ? mem.read(data, Number(dataSize)) : new Uint8Array(0);
  return s.variables.set(id.name, id.guid, u32(attrs), bytes);
}

function queryVariableInfo(s: RuntimeState, { args: [attrs, maxStorage, remaining, maxSize], mem }: CallContext): bigint {
  const a = u32(attrs);
  if (!maxStorage || !remaining || !maxSize) return INVALID_PARAMETER;
  if (a & ~(VariableAttr.NON_VOLATILE | VariableAttr.BOOTSERVICE_ACCESS | VariableAttr.RUNTIME_ACCESS)) return UNSUPPORTED;
  if (!(a & VariableAttr.RUNTIME_ACCESS) || !(a & VariableAttr.BOOTSERVICE_ACCESS)) return INVALID_PARAMETER;
  mem.stageU64(maxStorage, BigInt(VARIABLE_STORE_SIZE));
  mem.stageU64(remaining, BigInt(VARIABLE_STORE_SIZE - s.variables.used()));
  mem.stageU64(maxSize, BigInt(MAX_VARIABLE_SIZE));
  mem.commit();
  return SUCCESS;
}

function getNextHighMonotonicCount(s: RuntimeState, { args: [high], mem, notes }: CallContext): bigint {
  if (!high) return INVALID_PARAMETER;
  const next = (s.highCount + 1) >>> 0;
  mem.stageU32(high, next);
  mem.commit();
  s.highCount = next;
  notes.push(`high count ${next}`);
  return SUCCESS;
}

/** Stops the machine; the record says how, for the run report. */
function resetSystem(s: RuntimeState, { args: [type, status, dataSize, data], mem, cpu, notes }: CallContext): null {
  let text: string | undefined;
  if (data && dataSize >= 2n) {
    const chars = Math.min(Number(dataSize / 2n), MAX_RESET_TEXT);
    const raw = mem.read(data, 2 * chars);
    text = '';
    for (let k = 0; k < chars; k++) {
      const ch = raw[2 * k] | (raw[2 * k + 1] << 8);
      if (ch === 0) break;
      text += String.fromCharCode(ch);
    }
  }
  const t = u32(type);
  const typeName = RESET_TYPES[t] ?? `type ${t}`;
  s.reset = { type: t, typeName, status, text, insnCount: cpu.insnCount };
  notes.push(`${typeName}, status ${statusName(status)}${text ? `, "${text}"` : ''}`);
  cpu.halted = true;
  return null;
}

const unsupported = (): bigint => UNSUPPORTED;

/** Handlers for every service but the two that SetVirtualAddressMap's module provides. */
export function runtimeHandlers(s: RuntimeState): Record<Exclude<ServiceName, 'SetVirtualAddressMap' | 'ConvertPointer'>, Handler> {
  return {
    GetTime: (c) => getTime(s, c),
    SetTime: (c) => setTime(s, c),
    GetWakeupTime: unsupported,
    SetWakeupTime: unsupported,
    GetVariable: (c) => getVariable(s, c),
    GetNextVariableName: (c) => getNextVariableName(s, c),
    SetVariable: (c) => setVariable(s, c),
    GetNextHighMonotonicCount: (c) => getNextHighMonotonicCount(s, c),
    ResetSystem: (c) => resetSystem(s, c),
    UpdateCapsule: unsupported,
    QueryCapsuleCapabilities: unsupported,
    QueryVariableInfo: (c) => queryVariableInfo(s, c),
  };
}
