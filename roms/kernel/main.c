/*
 * Virtual mode: repeat the kernel's half of the EFI handshake the way
 * Linux's efi_enter_virtual_mode() does, then power off through
 * ResetSystem with the verdict.
 */
#include "kernel.h"
#include "../common/ia64.h"
#include "../common/print.h"

typedef void (*efi_reset_system_t)(uint32_t type, efi_status_t status,
				   uint64_t data_size, const void *data);

void halt(void)
{
	printf("kernel: halted\n");
	for (;;)
		asm volatile ("hint @pause" ::: "memory");
}

static const struct ia64_boot_param *boot_param(void)
{
	return (const struct ia64_boot_param *)virt_of(boot_param_pa);
}

static const struct efi_runtime_services *runtime(void)
{
	return (const struct efi_runtime_services *)virt_of(runtime_pa);
}

/* Give every runtime range its virtual address: region 7 if cacheable, else region 6. */
static void assign_virtual_addresses(const struct ia64_boot_param *bp)
{
	uint64_t p = virt_of(bp->efi_memmap), end = p + bp->efi_memmap_size;

	for (; p + bp->efi_memdesc_size <= end; p += bp->efi_memdesc_size) {
		struct efi_memory_desc *md = (struct efi_memory_desc *)p;

		if (!(md->attribute & EFI_MEMORY_RUNTIME))
			continue;
		if (md->attribute & EFI_MEMORY_WB)
			md->virt_addr = virt_of(md->phys_addr);
		else
			md->virt_addr = UNCACHED_OFFSET | md->phys_addr;
	}
}

/*
 * The firmware accepts SetVirtualAddressMap once, and the previous kernel
 * made that call; this one succeeds only if purgatory redirected the
 * service. As in Linux, the descriptor is found through __va() of the
 * runtime table's pointer and called in physical mode.
 */
static uint64_t set_virtual_address_map(void)
{
	const struct ia64_boot_param *bp = boot_param();
	const struct ia64_fdesc *fd =
		(const struct ia64_fdesc *)virt_of(runtime()->set_virtual_address_map);
	efi_status_t status;

	assign_virtual_addresses(bp);
	printf("kernel: SetVirtualAddressMap descriptor at 0x%lx: entry 0x%lx, gp 0x%lx\n",
	       (uint64_t)fd, fd->entry, fd->gp);
	status = efi_call_phys(fd, bp->efi_memmap_size, bp->efi_memdesc_size,
			       bp->efi_memdesc_version, bp->efi_memmap);
	printf("kernel: SetVirtualAddressMap returned 0x%lx\n", status);
	if (status != EFI_SUCCESS)
		return KERNEL_STATUS(CHECK_SET_VIRTUAL_ADDRESS_MAP);
	return EFI_SUCCESS;
}

/* Through the descriptor as the firmware converted it, like Linux's virt_reset_system. */
static void __attribute__((noreturn)) shutdown(uint64_t status)
{
	efi_reset_system_t reset;

	printf("kernel: %s; ResetSystem(EfiResetShutdown, 0x%lx)\n",
	       status == EFI_SUCCESS ? "all checks passed" : "failed", status);
	if (!runtime_pa) {
		printf("kernel: no usable runtime services table\n");
		halt();
	}
	reset = (efi_reset_system_t)runtime()->reset_system;
	reset(EFI_RESET_SHUTDOWN, status, 0, 0);
	printf("kernel: ResetSystem returned\n");
	halt();
}

void kernel_main(uint64_t status)
{
	uint64_t psr;

	console_use_virtual();
	asm volatile ("mov %0 = psr" : "=r"(psr));
	printf("kernel: virtual mode: IVA 0x%lx, PSR 0x%lx\n", (uint64_t)ivt, psr);
	if (status == EFI_SUCCESS)
		status = set_virtual_address_map();
	shutdown(status);
}
