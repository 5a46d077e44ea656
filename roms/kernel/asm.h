/*
 * Constants for the kernel's assembly (values from the Itanium SDM vol. 2:
 * PSR 3.3.2, region registers 4.1.2, the TLB insertion format 4.1.1.5;
 * Linux's asm/kregs.h and asm/pgtable.h name the same bits).
 */
#ifndef KERNEL_ASM_H
#define KERNEL_ASM_H

#define KERNEL_VADDR	0xe000000004000000	/* link address: region 7 identity */
#define KERNEL_PADDR	0x0000000004000000	/* where the kernel expects to be loaded */
#define KERNEL_TR_SHIFT	26	/* one pinned 64 MiB translation covers the image */
#define GRANULE_SHIFT	24	/* size of the region 6/7 translations inserted on a miss */
#define PAGE_SHIFT	14	/* preferred page size of regions 0-5 (nothing maps there) */

#define KERNEL_STACK_SIZE	(32 * 1024)
#define FAULT_STACK_SIZE	(8 * 1024)

#define PSR_AC		(1 << 3)
#define PSR_IC		(1 << 13)
#define PSR_I		(1 << 14)
#define PSR_DT		(1 << 17)
#define PSR_DFL		(1 << 18)
#define PSR_DFH		(1 << 19)
#define PSR_DI		(1 << 22)
#define PSR_RT		(1 << 27)
#define PSR_IT		(1 << 36)
#define PSR_DD		(1 << 39)
#define PSR_SS		(1 << 40)
#define PSR_RI		(3 << 41)
#define PSR_ED		(1 << 43)
#define PSR_BN		(1 << 44)

/* Virtual mode as Linux's head.S enters it. */
#define PSR_KERNEL	(PSR_IT | PSR_IC | PSR_DT | PSR_RT | PSR_DFH | PSR_BN | PSR_DI)
/* Cleared for a physical-mode firmware call, as Linux's efi_call_phys does. */
#define PSR_PHYS_CLEAR	(PSR_I | PSR_IT | PSR_DT | PSR_RT | PSR_DD | PSR_SS | PSR_RI | \
			 PSR_ED | PSR_DFL | PSR_DFH)

/* Translation entries: present, accessed, dirty, privilege 0, read/write/execute. */
#define PTE_P		(1 << 0)
#define PTE_MA_WB	(0 << 2)
#define PTE_MA_UC	(4 << 2)
#define PTE_A		(1 << 5)
#define PTE_D		(1 << 6)
#define PTE_AR_RWX	(3 << 9)
#define PTE_ED		(1 << 52)
#define PTE_KERNEL	(PTE_P | PTE_A | PTE_D | PTE_AR_RWX | PTE_ED)
#define PTE_KERNEL_WB	(PTE_KERNEL | PTE_MA_WB)
#define PTE_KERNEL_UC	(PTE_KERNEL | PTE_MA_UC)
/* Physical page number bits of an inserted granule (50 implemented address bits, as Linux assumes). */
#define PPN_MASK	(((1 << 50) - 1) & ~((1 << GRANULE_SHIFT) - 1))

/* Region register: region id = region number, preferred page size, VHPT walker off. */
#define RR_VALUE(region, shift)	(((region) << 8) | ((shift) << 2))

#endif
