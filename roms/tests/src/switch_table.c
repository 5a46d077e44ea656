/* switch statements: dense ones become jump tables (an indirect branch
 * through b6 on ia64), sparse ones compare trees; plus a state machine. */
#include "rt.h"

static RT_NOINLINE int dense(int x)
{
	switch (x) {
	case 0: return 11;
	case 1: return 23;
	case 2: return 5;
	case 3: return 77;
	case 4: return -4;
	case 5: return 1000;
	case 6: return 66;
	case 7: return 7 * 7;
	case 8: return 0;
	case 9: return -99;
	case 10: return 12345;
	case 11: return 3;
	case 13: return 13;
	case 14: return 14 << 8;
	case 15: return -15;
	default: return -1;
	}
}

static RT_NOINLINE int sparse(long x)
{
	switch (x) {
	case -1000000: return 1;
	case -5: return 2;
	case 17: return 3;
	case 1024: return 4;
	case 65537: return 5;
	case 1L << 40: return 6;
	case 0x7fffffffffffffffL: return 7;
	default: return 0;
	}
}

/* Cases doing work, with fall-through. */
static RT_NOINLINE unsigned long fallthrough(unsigned x, unsigned long acc)
{
	switch (x & 7) {
	case 0: acc += 1; /* fall through */
	case 1: acc *= 3; /* fall through */
	case 2: acc ^= 0x55; break;
	case 3: acc <<= 2; /* fall through */
	case 4: acc -= 7; break;
	case 5: acc = ~acc; break;
	case 6: acc = acc * acc; /* fall through */
	default: acc >>= 1;
	}
	return acc;
}

/* A tokenizer as a state machine over characters. */
enum state { START, IDENT, NUMBER, SPACE, PUNCT };

static void tokenize(const char *s)
{
	enum state st = START;
	int counts[5] = { 0 }, len = 0;

	for (;; s++) {
		char c = *s;
		enum state next;
		switch (c) {
		case 'a' ... 'z': case 'A' ... 'Z': case '_':
			next = st == NUMBER ? NUMBER : IDENT;
			break;
		case '0' ... '9':
			next = st == IDENT ? IDENT : NUMBER;
			break;
		case ' ': case '\t': case '\n':
			next = SPACE;
			break;
		case '\0':
			next = START;
			break;
		default:
			next = PUNCT;
		}
		if (next != st || next == PUNCT) {
			if (st != START)
				counts[st]++;
			if (st == IDENT || st == NUMBER)
				rt_printf("%s(%d) ", st == IDENT ? "id" : "num", len);
			len = 0;
		}
		len++;
		st = next;
		if (!c)
			break;
	}
	rt_printf("\nidents %d numbers %d spaces %d puncts %d\n", counts[IDENT], counts[NUMBER],
		  counts[SPACE], counts[PUNCT]);
}

int main(int argc, char **argv, char **envp)
{
	static const long sparse_in[] = { -1000000, -5, 17, 1024, 65537, 1L << 40,
		0x7fffffffffffffffL, 0, 3, -6, 1L << 41 };
	unsigned long acc = 1;
	int i, sum = 0;

	for (i = -3; i < 20; i++)
		rt_printf("%d ", dense(i));
	rt_printf("\n");
	for (i = 0; i < (int)RT_ARRAY_LEN(sparse_in); i++)
		rt_printf("%d ", sparse(sparse_in[i]));
	rt_printf("\n");
	for (i = 0; i < 1000; i++) {
		acc = fallthrough((unsigned)(i * 2654435761u >> 7), acc) + (unsigned)i;
		sum += dense(i % 17) + sparse(i * 17);
	}
	rt_printf("acc %016lx sum %d\n", acc, sum);
	tokenize("int main(void) { return x1 + 42*y_2; }\n\tfoo 9lives 0x1f;");
	return 0;
}
