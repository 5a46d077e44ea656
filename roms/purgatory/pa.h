/*
 * Purgatory runs in physical mode but meets pointers the firmware has
 * already converted to region-7 virtual addresses. PA() turns either form
 * into a physical address by masking the top nibble. The 2008 purgatory
 * (built with PURGATORY_PA_2008) subtracted PAGE_OFFSET instead, which is
 * right only for pointers that really are virtual: a physical pointer
 * becomes 0x2000... and the store through it reaches no memory.
 */
#ifndef PURGATORY_PA_H
#define PURGATORY_PA_H

#include <stdint.h>
#include "../common/ia64.h"

static inline uint64_t PA(uint64_t addr)
{
#ifdef PURGATORY_PA_2008
	return addr - PAGE_OFFSET;
#else
	return addr & 0x0fffffffffffffffUL;
#endif
}

#endif
