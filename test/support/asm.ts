// The assembler lives in src (firmware stubs use it); tests import it from here.
export { assemble, assembleBundle } from '../../src/cpu/asm/assemble.js';
