/*
 * Runtime API shared by every test program. The same source builds for
 * ia64 (freestanding, over the assembly and C files of lib/) and natively
 * for the host (over glibc), whose run yields the expected output.
 */
#ifndef RT_H
#define RT_H

#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>
#include <limits.h>
#include <float.h>

#ifndef __ia64__
#include <string.h>
#include <fenv.h>
#endif

#define RT_NORETURN __attribute__((noreturn))
#define RT_NOINLINE __attribute__((noinline))
#define RT_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* System calls: the result, or -errno on failure (Linux kernel style). */
struct rt_timespec { long tv_sec; long tv_nsec; };
struct rt_utsname {
	char sysname[65], nodename[65], release[65];
	char version[65], machine[65], domainname[65];
};

#define RT_PROT_READ 1
#define RT_PROT_WRITE 2
#define RT_MAP_PRIVATE 0x02
#define RT_MAP_ANONYMOUS 0x20
#define RT_CLOCK_REALTIME 0
#define RT_CLOCK_MONOTONIC 1
#define RT_EBADF 9
#define RT_EINVAL 22

long rt_sys_read(int fd, void *buf, size_t len);
long rt_sys_write(int fd, const void *buf, size_t len);
long rt_sys_brk(unsigned long addr);
long rt_sys_mmap(void *addr, size_t len, int prot, int flags, int fd, long off);
long rt_sys_munmap(void *addr, size_t len);
long rt_sys_uname(struct rt_utsname *buf);
long rt_sys_getpid(void);
long rt_sys_clock_gettime(int clock, struct rt_timespec *ts);
RT_NORETURN void rt_sys_exit(int code);
RT_NORETURN void rt_sys_exit_group(int code);

/* A raw result in [-4095, -1] is an error; anything else (an address) is not. */
static inline int rt_is_err(long r) { return r < 0 && r >= -4095; }

/* Line-buffered output on fd 1. rt_printf knows %d %i %u %x %X %c %s %%,
 * the flags '-' and '0', a field width, and the l / ll length modifiers. */
int rt_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int rt_vprintf(const char *fmt, va_list ap);
void rt_putc(int c);
void rt_puts(const char *s);	/* no newline added */
void rt_flush(void);
RT_NORETURN void rt_exit(int code);	/* flushes, then exit_group */

/* Floating point shown as "0x<bits> <decimal>", the decimal being the exact
 * value truncated to a fixed number of significant digits; computed with
 * integer arithmetic only, so both builds print the same text. */
void rt_show_f32(const char *label, float v);
void rt_show_f64(const char *label, double v);
void rt_show_f80(const char *label, long double v);
/* Same, without label or newline. */
void rt_put_f32(float v);
void rt_put_f64(double v);
void rt_put_f80(long double v);

static inline uint32_t rt_f32_bits(float v) { union { float f; uint32_t u; } c = { v }; return c.u; }
static inline uint64_t rt_f64_bits(double v) { union { double f; uint64_t u; } c = { v }; return c.u; }
static inline float rt_f32_from(uint32_t u) { union { uint32_t u; float f; } c = { u }; return c.f; }
static inline double rt_f64_from(uint64_t u) { union { uint64_t u; double f; } c = { u }; return c.f; }
/* x87 / IA-64 double-extended memory layout: 64-bit significand, then sign+exponent. */
union rt_f80 { long double f; struct { uint64_t mant; uint16_t sexp; } p; };
static inline long double rt_f80_from(uint16_t sexp, uint64_t mant)
{
	union rt_f80 c;
	c.f = 0;
	c.p.mant = mant;
	c.p.sexp = sexp;
	return c.f;
}

/* Bump allocator over brk; memory is zeroed and 16-byte aligned. */
void *rt_alloc(size_t len);

/* Deterministic pseudo-random numbers (xorshift64*). */
static inline uint64_t rt_rand(uint64_t *state)
{
	uint64_t x = *state;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*state = x;
	return x * 0x2545F4914F6CDD1DULL;
}

/* Rounding direction of FPSR.sf0 (ia64) / the C environment (host). */
enum { RT_RN = 0, RT_RM = 1, RT_RP = 2, RT_RZ = 3 };

#ifdef __ia64__
/* sf0.rc occupies FPSR bits 10-11, encoded exactly as the enum above. */
static inline void set_rounding_mode(int mode)
{
	unsigned long fpsr;
	__asm__ __volatile__("mov %0 = ar.fpsr" : "=r"(fpsr));
	fpsr = (fpsr & ~(3UL << 10)) | ((unsigned long)(mode & 3) << 10);
	__asm__ __volatile__("mov ar.fpsr = %0" : : "r"(fpsr) : "memory");
}
static inline int get_rounding_mode(void)
{
	unsigned long fpsr;
	__asm__ __volatile__("mov %0 = ar.fpsr" : "=r"(fpsr));
	return (int)((fpsr >> 10) & 3);
}

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strcpy(char *dst, const char *src);
#else
static inline void set_rounding_mode(int mode)
{
	static const int modes[4] = { FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO };
	fesetround(modes[mode & 3]);
}
static inline int get_rounding_mode(void)
{
	switch (fegetround()) {
	case FE_DOWNWARD: return RT_RM;
	case FE_UPWARD: return RT_RP;
	case FE_TOWARDZERO: return RT_RZ;
	default: return RT_RN;
	}
}
#endif

#endif
