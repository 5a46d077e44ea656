/* Non-cryptographic hashes: FNV-1a (32 and 64 bit), djb2, MurmurHash3's
 * 64-bit finalizer, and an open-addressing hash table built on them. */
#include "rt.h"

static uint32_t fnv1a32(const void *data, size_t n)
{
	const uint8_t *p = data;
	uint32_t h = 2166136261u;

	while (n--)
		h = (h ^ *p++) * 16777619u;
	return h;
}

static uint64_t fnv1a64(const void *data, size_t n)
{
	const uint8_t *p = data;
	uint64_t h = 14695981039346656037ULL;

	while (n--)
		h = (h ^ *p++) * 1099511628211ULL;
	return h;
}

static uint32_t djb2(const char *s)
{
	uint32_t h = 5381;

	while (*s)
		h = h * 33 + (uint8_t)*s++;
	return h;
}

static uint64_t fmix64(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	k *= 0xc4ceb9fe1a85ec53ULL;
	return k ^ (k >> 33);
}

/* Open addressing with linear probing; keys are nonzero 64-bit values. */
enum { SLOTS = 4096 };
static uint64_t keys[SLOTS];
static uint32_t vals[SLOTS];
static unsigned probes;

static void put(uint64_t key, uint32_t val)
{
	unsigned i = (unsigned)fmix64(key) & (SLOTS - 1);

	while (keys[i] && keys[i] != key) {
		i = (i + 1) & (SLOTS - 1);
		probes++;
	}
	keys[i] = key;
	vals[i] = val;
}

static int get(uint64_t key, uint32_t *val)
{
	unsigned i = (unsigned)fmix64(key) & (SLOTS - 1);

	while (keys[i]) {
		if (keys[i] == key) {
			*val = vals[i];
			return 1;
		}
		i = (i + 1) & (SLOTS - 1);
		probes++;
	}
	return 0;
}

int main(int argc, char **argv, char **envp)
{
	static const char *const words[] = { "", "a", "foobar", "hello world", "Purgatorio",
		"kexec", "0123456789abcdef" };
	uint64_t st = 8, sum = 0;
	uint32_t v;
	unsigned i, found = 0;

	for (i = 0; i < RT_ARRAY_LEN(words); i++)
		rt_printf("%-18s fnv32 %08x fnv64 %016lx djb2 %08x\n", words[i],
			  fnv1a32(words[i], strlen(words[i])), fnv1a64(words[i], strlen(words[i])),
			  djb2(words[i]));
	for (i = 0; i < 8; i++)
		rt_printf("fmix64(%u) = %016lx\n", i, fmix64(i));
	for (i = 0; i < 3000; i++)
		put(rt_rand(&st) | 1, i);
	st = 8;
	for (i = 0; i < 3500; i++) {
		uint64_t k = i < 3000 ? rt_rand(&st) | 1 : fnv1a64(&i, sizeof(i)) | 1;
		if (get(k, &v)) {
			found++;
			sum += v;
		}
	}
	rt_printf("table: found %u, value sum %lu, probes %u\n", found, sum, probes);
	return 0;
}
