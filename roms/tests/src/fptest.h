/* Helpers shared by the floating point tests. */
#ifndef FPTEST_H
#define FPTEST_H
#include "rt.h"

/* NaN results print as "nan": which payload and sign an operation on
 * NaN operands yields is implementation-specific, so only the class is
 * compared. Everything else prints as its exact bit pattern. */
static inline void hex32(float v)
{
	if (v != v)
		rt_printf("     nan ");
	else
		rt_printf("%08x ", rt_f32_bits(v));
}

static inline void hex64(double v)
{
	if (v != v)
		rt_printf("             nan ");
	else
		rt_printf("%016lx ", rt_f64_bits(v));
}

static inline void hex80(long double v)
{
	union rt_f80 c;

	if (v != v) {
		rt_printf("                 nan ");
		return;
	}
	c.f = v;
	rt_printf("%04x%016lx ", c.p.sexp, c.p.mant);
}

static inline float inf32(void) { return rt_f32_from(0x7f800000); }
static inline double inf64(void) { return rt_f64_from(0x7ff0000000000000ULL); }
static inline long double inf80(void) { return rt_f80_from(0x7fff, 0x8000000000000000ULL); }
#endif
