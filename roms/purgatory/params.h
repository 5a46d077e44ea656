/*
 * The variables a kexec-style loader writes into purgatory before running
 * it (kexec-tools: kexec/arch/ia64/kexec-elf-ia64.c, crashdump-ia64.c and
 * kexec/kexec.c, through elf_rel_set_symbol). Their names and sizes are the
 * interface: the loader refuses a symbol whose size differs, or one that
 * lives in a section without file contents.
 */
#ifndef PURGATORY_PARAMS_H
#define PURGATORY_PARAMS_H

#include <stdint.h>

#define SHA256_REGIONS	16

struct sha256_region {
	uint64_t start;			/* physical address */
	uint64_t len;
};

/* A range the crash kernel occupies, 4 KiB aligned, sorted by start. */
struct loaded_segment {
	uint64_t start;
	uint64_t end;
};

extern uint64_t __kernel_entry;		/* physical entry of the new kernel */
extern uint64_t __gp_value;		/* purgatory's gp: load address + 2 MiB */
extern uint64_t __boot_param_base;	/* page for the new ia64_boot_param */
extern uint64_t __command_line;		/* physical address of the new command line */
extern uint64_t __command_line_len;	/* its length incl. NUL, rounded up to 16 */
extern uint64_t __efi_memmap_base;	/* buffer for the new EFI memory map */
extern uint64_t __efi_memmap_size;	/* its capacity in bytes */
extern uint64_t __ramdisk_base;
extern uint64_t __ramdisk_size;
extern uint64_t __vmcode_base;		/* hypervisor image, when one is loaded */
extern uint64_t __vmcode_size;
extern uint64_t __loaded_segments;	/* struct loaded_segment[], crash kernels only */
extern uint64_t __loaded_segments_num;
extern uint64_t __noio;			/* non-zero: touch no I/O port or device memory */

extern struct sha256_region sha256_regions[SHA256_REGIONS];
extern uint8_t sha256_digest[32];
extern int skip_checks;			/* kexec writes 4 bytes here */

#endif
