/* int_div with gcc's minimum-latency inline integer division sequences. */
/* ia64-cflags: -minline-int-divide-min-latency */
#include "int_div.c"
