/* A bump allocator over the program break; nothing is ever freed. */
#include "rt.h"

static unsigned long cur, end;

void *rt_alloc(size_t len)
{
	unsigned long p;

	if (!end) {
		cur = end = (unsigned long)rt_sys_brk(0);
		cur = (cur + 15) & ~15UL;
	}
	len = (len + 15) & ~(size_t)15;
	if (cur + len > end) {
		/* Grow in 64 KiB steps; brk returns the old break on failure. */
		unsigned long want = (cur + len + 0xffff) & ~0xffffUL;
		if ((unsigned long)rt_sys_brk(want) != want)
			return NULL;
		end = want;
	}
	p = cur;
	cur += len;
	memset((void *)p, 0, len);
	return (void *)p;
}
