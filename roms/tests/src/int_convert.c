/* Conversions between integer widths: sign and zero extension (sxt, zxt),
 * truncation, and char signedness, through memory and registers. */
#include "rt.h"

static volatile uint64_t src[] = { 0, 1, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff,
	0x12345678, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ULL,
	0x8000000000000000ULL, 0xffffffffffffffffULL, 0xfedcba9876543210ULL };

static RT_NOINLINE int64_t from_s8(int8_t x) { return x; }
static RT_NOINLINE int64_t from_s16(int16_t x) { return x; }
static RT_NOINLINE int64_t from_s32(int32_t x) { return x; }
static RT_NOINLINE uint64_t from_u8(uint8_t x) { return x; }
static RT_NOINLINE uint64_t from_u16(uint16_t x) { return x; }
static RT_NOINLINE uint64_t from_u32(uint32_t x) { return x; }

int main(int argc, char **argv, char **envp)
{
	unsigned i;
	char c = (char)0xf0;
	int8_t bytes[8];
	int16_t halves[4];
	int32_t words[2];
	uint64_t w = 0x8081828384858687ULL, h = 0;

	for (i = 0; i < RT_ARRAY_LEN(src); i++) {
		uint64_t x = src[i];
		rt_printf("%016lx: s8 %ld s16 %ld s32 %ld u8 %lu u16 %lu u32 %lu\n", x,
			  from_s8((int8_t)x), from_s16((int16_t)x), from_s32((int32_t)x),
			  from_u8((uint8_t)x), from_u16((uint16_t)x), from_u32((uint32_t)x));
		rt_printf("  int %d short %d uchar %u (u32)(s8) %u (u64)(s16) %lx (s64)(u32) %ld\n",
			  (int)x, (short)x, (unsigned char)x, (uint32_t)(int8_t)x,
			  (uint64_t)(int16_t)x, (int64_t)(uint32_t)x);
	}
	rt_printf("char is %s\n", c < 0 ? "signed" : "unsigned");
	memcpy(bytes, &w, 8);
	memcpy(halves, &w, 8);
	memcpy(words, &w, 8);
	for (i = 0; i < 8; i++)
		h = h * 1000 + (uint64_t)(int64_t)bytes[i];
	for (i = 0; i < 4; i++)
		h = h * 1000 + (uint64_t)(int64_t)halves[i];
	for (i = 0; i < 2; i++)
		h = h * 1000 + (uint64_t)(int64_t)words[i];
	rt_printf("little-endian pieces %016lx first byte %d\n", h, bytes[0]);
	return 0;
}
