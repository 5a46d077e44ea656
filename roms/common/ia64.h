/* Address-space facts shared by the ROMs (Itanium SDM vol. 2, Linux's asm/page.h). */
#ifndef ROMS_IA64_H
#define ROMS_IA64_H

#include <stdint.h>

#define PAGE_OFFSET		0xe000000000000000UL	/* region 7: cacheable identity map */
#define UNCACHED_OFFSET		0xc000000000000000UL	/* region 6: uncached identity map */
#define PHYS_UNCACHED		(1UL << 63)		/* physical mode: bit 63 = uncached */
#define REGION_MASK		(7UL << 61)

/* Linux's __pa() and __va(): replace the region number. */
static inline uint64_t phys_of(uint64_t addr)
{
	return addr & ~REGION_MASK;
}

static inline uint64_t virt_of(uint64_t addr)
{
	return addr | PAGE_OFFSET;
}

/* Legacy I/O port p lives at port-space base + this offset: four ports per 4 KiB page. */
static inline uint64_t io_port_offset(unsigned long port)
{
	return ((port >> 2) << 12) | (port & 0xfff);
}

#endif
