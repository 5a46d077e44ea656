// M-type instruction encodings (Vol. 3, Part I, chapter 4): major opcodes
// 0-7 of an M slot. Opcodes 2 and 3 are unused; 8 and above are A-type.

import { defineRows } from '../table.js';
import { M_FORMATS } from './m-formats.js';
import { M_MEMORY_ROWS } from './m-memory.js';
import { M_SYSTEM_ROWS } from './m-system.js';

export const M_ROWS = defineRows('M', M_FORMATS, [...M_SYSTEM_ROWS, ...M_MEMORY_ROWS]);
