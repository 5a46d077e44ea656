/*
 * EFI tables and memory map as IA-64 firmware hands them to the OS
 * (EFI 1.10 / UEFI specification: system table, runtime services,
 * memory descriptors, status codes).
 */
#ifndef ROMS_EFI_H
#define ROMS_EFI_H

#include <stdint.h>

typedef uint64_t efi_status_t;

#define EFI_SUCCESS		0UL
#define EFI_ERROR_BIT		(1UL << 63)
/* Error codes with bits 63 and 61 set are reserved for OEMs. */
#define EFI_OEM_ERROR(n)	(EFI_ERROR_BIT | (1UL << 61) | (uint64_t)(n))

#define EFI_SYSTEM_TABLE_SIGNATURE	0x5453595320494249UL	/* "IBI SYST" */
#define EFI_RUNTIME_SERVICES_SIGNATURE	0x56524553544e5552UL	/* "RUNTSERV" */

struct efi_table_header {
	uint64_t signature;
	uint32_t revision;		/* major << 16 | minor */
	uint32_t header_size;
	uint32_t crc32;
	uint32_t reserved;
};

struct efi_system_table {
	struct efi_table_header hdr;
	uint64_t fw_vendor;
	uint32_t fw_revision;
	uint64_t con_in_handle;
	uint64_t con_in;
	uint64_t con_out_handle;
	uint64_t con_out;
	uint64_t stderr_handle;
	uint64_t std_err;
	uint64_t runtime;		/* struct efi_runtime_services * */
	uint64_t boottime;
	uint64_t nr_tables;
	uint64_t tables;
};

/* Each service is a pointer to an IA-64 function descriptor. */
struct efi_runtime_services {
	struct efi_table_header hdr;
	uint64_t get_time;
	uint64_t set_time;
	uint64_t get_wakeup_time;
	uint64_t set_wakeup_time;
	uint64_t set_virtual_address_map;
	uint64_t convert_pointer;
	uint64_t get_variable;
	uint64_t get_next_variable;
	uint64_t set_variable;
	uint64_t get_next_high_mono_count;
	uint64_t reset_system;
};

/* An IA-64 function pointer points at one of these. */
struct ia64_fdesc {
	uint64_t entry;
	uint64_t gp;
};

enum efi_memory_type {
	EFI_RESERVED_TYPE,
	EFI_LOADER_CODE,
	EFI_LOADER_DATA,
	EFI_BOOT_SERVICES_CODE,
	EFI_BOOT_SERVICES_DATA,
	EFI_RUNTIME_SERVICES_CODE,
	EFI_RUNTIME_SERVICES_DATA,
	EFI_CONVENTIONAL_MEMORY,
	EFI_UNUSABLE_MEMORY,
	EFI_ACPI_RECLAIM_MEMORY,
	EFI_ACPI_MEMORY_NVS,
	EFI_MEMORY_MAPPED_IO,
	EFI_MEMORY_MAPPED_IO_PORT_SPACE,
	EFI_PAL_CODE,
	EFI_PERSISTENT_MEMORY,
	EFI_MAX_MEMORY_TYPE
};

#define EFI_MEMORY_UC		0x1UL
#define EFI_MEMORY_WC		0x2UL
#define EFI_MEMORY_WT		0x4UL
#define EFI_MEMORY_WB		0x8UL
#define EFI_MEMORY_UCE		0x10UL
#define EFI_MEMORY_RUNTIME	(1UL << 63)

#define EFI_MEMORY_DESCRIPTOR_VERSION	1
#define EFI_PAGE_SHIFT		12
#define EFI_PAGE_SIZE		(1UL << EFI_PAGE_SHIFT)

struct efi_memory_desc {
	uint32_t type;
	uint32_t pad;
	uint64_t phys_addr;
	uint64_t virt_addr;
	uint64_t num_pages;
	uint64_t attribute;
};

#define EFI_RESET_SHUTDOWN	2

#endif
