/*
 * Number formatting avoids division: IA-64 has no integer divide, and the
 * compiler's inline sequences would drag floating point into code that runs
 * before anything is set up for it.
 */
#include <stdint.h>
#include "print.h"

static void pad(int count, char c)
{
	while (count-- > 0)
		console_putc(c);
}

static void put_hex(uint64_t v, int width, char fill)
{
	char digits[16];
	int n = 0;

	do {
		digits[n++] = "0123456789abcdef"[v & 0xf];
		v >>= 4;
	} while (v);
	pad(width - n, fill);
	while (n)
		console_putc(digits[--n]);
}

static void put_dec(uint64_t v, int negative, int width, char fill)
{
	static const uint64_t powers[] = {
		10000000000000000000UL, 1000000000000000000UL, 100000000000000000UL,
		10000000000000000UL, 1000000000000000UL, 100000000000000UL,
		10000000000000UL, 1000000000000UL, 100000000000UL, 10000000000UL,
		1000000000UL, 100000000UL, 10000000UL, 1000000UL, 100000UL,
		10000UL, 1000UL, 100UL, 10UL, 1UL,
	};
	char digits[20];
	int n = 0;

	for (unsigned i = 0; i < sizeof(powers) / sizeof(powers[0]); i++) {
		char d = '0';

		while (v >= powers[i]) {
			v -= powers[i];
			d++;
		}
		if (n || d != '0' || powers[i] == 1)
			digits[n++] = d;
	}
	if (negative)
		width--;
	if (fill == ' ')
		pad(width - n, ' ');
	if (negative)
		console_putc('-');
	if (fill == '0')
		pad(width - n, '0');
	for (int i = 0; i < n; i++)
		console_putc(digits[i]);
}

static void put_str(const char *s, int width)
{
	int n = 0;

	if (!s)
		s = "(null)";
	while (s[n])
		n++;
	pad(width - n, ' ');
	while (*s)
		console_putc(*s++);
}

/* Truncate or sign-extend a fetched argument to the size its modifier names. */
static uint64_t sized(uint64_t v, int size, int is_signed)
{
	int shift = 64 - size * 8;

	if (size == 8)
		return v;
	v <<= shift;
	return is_signed ? (uint64_t)((int64_t)v >> shift) : v >> shift;
}

void vprintf(const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		char fill = ' ';
		int width = 0, size = 4;
		uint64_t v;

		if (*fmt != '%') {
			console_putc(*fmt);
			continue;
		}
		if (*++fmt == '0') {
			fill = '0';
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		for (; *fmt == 'h'; fmt++)
			size = size == 4 ? 2 : 1;
		for (; *fmt == 'l'; fmt++)
			size = 8;

		switch (*fmt) {
		case 'c':
			pad(width - 1, ' ');
			console_putc((char)va_arg(ap, int));
			break;
		case 's':
			put_str(va_arg(ap, const char *), width);
			break;
		case 'd':
			v = sized(size == 8 ? va_arg(ap, uint64_t) : (uint64_t)va_arg(ap, int), size, 1);
			if ((int64_t)v < 0)
				put_dec(-v, 1, width, fill);
			else
				put_dec(v, 0, width, fill);
			break;
		case 'u':
			v = size == 8 ? va_arg(ap, uint64_t) : va_arg(ap, unsigned int);
			put_dec(sized(v, size, 0), 0, width, fill);
			break;
		case 'x':
			v = size == 8 ? va_arg(ap, uint64_t) : va_arg(ap, unsigned int);
			put_hex(sized(v, size, 0), width, fill);
			break;
		case 'p':
			console_putc('0');
			console_putc('x');
			put_hex((uint64_t)va_arg(ap, void *), 16, '0');
			break;
		case '%':
			console_putc('%');
			break;
		default:
			console_putc('%');
			if (!*fmt)
				return;
			console_putc(*fmt);
			break;
		}
	}
}

void printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
}
