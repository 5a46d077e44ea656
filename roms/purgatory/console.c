/* Text output on the VGA frame buffer at physical 0xb8000 (80x25 cells). */
#include "io.h"
#include "../common/print.h"

#define VGA_TEXT	0xb8000UL
#define COLS		80
#define ROWS		25
#define BLANK		0x0720	/* space, light grey on black */

static unsigned row = 0, col = 0;

static uint64_t cell(unsigned r, unsigned c)
{
	return VGA_TEXT + 2 * (r * COLS + c);
}

static void scroll(void)
{
	for (unsigned r = 1; r < ROWS; r++)
		for (unsigned c = 0; c < COLS; c++)
			mmio_write16(cell(r - 1, c), mmio_read16(cell(r, c)));
	for (unsigned c = 0; c < COLS; c++)
		mmio_write16(cell(ROWS - 1, c), BLANK);
	row = ROWS - 1;
}

void console_putc(char ch)
{
	if (ch == '\n') {
		col = 0;
		row++;
		return;
	}
	if (ch == '\r')
		return;
	if (row >= ROWS)
		scroll();
	mmio_write16(cell(row, col), (uint16_t)(0x0700 | (uint8_t)ch));
	if (++col == COLS) {
		col = 0;
		row++;
	}
}
