/*
 * Explicit initialisers plus -fno-zero-initialized-in-bss keep every one of
 * these in a section with contents, where the loader can write it.
 */
#include "params.h"

uint64_t __kernel_entry = 0;
uint64_t __gp_value = 0;
uint64_t __boot_param_base = 0;
uint64_t __command_line = 0;
uint64_t __command_line_len = 0;
uint64_t __efi_memmap_base = 0;
uint64_t __efi_memmap_size = 0;
uint64_t __ramdisk_base = 0;
uint64_t __ramdisk_size = 0;
uint64_t __vmcode_base = 0;
uint64_t __vmcode_size = 0;
uint64_t __loaded_segments = 0;
uint64_t __loaded_segments_num = 0;
uint64_t __noio = 0;

struct sha256_region sha256_regions[SHA256_REGIONS] = { { 0, 0 } };
uint8_t sha256_digest[32] = { 0 };
int skip_checks = 0;
