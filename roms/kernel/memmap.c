/*
 * The EFI memory map: its consistency, where RAM is, and the I/O port
 * space. Addresses are physical and the map is read in physical mode.
 * Descriptors are walked by adding the descriptor size, never by
 * multiplying: IA-64 multiplies in the floating-point unit.
 */
#include "kernel.h"

#define for_each_desc(md, bp)							\
	for (const struct efi_memory_desc *md = (const void *)(bp)->efi_memmap;	\
	     (uint64_t)md + (bp)->efi_memdesc_size <= (bp)->efi_memmap + (bp)->efi_memmap_size; \
	     md = (const void *)((uint64_t)md + (bp)->efi_memdesc_size))

static uint64_t end_of(const struct efi_memory_desc *md)
{
	return md->phys_addr + (md->num_pages << EFI_PAGE_SHIFT);
}

static uint64_t check_desc(const struct efi_memory_desc *md)
{
	if (md->type >= EFI_MAX_MEMORY_TYPE)
		return KERNEL_STATUS(CHECK_MEMMAP_TYPE);
	if (md->num_pages == 0 || md->num_pages >> (64 - EFI_PAGE_SHIFT) ||
	    end_of(md) < md->phys_addr)
		return KERNEL_STATUS(CHECK_MEMMAP_PAGES);
	if (md->phys_addr & (EFI_PAGE_SIZE - 1))
		return KERNEL_STATUS(CHECK_MEMMAP_ALIGN);
	return EFI_SUCCESS;
}

uint64_t check_memmap(const struct ia64_boot_param *bp)
{
	uint64_t whole = 0;

	if (bp->efi_memdesc_size < sizeof(struct efi_memory_desc) || bp->efi_memdesc_size & 7)
		return KERNEL_STATUS(CHECK_MEMDESC_SIZE);
	if (bp->efi_memdesc_version != EFI_MEMORY_DESCRIPTOR_VERSION)
		return KERNEL_STATUS(CHECK_MEMDESC_VERSION);
	while (whole + bp->efi_memdesc_size <= bp->efi_memmap_size)
		whole += bp->efi_memdesc_size;
	if (!bp->efi_memmap || bp->efi_memmap & 7 || whole == 0 || whole != bp->efi_memmap_size)
		return KERNEL_STATUS(CHECK_MEMMAP_SIZE);

	for_each_desc(md, bp) {
		uint64_t status = check_desc(md);

		if (status != EFI_SUCCESS)
			return status;
	}
	for_each_desc(a, bp)
		for_each_desc(b, bp)
			if (a < b && a->phys_addr < end_of(b) && b->phys_addr < end_of(a))
				return KERNEL_STATUS(CHECK_MEMMAP_OVERLAP);
	return EFI_SUCCESS;
}

/* Linux's efi_get_iobase(): the first uncached I/O port space descriptor. */
uint64_t find_io_port_space(const struct ia64_boot_param *bp)
{
	for_each_desc(md, bp)
		if (md->type == EFI_MEMORY_MAPPED_IO_PORT_SPACE && md->attribute & EFI_MEMORY_UC)
			return md->phys_addr;
	return 0;
}

static int is_ram(const struct efi_memory_desc *md)
{
	switch (md->type) {
	case EFI_RESERVED_TYPE:
	case EFI_UNUSABLE_MEMORY:
	case EFI_MEMORY_MAPPED_IO:
	case EFI_MEMORY_MAPPED_IO_PORT_SPACE:
		return 0;
	default:
		return (md->attribute & EFI_MEMORY_WB) != 0;
	}
}

/* How many bytes of RAM, across adjacent descriptors, start at addr. */
uint64_t ram_bytes_at(const struct ia64_boot_param *bp, uint64_t addr)
{
	uint64_t cur = addr;
	int extended;

	do {
		extended = 0;
		for_each_desc(md, bp) {
			if (is_ram(md) && md->phys_addr <= cur && cur < end_of(md)) {
				cur = end_of(md);
				extended = 1;
			}
		}
	} while (extended);
	return cur - addr;
}
