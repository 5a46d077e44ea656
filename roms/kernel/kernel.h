/* The kernel's internal interfaces and its exit statuses. */
#ifndef KERNEL_H
#define KERNEL_H

#include <stdint.h>
#include "../common/bootparam.h"
#include "../common/efi.h"

/*
 * ResetSystem's status: EFI_SUCCESS when everything checked out, else an
 * OEM error code (0xa000000000000000 | n) naming the first failed check.
 */
enum kernel_check {
	CHECK_BOOT_PARAM = 1,		/* r28 null or not 8-byte aligned */
	CHECK_PLACEMENT = 2,		/* not loaded at its physical link address */
	CHECK_MEMDESC_SIZE = 3,		/* descriptor size < 40 or not a multiple of 8 */
	CHECK_MEMDESC_VERSION = 4,	/* descriptor version is not 1 */
	CHECK_MEMMAP_SIZE = 5,		/* map null, misaligned, empty or not whole descriptors */
	CHECK_MEMMAP_TYPE = 6,		/* a descriptor of unknown type */
	CHECK_MEMMAP_PAGES = 7,		/* a descriptor of 0 pages, or wrapping around */
	CHECK_MEMMAP_ALIGN = 8,		/* a descriptor not 4 KiB aligned */
	CHECK_MEMMAP_OVERLAP = 9,	/* two descriptors overlap */
	CHECK_IO_PORT_SPACE = 10,	/* no uncached I/O port space descriptor */
	CHECK_SYSTAB_ADDRESS = 11,	/* system table not in memory the map calls RAM */
	CHECK_SYSTAB_SIGNATURE = 12,
	CHECK_SYSTAB_REVISION = 13,	/* major revision 0 */
	CHECK_RUNTIME_ADDRESS = 14,	/* runtime services table not in RAM */
	CHECK_RUNTIME_SIGNATURE = 15,
	CHECK_COMMAND_LINE = 16,	/* null, outside RAM or no NUL within 2048 bytes */
	CHECK_INITRD = 17,		/* not entirely in RAM */
	CHECK_SET_VIRTUAL_ADDRESS_MAP = 18,	/* the second call did not return EFI_SUCCESS */
};

#define KERNEL_STATUS(check)		EFI_OEM_ERROR(check)
#define KERNEL_FAULT_STATUS(vector)	EFI_OEM_ERROR(0x100 + (vector))

#define COMMAND_LINE_SIZE	2048	/* Linux's limit on ia64 */

/* Boot state, recorded in physical mode and read in either mode. */
extern uint64_t boot_param_pa;
extern uint64_t systab_pa;
extern uint64_t runtime_pa;		/* 0 until the table checked out */

/* head.S, ivt.S, efi_call.S */
extern const char ivt[];
efi_status_t efi_call_phys(const struct ia64_fdesc *fd, uint64_t a0, uint64_t a1,
			   uint64_t a2, uint64_t a3);

/* early.c: physical mode */
uint64_t kernel_early(uint64_t boot_param, uint64_t phys_base);

/* memmap.c */
uint64_t check_memmap(const struct ia64_boot_param *bp);
uint64_t find_io_port_space(const struct ia64_boot_param *bp);
uint64_t ram_bytes_at(const struct ia64_boot_param *bp, uint64_t addr);

/* serial.c */
void console_init(uint64_t io_port_base);
void console_use_physical(void);
void console_use_virtual(void);

/* main.c: virtual mode */
void kernel_main(uint64_t status);
void __attribute__((noreturn)) halt(void);

/* fault.c: physical mode */
uint64_t fault_report(uint64_t vector, uint64_t iip, uint64_t ifa, uint64_t isr);

#endif
