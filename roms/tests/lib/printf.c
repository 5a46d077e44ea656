/* Formatted, line-buffered output over rt_sys_write, and process exit. */
#include "rt.h"

static char outbuf[1024];
static size_t outlen;

void rt_flush(void)
{
	size_t off = 0;

	while (off < outlen) {
		long r = rt_sys_write(1, outbuf + off, outlen - off);
		if (r <= 0)
			break;
		off += (size_t)r;
	}
	outlen = 0;
}

void rt_putc(int c)
{
	outbuf[outlen++] = (char)c;
	if (c == '\n' || outlen == sizeof(outbuf))
		rt_flush();
}

void rt_puts(const char *s)
{
	while (*s)
		rt_putc(*s++);
}

void rt_exit(int code)
{
	rt_flush();
	rt_sys_exit_group(code);
}

/* Pads and prints digits[0..n) (most significant first) with an optional sign. */
static int emit(const char *digits, int n, char sign, int width, int left, int zero)
{
	int len = n + (sign != 0), pad = width > len ? width - len : 0, i;

	if (!left && !zero)
		for (i = 0; i < pad; i++)
			rt_putc(' ');
	if (sign)
		rt_putc(sign);
	if (!left && zero)
		for (i = 0; i < pad; i++)
			rt_putc('0');
	for (i = 0; i < n; i++)
		rt_putc(digits[i]);
	if (left)
		for (i = 0; i < pad; i++)
			rt_putc(' ');
	return len + pad;
}

static int emit_number(unsigned long long v, unsigned base, int upper, char sign,
		       int width, int left, int zero)
{
	const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0, i;

	do {
		tmp[n++] = set[v % base];
		v /= base;
	} while (v);
	for (i = 0; i < n / 2; i++) {
		char t = tmp[i];
		tmp[i] = tmp[n - 1 - i];
		tmp[n - 1 - i] = t;
	}
	return emit(tmp, n, sign, width, left, zero);
}

int rt_vprintf(const char *fmt, va_list ap)
{
	int total = 0;

	for (; *fmt; fmt++) {
		int left = 0, zero = 0, width = 0, lng = 0;

		if (*fmt != '%') {
			rt_putc(*fmt);
			total++;
			continue;
		}
		for (fmt++; *fmt == '-' || *fmt == '0'; fmt++) {
			if (*fmt == '-')
				left = 1;
			else
				zero = 1;
		}
		for (; *fmt >= '0' && *fmt <= '9'; fmt++)
			width = width * 10 + (*fmt - '0');
		for (; *fmt == 'l'; fmt++)
			lng++;
		switch (*fmt) {
		case 'd':
		case 'i': {
			long long v = lng ? (lng > 1 ? va_arg(ap, long long) : va_arg(ap, long))
					  : va_arg(ap, int);
			unsigned long long mag = v < 0 ? 0ULL - (unsigned long long)v
						       : (unsigned long long)v;
			total += emit_number(mag, 10, 0, v < 0 ? '-' : 0, width, left, zero);
			break;
		}
		case 'u':
		case 'x':
		case 'X': {
			unsigned long long v = lng ? (lng > 1 ? va_arg(ap, unsigned long long)
							      : va_arg(ap, unsigned long))
						   : va_arg(ap, unsigned int);
			total += emit_number(v, *fmt == 'u' ? 10 : 16, *fmt == 'X', 0,
					     width, left, zero);
			break;
		}
		case 'c': {
			char c = (char)va_arg(ap, int);
			total += emit(&c, 1, 0, width, left, 0);
			break;
		}
		case 's': {
			const char *s = va_arg(ap, const char *);
			total += emit(s, (int)strlen(s), 0, width, left, 0);
			break;
		}
		case '%':
			rt_putc('%');
			total++;
			break;
		default:	/* unknown conversion: show it verbatim */
			rt_putc('%');
			if (!*fmt)
				return total + 1;
			rt_putc(*fmt);
			total += 2;
		}
	}
	return total;
}

int rt_printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = rt_vprintf(fmt, ap);
	va_end(ap);
	return n;
}
