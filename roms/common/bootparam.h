/*
 * The block the loader passes in r28 (physical address): Linux's
 * struct ia64_boot_param (arch/ia64/include/uapi/asm/setup.h), followed by
 * the two fields kexec's purgatory also fills for a hypervisor image.
 */
#ifndef ROMS_BOOTPARAM_H
#define ROMS_BOOTPARAM_H

#include <stddef.h>
#include <stdint.h>

struct ia64_boot_param {
	uint64_t command_line;		/* physical address, NUL-terminated */
	uint64_t efi_systab;		/* physical address */
	uint64_t efi_memmap;		/* physical address */
	uint64_t efi_memmap_size;	/* bytes */
	uint64_t efi_memdesc_size;	/* bytes per descriptor */
	uint32_t efi_memdesc_version;
	struct {
		uint16_t num_cols;
		uint16_t num_rows;
		uint16_t orig_x;
		uint16_t orig_y;
	} console_info;
	uint64_t fpswa;
	uint64_t initrd_start;		/* physical address */
	uint64_t initrd_size;
};

/* kexec appends these after Linux's fields, inside the same page. */
struct kexec_boot_param {
	struct ia64_boot_param base;
	uint64_t vmcode_start;
	uint64_t vmcode_size;
};

_Static_assert(offsetof(struct ia64_boot_param, console_info) == 44, "layout");
_Static_assert(offsetof(struct ia64_boot_param, fpswa) == 56, "layout");
_Static_assert(sizeof(struct ia64_boot_param) == 80, "layout");
_Static_assert(sizeof(struct kexec_boot_param) == 96, "layout");

#endif
