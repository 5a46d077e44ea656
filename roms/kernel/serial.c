/*
 * The console: a 16550 UART at legacy port 0x3f8, reached through the I/O
 * port space with uncached accesses. The same code runs in both modes; only
 * the uncached form of the port-space address changes (bit 63 in physical
 * mode, region 6 in virtual mode).
 */
#include "kernel.h"
#include "../common/ia64.h"
#include "../common/print.h"

#define UART		0x3f8
#define UART_THR	0	/* transmit holding register */
#define UART_DLL	0	/* divisor latch, low byte (with LCR.DLAB) */
#define UART_IER	1
#define UART_DLM	1
#define UART_FCR	2
#define UART_LCR	3
#define UART_MCR	4
#define UART_LSR	5
#define LCR_DLAB	0x80
#define LCR_8N1		0x03
#define LSR_THRE	0x20
#define THRE_POLLS	100000	/* a missing UART must not hang the boot */

static uint64_t io_port_base = 0;	/* physical; 0 until the map named one */
static uint64_t uncached = PHYS_UNCACHED;

static volatile uint8_t *reg(unsigned r)
{
	return (volatile uint8_t *)(uncached | io_port_base | io_port_offset(UART + r));
}

/* Like Linux's inb/outb: mf.a orders each access at the platform. */
static uint8_t uart_in(unsigned r)
{
	uint8_t v = *reg(r);

	asm volatile ("mf.a" ::: "memory");
	return v;
}

static void uart_out(unsigned r, uint8_t v)
{
	*reg(r) = v;
	asm volatile ("mf.a" ::: "memory");
}

/* Linux keeps the port space's physical base in ar.k0 (IA64_KR_IO_BASE). */
void console_init(uint64_t base)
{
	io_port_base = base;
	asm volatile ("mov ar.k0 = %0" :: "r"(base));
	uart_out(UART_IER, 0);
	uart_out(UART_LCR, LCR_DLAB);
	uart_out(UART_DLL, 1);		/* 115200 baud */
	uart_out(UART_DLM, 0);
	uart_out(UART_LCR, LCR_8N1);
	uart_out(UART_FCR, 0x07);	/* enable and clear the FIFOs */
	uart_out(UART_MCR, 0x03);	/* DTR, RTS */
}

void console_use_physical(void)
{
	uncached = PHYS_UNCACHED;
}

void console_use_virtual(void)
{
	uncached = UNCACHED_OFFSET;
}

void console_putc(char c)
{
	if (!io_port_base)
		return;
	if (c == '\n')
		console_putc('\r');
	for (unsigned i = 0; i < THRE_POLLS && !(uart_in(UART_LSR) & LSR_THRE); i++)
		;
	uart_out(UART_THR, (uint8_t)c);
}
