// break, nop and hint in every unit (Vol. 3, "break", "nop", "hint").

import { Interruption, Vector } from '../interruption.js';
import { registerSemantics } from './registry.js';

registerSemantics({
  formats: ['*'],
  make: (d) => {
    if (/^break(\.[mibfx])?$/.test(d.name)) {
      return (_c, i) => {
        throw new Interruption(Vector.BREAK_INSTRUCTION, `Break Instruction fault (immediate 0x${i.imm.toString(16)})`, {
          iim: i.imm,
        });
      };
    }
    // hint is executed as a nop: no implementation-specific hints are defined.
    if (/^(nop|hint)(\.[mibfx])?$/.test(d.name)) return () => {};
    return undefined;
  },
});
