/* Global and static data: small variables (gp-relative in .sdata/.sbss on
 * ia64), large arrays reached through the linkage table, constant tables,
 * static locals keeping state between calls and pointers between them. */
#include "rt.h"

int small_counter = 5;
static short small_short = -3;
long zeroed_global;
static char big_table[100000];
uint64_t big_data[4096] = { 1, 2, 3 };
static const uint32_t crc_like[16] = { 0x00000000, 0x1db71064, 0x3b6e20c8, 0x26d930ac,
	0x76dc4190, 0x6b6b51f4, 0x4db26158, 0x5005713c, 0xedb88320, 0xf00f9344, 0xd6d6a3e8,
	0xcb61b38c, 0x9b64c2b0, 0x86d3d2d4, 0xa00ae278, 0xbdbdf21c };
static const char *const messages[] = { "zero", "one", "two", "three" };
struct config { const char *name; int value; long (*op)(long); };
static long twice(long x) { return 2 * x; }
static long square(long x) { return x * x; }
struct config configs[] = { { "twice", 2, twice }, { "square", 3, square } };
int *ptr_to_small = &small_counter;
uint64_t *ptr_into_big = &big_data[4000];

static int next_id(void)
{
	static int id = 100;
	return id++;
}

static uint32_t nibble_crc(const char *s)
{
	uint32_t c = 0xffffffff;

	for (; *s; s++) {
		c = crc_like[(c ^ (uint8_t)*s) & 15] ^ (c >> 4);
		c = crc_like[(c ^ ((uint8_t)*s >> 4)) & 15] ^ (c >> 4);
	}
	return ~c;
}

int main(int argc, char **argv, char **envp)
{
	unsigned long sum = 0;
	unsigned i;

	rt_printf("small %d %d zeroed %ld\n", small_counter, small_short, zeroed_global);
	small_counter += 10;
	small_short = (short)(small_short * 1000);
	zeroed_global = -1;
	*ptr_to_small *= 2;
	rt_printf("after updates %d %d %ld\n", small_counter, small_short, zeroed_global);
	for (i = 0; i < sizeof(big_table); i++)
		sum += (unsigned char)big_table[i];
	rt_printf("bss table zero: %s\n", sum == 0 ? "yes" : "no");
	for (i = 0; i < sizeof(big_table); i++)
		big_table[i] = (char)(i % 251);
	for (i = 0, sum = 0; i < sizeof(big_table); i += 97)
		sum += (unsigned char)big_table[i];
	rt_printf("bss table sum %lu\n", sum);
	rt_printf("data %lu %lu %lu %lu\n", big_data[0], big_data[2], big_data[3], big_data[4095]);
	*ptr_into_big = 77;
	rt_printf("through pointer %lu, distance %ld\n", big_data[4000],
		  (long)(ptr_into_big - big_data));
	for (i = 0; i < 4; i++)
		rt_printf("%s=%08x ", messages[i], nibble_crc(messages[i]));
	rt_putc('\n');
	for (i = 0; i < 2; i++)
		rt_printf("%s(%d) = %ld\n", configs[i].name, configs[i].value,
			  configs[i].op(configs[i].value));
	i = (unsigned)next_id();	/* one call per statement: argument order is unspecified */
	i = i * 1000 + (unsigned)next_id();
	rt_printf("ids %u %d\n", i, next_id());
	return 0;
}
