/*
 * What the new kernel finds when purgatory jumps to it: a fresh boot
 * parameter block and an EFI whose SetVirtualAddressMap no longer reaches
 * the firmware.
 */
#include "purgatory.h"
#include "params.h"
#include "pa.h"
#include "../common/efi.h"
#include "../common/string.h"

/* Make freshly written code visible to instruction fetch (SDM vol. 2, 4.4.6). */
static void flush_icache_range(uint64_t start, uint64_t len)
{
	for (uint64_t line = start & ~31UL; line < start + len; line += 32)
		asm volatile ("fc.i %0" :: "r"(line) : "memory");
	asm volatile (";; sync.i ;;" ::: "memory");
	asm volatile ("srlz.i ;;" ::: "memory");
}

/*
 * The firmware honours SetVirtualAddressMap once, and the old kernel has
 * made that call; the new kernel will make it again. So its function
 * descriptor gets a new entry point: a copy of a routine that just returns
 * EFI_SUCCESS, placed right after the new command line (whose length the
 * loader rounded up to a bundle). The descriptor is reached through the
 * runtime services table; both pointers may be virtual by now, hence PA().
 */
void ia64_env_setup(uint64_t boot_param)
{
	const struct ia64_boot_param *old = (const struct ia64_boot_param *)boot_param;
	struct kexec_boot_param *bp = (struct kexec_boot_param *)__boot_param_base;
	uint64_t dummy = (__command_line + __command_line_len + 15) & ~15UL;
	uint64_t len = (uint64_t)(efi_dummy_function_end - efi_dummy_function);
	const struct efi_system_table *systab;
	const struct efi_runtime_services *runtime;

	memcpy(&bp->base, old, sizeof(bp->base));

	memcpy((void *)dummy, efi_dummy_function, len);
	systab = (const struct efi_system_table *)bp->base.efi_systab;
	runtime = (const struct efi_runtime_services *)PA(systab->runtime);
	*(uint64_t *)PA(runtime->set_virtual_address_map) = dummy;
	flush_icache_range(dummy, len);

	patch_efi_memmap(&bp->base, old->efi_memmap, old->efi_memmap_size);
	bp->base.command_line = __command_line;
	bp->base.console_info.orig_x = 0;
	bp->base.console_info.orig_y = 0;
	bp->base.initrd_start = __ramdisk_base;
	bp->base.initrd_size = __ramdisk_size;
	bp->vmcode_start = __vmcode_base;
	bp->vmcode_size = __vmcode_size;
}
