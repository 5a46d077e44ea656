/* C bit-fields: signed and unsigned fields read, written and incremented
 * in place (extr, extr.u and dep on ia64), in structs of several sizes. */
#include "rt.h"

struct packed_regs {
	unsigned int a : 3;
	signed int b : 5;
	unsigned int c : 12;
	signed int d : 12;
	unsigned long long e : 33;
	signed long long f : 31;
};

struct cfm_like {	/* the layout of the IA-64 current frame marker */
	unsigned long sof : 7, sol : 7, sor : 4, rrb_gr : 7, rrb_fr : 7, rrb_pr : 6, pad : 26;
};

struct flags8 {
	unsigned char x : 1, y : 2, z : 5;
};

static uint64_t digest(const struct packed_regs *p)
{
	return ((((((uint64_t)p->a * 33 + (uint64_t)(int64_t)p->b) * 33 + p->c) * 33 +
		  (uint64_t)(int64_t)p->d) * 33 + p->e) * 33 + (uint64_t)(int64_t)p->f);
}

int main(int argc, char **argv, char **envp)
{
	struct packed_regs r = { 0 };
	struct cfm_like cfm;
	struct flags8 f8[16];
	uint64_t st = 99, h = 0, raw;
	unsigned i;

	rt_printf("sizes %lu %lu %lu\n", sizeof(struct packed_regs), sizeof(struct cfm_like),
		  sizeof(struct flags8));
	for (i = 0; i < 3000; i++) {
		uint64_t x = rt_rand(&st);
		r.a += (unsigned)x;
		r.b = (int)(x >> 3) & 15 ? (int)((x >> 3) & 15) - 8 : r.b - 1;
		r.c ^= (unsigned)(x >> 8);
		r.d = (int)((int64_t)(x << 20) >> 52);
		r.e += x >> 31;
		r.f = (long long)(r.f + (long long)(x & 0xffff)) % 1000000007LL;
		h = h * 1099511628211ULL + digest(&r);
	}
	rt_printf("fields %d %d %u %d %llx %lld\n", r.a, r.b, r.c, r.d, (unsigned long long)r.e,
		  (long long)r.f);
	rt_printf("digest %016lx\n", h);

	raw = 0x3FFFF & ((5UL << 14) | (20UL << 7) | 30UL);
	memcpy(&cfm, &raw, sizeof(raw));
	rt_printf("cfm sof %lu sol %lu sor %lu\n", (unsigned long)cfm.sof, (unsigned long)cfm.sol,
		  (unsigned long)cfm.sor);
	cfm.rrb_gr = 127;
	cfm.rrb_pr = 41;
	cfm.sol--;
	memcpy(&raw, &cfm, sizeof(raw));
	rt_printf("cfm raw %016lx\n", raw);

	for (i = 0; i < 16; i++) {
		f8[i].x = i & 1;
		f8[i].y = (i >> 1) & 3;
		f8[i].z = (unsigned char)(i * 7);
	}
	for (i = 0, h = 0; i < 16; i++)
		h = h * 64 + f8[i].x + f8[i].y * 2u + f8[i].z * 8u;
	rt_printf("flags8 %016lx\n", h);
	return 0;
}
