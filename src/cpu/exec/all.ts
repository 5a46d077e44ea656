// Every instruction family registers its semantic functions on import.

import './alu.js';
import './bitfield.js';
import './branch.js';
import './compare.js';
import './extend.js';
import './fp-approx.js';
import './fp-arith.js';
import './fp-compare.js';
import './fp-memory.js';
import './fp-misc.js';
import './fp-transfer.js';
import './frame.js';
import './hierarchy.js';
import './imove.js';
import './memory.js';
import './misc.js';
import './multimedia.js';
import './parallel.js';
import './semaphore.js';
import './shift.js';
import './speculation.js';
import './tbit.js';
import './system-cr.js';
import './system-psr.js';
import './system-tlb.js';
