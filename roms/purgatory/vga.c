/*
 * Put the VGA back into 80x25 colour text mode (BIOS mode 3) so that the
 * console is readable whatever the old kernel left behind. The register
 * values are the standard mode 3 set from the IBM VGA technical reference.
 */
#include "io.h"
#include "purgatory.h"

#define VGA_ATTR_INDEX	0x3c0
#define VGA_MISC_WRITE	0x3c2
#define VGA_SEQ_INDEX	0x3c4
#define VGA_GC_INDEX	0x3ce
#define VGA_CRTC_INDEX	0x3d4
#define VGA_STATUS_1	0x3da	/* reading it resets the attribute flip-flop */

static const uint8_t seq_regs[] = { 0x03, 0x00, 0x03, 0x00, 0x02 };

static const uint8_t crtc_regs[] = {
	0x5f, 0x4f, 0x50, 0x82, 0x55, 0x81, 0xbf, 0x1f,
	0x00, 0x4f, 0x0d, 0x0e, 0x00, 0x00, 0x00, 0x00,
	0x9c, 0x8e, 0x8f, 0x28, 0x1f, 0x96, 0xb9, 0xa3, 0xff,
};

static const uint8_t gc_regs[] = { 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x0e, 0x00, 0xff };

static const uint8_t attr_regs[] = {
	0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x14, 0x07,
	0x38, 0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f,
	0x0c, 0x00, 0x0f, 0x08, 0x00,
};

static void write_indexed(unsigned long port, const uint8_t *vals, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		outw((uint16_t)(vals[i] << 8 | i), port);
}

void vga_reset(void)
{
	/* Blank the screen while the attribute controller is reprogrammed. */
	inb(VGA_STATUS_1);
	outb(0x00, VGA_ATTR_INDEX);

	outb(0x67, VGA_MISC_WRITE);
	write_indexed(VGA_SEQ_INDEX, seq_regs, sizeof(seq_regs));
	/* CRTC registers 0-7 stay write-protected while bit 7 of register 0x11 is set. */
	outw(0x0e11, VGA_CRTC_INDEX);
	write_indexed(VGA_CRTC_INDEX, crtc_regs, sizeof(crtc_regs));
	write_indexed(VGA_GC_INDEX, gc_regs, sizeof(gc_regs));

	for (unsigned i = 0; i < sizeof(attr_regs); i++) {
		inb(VGA_STATUS_1);
		outb((uint8_t)i, VGA_ATTR_INDEX);
		outb(attr_regs[i], VGA_ATTR_INDEX);
	}

	/* Hand the palette back to the display (PAS bit), which unblanks it. */
	inb(VGA_STATUS_1);
	outb(0x20, VGA_ATTR_INDEX);
}
