/* Workload: SHA-256 over 1 MiB of generated data, then 100 chained rounds
 * of hashing the digest. */
#include "rt.h"
#include "sha256.h"

int main(int argc, char **argv, char **envp)
{
	enum { SIZE = 1 << 20 };
	uint8_t *buf = rt_alloc(SIZE), d[32];
	struct sha256 st;
	uint64_t seed = 1;
	size_t i;
	int r;

	if (!buf) {
		rt_printf("out of memory\n");
		return 1;
	}
	for (i = 0; i < SIZE; i += 8) {
		uint64_t v = rt_rand(&seed);
		memcpy(buf + i, &v, 8);
	}
	sha256_init(&st);
	sha256_update(&st, buf, SIZE);
	sha256_final(&st, d);
	sha256_print("1 MiB", d);
	for (r = 0; r < 100; r++) {
		sha256_init(&st);
		sha256_update(&st, d, 32);
		sha256_final(&st, d);
	}
	sha256_print("chained x100", d);
	return 0;
}
