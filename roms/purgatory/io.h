/*
 * Device access from physical mode. Legacy I/O ports are memory-mapped in the
 * port space whose physical base the old kernel left in ar.k0 (Linux's
 * IA64_KR_IO_BASE); bit 63 makes each access uncached, and mf.a waits for
 * it to be accepted by the platform before the next one, as Linux's inb/outb do.
 * Nothing is touched when the loader set __noio.
 */
#ifndef PURGATORY_IO_H
#define PURGATORY_IO_H

#include <stdint.h>
#include "../common/ia64.h"
#include "params.h"

static inline uint64_t io_port_addr(unsigned long port)
{
	uint64_t base;

	asm volatile ("mov %0 = ar.k0" : "=r"(base));
	return PHYS_UNCACHED | base | io_port_offset(port);
}

static inline void mf_a(void)
{
	asm volatile ("mf.a" ::: "memory");
}

static inline uint8_t inb(unsigned long port)
{
	uint8_t v = 0;

	if (!__noio) {
		v = *(volatile uint8_t *)io_port_addr(port);
		mf_a();
	}
	return v;
}

static inline void outb(uint8_t v, unsigned long port)
{
	if (!__noio) {
		*(volatile uint8_t *)io_port_addr(port) = v;
		mf_a();
	}
}

/* An index/data register pair written at once: index in the low byte. */
static inline void outw(uint16_t v, unsigned long port)
{
	if (!__noio) {
		*(volatile uint16_t *)io_port_addr(port) = v;
		mf_a();
	}
}

static inline uint16_t mmio_read16(uint64_t phys)
{
	return __noio ? 0 : *(volatile uint16_t *)(PHYS_UNCACHED | phys);
}

static inline void mmio_write16(uint64_t phys, uint16_t v)
{
	if (!__noio)
		*(volatile uint16_t *)(PHYS_UNCACHED | phys) = v;
}

#endif
