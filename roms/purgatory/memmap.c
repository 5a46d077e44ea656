/*
 * The new kernel's EFI memory map, built in the buffer the loader reserved:
 * the old map without empty descriptors, the old kernel's loader data given
 * back as conventional memory, and, for a crash kernel, the ranges it
 * occupies (__loaded_segments, sorted) carved out as loader data so that it
 * keeps clear of them.
 */
#include "purgatory.h"
#include "params.h"
#include "../common/efi.h"
#include "../common/print.h"
#include "../common/string.h"

struct map_writer {
	uint8_t *next;
	uint8_t *end;
	uint64_t desc_size;
};

/* Append a copy of md (vendor extension included) describing [start, end). */
static void emit(struct map_writer *w, const struct efi_memory_desc *md, uint32_t type,
		 uint64_t start, uint64_t end)
{
	struct efi_memory_desc *out = (struct efi_memory_desc *)w->next;

	if (w->next + w->desc_size > w->end) {
		printf("purgatory: the new EFI memory map outgrows its %lu-byte buffer\n",
		       __efi_memmap_size);
		halt();
	}
	memcpy(out, md, w->desc_size);
	out->type = type;
	out->phys_addr = start;
	out->num_pages = (end - start) >> EFI_PAGE_SHIFT;
	w->next += w->desc_size;
}

void patch_efi_memmap(struct ia64_boot_param *bp, uint64_t old_map, uint64_t old_size)
{
	const struct loaded_segment *seg = (const struct loaded_segment *)__loaded_segments;
	struct map_writer w = {
		.next = (uint8_t *)__efi_memmap_base,
		.end = (uint8_t *)(__efi_memmap_base + __efi_memmap_size),
		.desc_size = bp->efi_memdesc_size,
	};

	for (uint64_t p = old_map; p + w.desc_size <= old_map + old_size; p += w.desc_size) {
		const struct efi_memory_desc *md = (const struct efi_memory_desc *)p;
		uint64_t start = md->phys_addr;
		uint64_t end = start + (md->num_pages << EFI_PAGE_SHIFT);
		uint32_t type = md->type == EFI_LOADER_DATA ? EFI_CONVENTIONAL_MEMORY : md->type;

		if (md->num_pages == 0)
			continue;
		for (uint64_t i = 0; i < __loaded_segments_num && start < end; i++) {
			uint64_t s = seg[i].start > start ? seg[i].start : start;
			uint64_t e = seg[i].end < end ? seg[i].end : end;

			if (s >= e)
				continue;
			if (start < s)
				emit(&w, md, type, start, s);
			emit(&w, md, EFI_LOADER_DATA, s, e);
			start = e;
		}
		if (start < end)
			emit(&w, md, type, start, end);
	}

	bp->efi_memmap = __efi_memmap_base;
	bp->efi_memmap_size = (uint64_t)(w.next - (uint8_t *)__efi_memmap_base);
}
