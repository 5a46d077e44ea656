/* Report an unexpected interruption; runs in physical mode (see ivt.S). */
#include "kernel.h"
#include "../common/print.h"

/* Names from the SDM vol. 2 interruption vector table; no pointers, as this runs untranslated. */
static const char names[68][32] = {
	"VHPT Translation", "Instruction TLB", "Data TLB", "Alternate Instruction TLB",
	"Alternate Data TLB", "Data Nested TLB", "Instruction Key Miss", "Data Key Miss",
	"Dirty-Bit", "Instruction Access-Bit", "Data Access-Bit", "Break Instruction",
	"External Interrupt", [20] = "Page Not Present", "Key Permission",
	"Instruction Access Rights", "Data Access Rights", "General Exception",
	"Disabled FP-Register", "NaT Consumption", "Speculation", [29] = "Debug",
	"Unaligned Reference", "Unsupported Data Reference", "Floating-point Fault",
	"Floating-point Trap", "Lower-Privilege Transfer Trap", "Taken Branch Trap",
	"Single Step Trap", [45] = "IA-32 Exception", "IA-32 Intercept", "IA-32 Interrupt",
};

static unsigned reports = 0;

uint64_t fault_report(uint64_t vector, uint64_t iip, uint64_t ifa, uint64_t isr)
{
	console_use_physical();
	printf("kernel: unexpected interruption: vector %lu (%s)\n", vector,
	       vector < 68 && names[vector][0] ? names[vector] : "reserved");
	printf("kernel:   IIP 0x%016lx  IFA 0x%016lx  ISR 0x%016lx\n", iip, ifa, isr);
	/* The first report shuts down; one raised while doing so cannot. */
	if (reports++)
		halt();
	return KERNEL_FAULT_STATUS(vector);
}
