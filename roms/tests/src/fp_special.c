/* Infinities, signed zeros and NaNs: arithmetic rules, classification
 * (fclass on ia64), sign manipulation (fmerge), NaN payloads kept through
 * loads, stores and copies, and the default NaN of invalid operations. */
#include "fptest.h"

static volatile double zero = 0.0, one = 1.0, inf = 1.0 / 0.0;
static volatile float zerof = 0.0f, inff = 1.0f / 0.0f;
static volatile long double zerol = 0.0L, infl = 1.0L / 0.0L;
static volatile uint64_t snan_bits = 0x7ff0000000000001ULL, qnan_bits = 0xfff8000000000badULL;
static volatile uint32_t snan32_bits = 0x7f800001u;

#define CLASSIFY(x) \
	rt_printf("%d%d%d%d%d%d ", __builtin_isnan(x) != 0, __builtin_isinf(x) != 0, \
		  __builtin_isfinite(x) != 0, __builtin_isnormal(x) != 0, __builtin_signbit(x) != 0, \
		  __builtin_fpclassify(0, 1, 2, 3, 4, x))

static RT_NOINLINE double pass(double x) { return x; }
static RT_NOINLINE float passf(float x) { return x; }

int main(int argc, char **argv, char **envp)
{
	double nz = -zero, nan = zero / zero, vals[8];
	float nzf = -zerof;
	long double nzl = -zerol;
	volatile double copy;
	unsigned i;

	rt_printf("infinity arithmetic\n");
	hex64(inf + one);
	hex64(inf * -one);
	hex64(one / inf);
	hex64(-one / inf);
	hex64(inf + inf);
	hex64(inf * inf);
	hex64(one / zero);
	hex64(-one / zero);
	hex64(one / nz);
	rt_putc('\n');
	hex32(inff * 2);
	hex32(1 / inff);
	hex32(-1 / zerof);
	hex80(infl - 1e4000L);
	hex80(-1 / zerol);
	hex80(1 / nzl);
	rt_putc('\n');
	rt_printf("signed zeros\n");
	hex64(zero + nz);
	hex64(nz + nz);
	hex64(nz - zero);
	hex64(zero * -one);
	hex64(nz * nz);
	hex64(one - one);
	hex64(nz / one);
	hex32(nzf + nzf);
	hex32(nzf * zerof);
	hex80(nzl + nzl);
	hex80(nzl - nzl);
	rt_putc('\n');
	rt_printf("invalid operations give NaN\n");
	hex64(inf - inf);
	hex64(zero * inf);
	hex64(zero / zero);
	hex64(inf / inf);
	hex32(inff - inff);
	hex80(infl * zerol);
	hex80(zerol / zerol);
	rt_putc('\n');
	rt_printf("NaN propagates\n");
	hex64(nan + one);
	hex64(one * nan);
	hex64(nan / nan);
	hex64(nan - inf);
	rt_putc('\n');
	rt_printf("classification: nan inf finite normal sign class\n");
	vals[0] = zero; vals[1] = nz; vals[2] = one; vals[3] = -inf; vals[4] = nan;
	vals[5] = DBL_MIN; vals[6] = DBL_MIN / 8; vals[7] = -DBL_MAX;
	for (i = 0; i < 8; i++) {
		double x = vals[i];
		float xf = (float)x;
		long double xl = x;
		CLASSIFY(x);
		CLASSIFY(xf);
		CLASSIFY(xl);
		rt_putc('\n');
	}
	rt_printf("sign operations\n");
	hex64(__builtin_fabs(nz));
	hex64(__builtin_copysign(one, nz));
	hex64(__builtin_copysign(inf, -one));
	hex64(-zero);
	hex32(__builtin_fabsf(-inff));
	hex80(__builtin_copysignl(1.5L, nzl));
	hex80(__builtin_fabsl(-infl));
	rt_putc('\n');
	rt_printf("NaN payloads through loads, stores, moves and calls\n");
	copy = rt_f64_from(snan_bits);
	rt_printf("%016lx ", rt_f64_bits(copy));
	copy = pass(rt_f64_from(qnan_bits));
	rt_printf("%016lx ", rt_f64_bits(copy));
	rt_printf("%08x ", rt_f32_bits(passf(rt_f32_from(snan32_bits))));
	rt_printf("%016lx ", rt_f64_bits(__builtin_fabs(rt_f64_from(qnan_bits))));
	rt_printf("%016lx\n", rt_f64_bits(-rt_f64_from(snan_bits)));
	rt_printf("comparisons with NaN: %d %d %d %d %d %d\n", nan == nan, nan != nan, nan < one,
		  nan >= one, one > nan, !(nan <= inf));
	/* The IEEE default NaN of an invalid operation: IA-64's "QNaN
	 * indefinite" and x86's "real indefinite" are the same encoding. */
	rt_printf("default NaN bits %016lx %08x\n", rt_f64_bits(inf - inf), rt_f32_bits(inff * zerof));
	rt_show_f64("largest double", DBL_MAX);
	rt_show_f64("infinity", inf);
	return 0;
}
