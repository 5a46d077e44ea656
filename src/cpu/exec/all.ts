// Every instruction family registers its semantic functions on import.

import './alu.js';
import './branch.js';
import './frame.js';
import './misc.js';
