/* Unaligned data: packed structs (gcc splits their accesses into byte
 * loads and shifts on ia64), memcpy at every offset and length, and
 * byte-wise little-endian encode/decode. */
#include "rt.h"

struct __attribute__((packed)) record {
	uint8_t tag;
	uint64_t id;
	uint16_t port;
	uint32_t addr;
	int16_t delta;
	double weight;
};

static uint64_t load_le(const uint8_t *p, unsigned n)
{
	uint64_t v = 0;

	while (n--)
		v = (v << 8) | p[n];
	return v;
}

static void store_le(uint8_t *p, uint64_t v, unsigned n)
{
	while (n--) {
		*p++ = (uint8_t)v;
		v >>= 8;
	}
}

static uint64_t checksum(const uint8_t *p, unsigned n)
{
	uint64_t h = 1469598103934665603ULL;

	while (n--)
		h = (h ^ *p++) * 1099511628211ULL;
	return h;
}

int main(int argc, char **argv, char **envp)
{
	static uint8_t src[256], dst[256];
	static struct record recs[7];
	uint64_t h = 0, st = 5;
	unsigned i, so, dof, len;

	for (i = 0; i < sizeof(src); i++)
		src[i] = (uint8_t)(i * 37 + 11);
	/* Every source offset, destination offset and length mod 8, copied
	 * with memcpy and checked against a byte loop. */
	for (so = 0; so < 8; so++)
		for (dof = 0; dof < 8; dof++)
			for (len = 0; len < 70; len += 3) {
				memset(dst, 0xEE, sizeof(dst));
				memcpy(dst + dof, src + so, len);
				for (i = 0; i < len; i++)
					if (dst[dof + i] != src[so + i])
						rt_printf("memcpy mismatch so %u dof %u len %u\n", so, dof, len);
				h = h * 3 + checksum(dst, 96);
			}
	rt_printf("memcpy grid %016lx\n", h);

	for (i = 0; i < RT_ARRAY_LEN(recs); i++) {
		recs[i].tag = (uint8_t)i;
		recs[i].id = rt_rand(&st);
		recs[i].port = (uint16_t)(i * 1000 + 80);
		recs[i].addr = (uint32_t)rt_rand(&st);
		recs[i].delta = (int16_t)(-1000 * (int)i);
		recs[i].weight = 0.25 * i;
	}
	rt_printf("record size %lu\n", sizeof(struct record));
	for (i = 0, h = 0; i < RT_ARRAY_LEN(recs); i++) {
		recs[i].id ^= recs[i].addr;
		recs[i].port += recs[i].tag;
		recs[i].delta -= 7;
		recs[i].weight = recs[i].weight * 2 + 1;
		h = h * 31 + recs[i].id + recs[i].port + recs[i].addr + (uint64_t)recs[i].delta;
		h = h * 31 + rt_f64_bits(recs[i].weight);
	}
	rt_printf("records %016lx bytes %016lx\n", h, checksum((const uint8_t *)recs, sizeof(recs)));

	for (i = 0, h = 0; i < 64; i++) {
		unsigned n = 1 + i % 8, off = i % 13;
		uint64_t v = rt_rand(&st);
		store_le(dst + off, v, n);
		h = h * 7 + load_le(dst + off, n);
		{
			uint64_t w;
			uint32_t w32;
			uint16_t w16;
			memcpy(&w, dst + off, 8);
			memcpy(&w32, dst + off + 1, 4);
			memcpy(&w16, dst + off + 3, 2);
			h = h * 7 + w + w32 + w16;
		}
	}
	rt_printf("le encode/decode %016lx\n", h);
	return 0;
}
