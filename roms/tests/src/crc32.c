/* Checksums: CRC-32 (bitwise and table-driven), CRC-32C, Adler-32 and a
 * 16-bit Fletcher sum over strings and a generated buffer. */
#include "rt.h"

static uint32_t crc_table[256], crcc_table[256];

static void make_table(uint32_t *t, uint32_t poly)
{
	uint32_t i, c;
	int k;

	for (i = 0; i < 256; i++) {
		for (c = i, k = 0; k < 8; k++)
			c = c & 1 ? poly ^ (c >> 1) : c >> 1;
		t[i] = c;
	}
}

static uint32_t crc_bitwise(const uint8_t *p, size_t n, uint32_t poly)
{
	uint32_t c = 0xffffffff;
	int k;

	while (n--) {
		c ^= *p++;
		for (k = 0; k < 8; k++)
			c = (c >> 1) ^ (poly & (0u - (c & 1)));	/* branch-free */
	}
	return ~c;
}

static uint32_t crc_table_driven(const uint32_t *t, const uint8_t *p, size_t n)
{
	uint32_t c = 0xffffffff;

	while (n--)
		c = t[(c ^ *p++) & 0xff] ^ (c >> 8);
	return ~c;
}

static uint32_t adler32(const uint8_t *p, size_t n)
{
	uint32_t a = 1, b = 0;

	while (n--) {
		a = (a + *p++) % 65521;
		b = (b + a) % 65521;
	}
	return b << 16 | a;
}

static uint16_t fletcher16(const uint8_t *p, size_t n)
{
	uint16_t s1 = 0, s2 = 0;

	while (n--) {
		s1 = (uint16_t)((s1 + *p++) % 255);
		s2 = (uint16_t)((s2 + s1) % 255);
	}
	return (uint16_t)(s2 << 8 | s1);
}

int main(int argc, char **argv, char **envp)
{
	static const char *const msgs[] = { "", "a", "123456789", "The quick brown fox jumps over the lazy dog",
		"Wikipedia" };
	static uint8_t buf[20000];
	unsigned i;

	make_table(crc_table, 0xEDB88320);
	make_table(crcc_table, 0x82F63B78);
	rt_printf("table[1] %08x table[255] %08x crcc[128] %08x\n", crc_table[1], crc_table[255],
		  crcc_table[128]);
	for (i = 0; i < RT_ARRAY_LEN(msgs); i++) {
		const uint8_t *p = (const uint8_t *)msgs[i];
		size_t n = strlen(msgs[i]);
		rt_printf("%-44s crc32 %08x/%08x crc32c %08x adler %08x fletcher %04x\n", msgs[i],
			  crc_bitwise(p, n, 0xEDB88320), crc_table_driven(crc_table, p, n),
			  crc_table_driven(crcc_table, p, n), adler32(p, n), fletcher16(p, n));
	}
	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (uint8_t)((i * i) >> 3);
	rt_printf("buffer crc32 %08x/%08x crc32c %08x/%08x adler %08x fletcher %04x\n",
		  crc_bitwise(buf, sizeof(buf), 0xEDB88320), crc_table_driven(crc_table, buf, sizeof(buf)),
		  crc_bitwise(buf, sizeof(buf), 0x82F63B78), crc_table_driven(crcc_table, buf, sizeof(buf)),
		  adler32(buf, sizeof(buf)), fletcher16(buf, sizeof(buf)));
	return 0;
}
