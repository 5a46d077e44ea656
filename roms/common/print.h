/*
 * A small printf over console_putc(), which each ROM provides.
 * Conversions: %c %s %d %u %x %p, with '0' flag, width and h/hh/l/ll.
 */
#ifndef ROMS_PRINT_H
#define ROMS_PRINT_H

#include <stdarg.h>

void console_putc(char c);
void printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vprintf(const char *fmt, va_list ap);

#endif
