/*
 * Boot-state checks, run in physical mode before the kernel maps itself.
 * The console needs the I/O port space from the memory map, so the map is
 * checked silently first; everything after is reported as it is checked.
 * Returns EFI_SUCCESS or the status of the first failed check.
 */
#include "kernel.h"
#include "asm.h"
#include "../common/ia64.h"
#include "../common/print.h"

uint64_t boot_param_pa = 0;
uint64_t systab_pa = 0;
uint64_t runtime_pa = 0;

static uint64_t fail(enum kernel_check check, const char *what)
{
	printf("kernel: check failed: %s (status 0x%lx)\n", what, KERNEL_STATUS(check));
	return KERNEL_STATUS(check);
}

static void print_revision(uint32_t revision)
{
	printf("%u.%02u", revision >> 16, revision & 0xffff);
}

/*
 * Checked even when the memory map is not trustworthy (without the RAM
 * tests then), because shutting down with a status needs ResetSystem.
 */
static uint64_t check_efi_tables(const struct ia64_boot_param *bp, int map_ok)
{
	const struct efi_system_table *st = (const void *)bp->efi_systab;
	const struct efi_runtime_services *rt;

	if (map_ok && ram_bytes_at(bp, bp->efi_systab) < sizeof(*st))
		return fail(CHECK_SYSTAB_ADDRESS, "EFI system table outside RAM");
	if (st->hdr.signature != EFI_SYSTEM_TABLE_SIGNATURE)
		return fail(CHECK_SYSTAB_SIGNATURE, "EFI system table signature");
	printf("kernel: EFI system table at 0x%lx, revision ", bp->efi_systab);
	print_revision(st->hdr.revision);
	printf("\n");
	if (st->hdr.revision >> 16 == 0)
		return fail(CHECK_SYSTAB_REVISION, "EFI revision older than 1.0");
	systab_pa = bp->efi_systab;

	/* Virtual once the firmware has converted it: strip the region. */
	rt = (const void *)phys_of(st->runtime);
	if (map_ok && ram_bytes_at(bp, (uint64_t)rt) < sizeof(*rt))
		return fail(CHECK_RUNTIME_ADDRESS, "runtime services table outside RAM");
	if (rt->hdr.signature != EFI_RUNTIME_SERVICES_SIGNATURE)
		return fail(CHECK_RUNTIME_SIGNATURE, "runtime services table signature");
	printf("kernel: runtime services at 0x%lx, revision ", st->runtime);
	print_revision(rt->hdr.revision);
	printf("\n");
	runtime_pa = (uint64_t)rt;
	return EFI_SUCCESS;
}

static uint64_t check_command_line(const struct ia64_boot_param *bp)
{
	const char *s = (const char *)bp->command_line;
	uint64_t room = bp->command_line ? ram_bytes_at(bp, bp->command_line) : 0;
	uint64_t n = 0;

	if (room > COMMAND_LINE_SIZE)
		room = COMMAND_LINE_SIZE;
	while (n < room && s[n])
		n++;
	if (n == room)
		return fail(CHECK_COMMAND_LINE, "command line missing or not NUL-terminated");
	printf("kernel: command line \"%s\"\n", s);
	return EFI_SUCCESS;
}

static uint64_t check_initrd(const struct ia64_boot_param *bp)
{
	if (!bp->initrd_size) {
		printf("kernel: no initrd\n");
		return EFI_SUCCESS;
	}
	if (ram_bytes_at(bp, bp->initrd_start) < bp->initrd_size)
		return fail(CHECK_INITRD, "initrd outside RAM");
	printf("kernel: initrd at 0x%lx, 0x%lx bytes\n", bp->initrd_start, bp->initrd_size);
	return EFI_SUCCESS;
}

uint64_t kernel_early(uint64_t boot_param, uint64_t phys_base)
{
	const struct ia64_boot_param *bp = (const void *)boot_param;
	uint64_t map_status, io_base, tables, status;

	if (!boot_param || boot_param & 7)
		return KERNEL_STATUS(CHECK_BOOT_PARAM);
	boot_param_pa = boot_param;

	map_status = check_memmap(bp);
	io_base = map_status == EFI_SUCCESS ? find_io_port_space(bp) : 0;
	if (io_base)
		console_init(io_base);

	printf("kernel: started in physical mode at 0x%lx, boot_param at 0x%lx\n",
	       phys_base, boot_param);
	printf("kernel: EFI memory map at 0x%lx: 0x%lx bytes in %lu-byte descriptors, version %u\n",
	       bp->efi_memmap, bp->efi_memmap_size, bp->efi_memdesc_size,
	       bp->efi_memdesc_version);
	printf("kernel: I/O port space at 0x%lx (ar.k0), console on port 0x3f8\n", io_base);

	status = map_status;
	if (status == EFI_SUCCESS && !io_base)
		status = KERNEL_STATUS(CHECK_IO_PORT_SPACE);
	tables = check_efi_tables(bp, map_status == EFI_SUCCESS);
	if (status == EFI_SUCCESS)
		status = tables;
	if (status == EFI_SUCCESS && phys_base != KERNEL_PADDR)
		status = fail(CHECK_PLACEMENT, "not loaded at its physical link address");
	if (status == EFI_SUCCESS)
		status = check_command_line(bp);
	if (status == EFI_SUCCESS)
		status = check_initrd(bp);
	if (status == EFI_SUCCESS)
		printf("kernel: boot state checked; entering virtual mode\n");
	return status;
}
