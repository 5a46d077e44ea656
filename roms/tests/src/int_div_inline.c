/* int_div with gcc's inline integer division (frcpa and Newton-Raphson
 * steps in the FP unit, scheduled for throughput) instead of libgcc calls. */
/* ia64-cflags: -minline-int-divide-max-throughput */
#include "int_div.c"
