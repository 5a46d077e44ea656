/* Conversions between integers of every width and float, double and long
 * double (fcvt.xf / fcvt.fx.trunc / fcvt.fxu.trunc and friends on ia64),
 * and between the three floating types, including rounding on narrowing,
 * overflow to infinity and denormal results. */
#include "fptest.h"

static volatile int64_t ints[] = { 0, 1, -1, 127, -128, 255, 32767, -32768, 65535,
	2147483647, -2147483647 - 1, 4294967295LL, 16777217, -16777217, 9007199254740993LL,
	-9007199254740993LL, 0x7fffffffffffffffLL, -0x7fffffffffffffffLL - 1, 0x123456789abcdefLL,
	1000000000000000001LL };

static volatile double reals[] = { 0.0, -0.0, 0.5, -0.5, 0.9999999, 1.5, -1.5, 2.5, -2.5,
	127.99, -128.99, 255.5, 32767.9, -32768.9, 65535.99, 2147483647.9, -2147483648.9,
	4294967295.5, 9.2233720368547748e18, -9.2233720368547758e18, 1.8446744073709550e19,
	1e-300, 123456789.987654321 };

static volatile uint64_t uints[] = { 0x8000000000000000ULL, 0xffffffffffffffffULL,
	0xfffffffffffff800ULL, 0xfffffffffffffc00ULL, 0x8000000000000401ULL, 0x20000001ULL << 32 };

int main(int argc, char **argv, char **envp)
{
	unsigned i;

	rt_printf("int -> float double long double (from 8/16/32/64-bit signed and unsigned)\n");
	for (i = 0; i < RT_ARRAY_LEN(ints); i++) {
		int64_t v = ints[i];
		rt_printf("%20ld: ", v);
		hex32((float)v);
		hex64((double)v);
		hex80((long double)v);
		hex32((float)(int32_t)v);
		hex64((double)(uint32_t)v);
		hex80((long double)(uint64_t)v);
		rt_printf("| %08x %08x %016lx %016lx\n", rt_f32_bits((float)(int8_t)v),
			  rt_f32_bits((float)(uint16_t)v), rt_f64_bits((double)(int16_t)v),
			  rt_f64_bits((double)(uint8_t)v));
	}
	for (i = 0; i < RT_ARRAY_LEN(uints); i++) {
		uint64_t v = uints[i];
		rt_printf("%016lx: ", v);
		hex32((float)v);
		hex64((double)v);
		hex80((long double)v);
		rt_putc('\n');
	}

	rt_printf("real -> integers (truncation), where the value fits\n");
	for (i = 0; i < RT_ARRAY_LEN(reals); i++) {
		double d = reals[i];
		long double l = d;
		float f = (float)d;
		hex64(d);
		if (d > -129.0 && d < 128.0)
			rt_printf("s8 %d ", (int8_t)d);
		if (d > -1.0 && d < 256.0)
			rt_printf("u8 %u ", (uint8_t)d);
		if (d > -32769.0 && d < 32768.0)
			rt_printf("s16 %d ", (int16_t)f);
		if (d > -1.0 && d < 65536.0)
			rt_printf("u16 %u ", (uint16_t)d);
		if (d > -2147483649.0 && d < 2147483648.0)
			rt_printf("s32 %d ", (int32_t)l);
		if (d > -1.0 && d < 4294967296.0)
			rt_printf("u32 %u ", (uint32_t)d);
		if (d >= -9223372036854775808.0 && d < 9223372036854775808.0)
			rt_printf("s64 %ld %ld ", (int64_t)d, (int64_t)l);
		if (f >= -9223372036854775808.0f && f < 9223372036854775808.0f)
			rt_printf("f->s64 %ld ", (int64_t)f);
		if (d > -1.0 && d < 18446744073709551616.0)
			rt_printf("u64 %lu %lu ", (uint64_t)d, (uint64_t)l);
		rt_putc('\n');
	}

	rt_printf("between floating types\n");
	{
		static volatile double narrow[] = { 0.1, 1.0 / 3, 3.4028235677973366e38,
			3.4028234663852886e38, 1e39, -1e39, 1.1754942106924411e-38, 1e-45, 7e-46,
			1.401298464324817e-45, 0.7e-45, 2.9e-39, 16777217.0, 16777219.0, -0.0 };
		for (i = 0; i < RT_ARRAY_LEN(narrow); i++) {
			double d = narrow[i];
			long double l = (long double)d * 3;
			float f = (float)d;
			hex64(d);
			hex32(f);
			hex64((double)f);
			hex80((long double)f);
			hex80(l);
			hex64((double)l);
			hex32((float)l);
			rt_putc('\n');
		}
		{
			long double big = LDBL_MAX, tiny = rt_f80_from(0x3c00, 0x8000000000000001ULL);
			hex64((double)big);
			hex32((float)big);
			hex64((double)tiny);
			hex64((double)-tiny);
			hex32((float)(long double)DBL_MIN);
			rt_putc('\n');
		}
	}
	rt_show_f64("(double)(1<<62 | 1)", (double)(ints[16] >> 1 | 1));
	rt_show_f80("(long double)INT64_MAX", (long double)ints[16]);
	rt_show_f32("(float)UINT64_MAX", (float)uints[1]);
	return 0;
}
