// I-type instruction encodings (Vol. 3, Part I, chapter 4).

import { defineRows, FormatFields, Row } from '../table.js';

/** Field layouts of the I-unit formats: name -> [position, length]. */
const FORMATS: Record<string, FormatFields> = {};

const ROWS: Row[] = [];

export const I_ROWS = defineRows('I', FORMATS, ROWS);
