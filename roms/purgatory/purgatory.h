/* Purgatory's internal interfaces. */
#ifndef PURGATORY_H
#define PURGATORY_H

#include <stdint.h>
#include "../common/bootparam.h"

void purgatory_main(uint64_t boot_param);
void vga_reset(void);
int loaded_regions_intact(void);
void ia64_env_setup(uint64_t boot_param);
void patch_efi_memmap(struct ia64_boot_param *bp, uint64_t old_map, uint64_t old_size);
void __attribute__((noreturn)) halt(void);

/* The code copied out as the new SetVirtualAddressMap (entry.S). */
extern const char efi_dummy_function[], efi_dummy_function_end[];

#endif
