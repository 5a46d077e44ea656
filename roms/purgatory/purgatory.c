/*
 * The C side of purgatory: announce, reset the display, verify what the
 * loader placed, then prepare the new kernel's environment. entry.S jumps
 * to the kernel when this returns.
 */
#include "purgatory.h"
#include "params.h"
#include "sha256.h"
#include "../common/print.h"
#include "../common/string.h"

void halt(void)
{
	for (;;)
		asm volatile ("hint @pause" ::: "memory");
}

static void print_digest(const char *label, const uint8_t *d)
{
	printf("%s", label);
	for (unsigned i = 0; i < 32; i++)
		printf("%02hhx", d[i]);
	printf("\n");
}

/* Hash the regions the loader listed, in order, and compare with its digest. */
int loaded_regions_intact(void)
{
	struct sha256 s;
	uint8_t digest[32];

	sha256_init(&s);
	for (unsigned i = 0; i < SHA256_REGIONS; i++)
		sha256_add(&s, (const uint8_t *)sha256_regions[i].start, sha256_regions[i].len);
	sha256_final(&s, digest);
	if (memcmp(digest, sha256_digest, sizeof(digest)) == 0)
		return 1;

	printf("purgatory: the loaded image is corrupt (sha256 mismatch)\n");
	print_digest("  computed: ", digest);
	print_digest("  expected: ", sha256_digest);
	return 0;
}

void purgatory_main(uint64_t boot_param)
{
	printf("I'm in purgatory\n");
	vga_reset();
	if (!skip_checks && !loaded_regions_intact())
		halt();
	ia64_env_setup(boot_param);
}
