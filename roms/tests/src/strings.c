/* String handling: the runtime's str* functions, number formatting and
 * parsing, reversal, case folding, substring search (KMP) and splitting. */
#include "rt.h"

static long parse_long(const char *s, const char **end)
{
	unsigned long v = 0;
	int neg = 0;

	while (*s == ' ')
		s++;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	while (*s >= '0' && *s <= '9')
		v = v * 10 + (unsigned long)(*s++ - '0');
	*end = s;
	return neg ? (long)(0 - v) : (long)v;
}

static char *to_base(unsigned long v, unsigned base, char *buf)
{
	char tmp[72];
	int n = 0, i = 0;

	do {
		tmp[n++] = "0123456789abcdefghijklmnopqrstuvwxyz"[v % base];
		v /= base;
	} while (v);
	while (n)
		buf[i++] = tmp[--n];
	buf[i] = 0;
	return buf;
}

static void reverse(char *s)
{
	size_t i, n = strlen(s);

	for (i = 0; i < n / 2; i++) {
		char t = s[i];
		s[i] = s[n - 1 - i];
		s[n - 1 - i] = t;
	}
}

static int kmp_count(const char *text, const char *pat)
{
	int fail[64], m = (int)strlen(pat), k = 0, i, count = 0;

	fail[0] = 0;
	for (i = 1; i < m; i++) {
		while (k && pat[i] != pat[k])
			k = fail[k - 1];
		if (pat[i] == pat[k])
			k++;
		fail[i] = k;
	}
	for (k = 0; *text; text++) {
		while (k && *text != pat[k])
			k = fail[k - 1];
		if (*text == pat[k])
			k++;
		if (k == m) {
			count++;
			k = fail[k - 1];
		}
	}
	return count;
}

static int is_palindrome(const char *s)
{
	const char *e = s + strlen(s);

	while (s < e) {
		char a = *s, b = *(e - 1);
		if (a == ' ') { s++; continue; }
		if (b == ' ') { e--; continue; }
		if ((a | 0x20) != (b | 0x20))
			return 0;
		s++, e--;
	}
	return 1;
}

int main(int argc, char **argv, char **envp)
{
	static const char *const words[] = { "", "a", "hello", "Hello", "hello world", "hellp",
		"zebra", "A man a plan a canal Panama" };
	char buf[128], *p;
	const char *end;
	unsigned i, j;
	long total = 0;

	for (i = 0; i < RT_ARRAY_LEN(words); i++) {
		rt_printf("\"%s\": len %lu palindrome %d cmp", words[i], strlen(words[i]),
			  is_palindrome(words[i]));
		for (j = 0; j < RT_ARRAY_LEN(words); j++) {
			int c = strcmp(words[i], words[j]);
			rt_printf(" %c", c < 0 ? '<' : c > 0 ? '>' : '=');
		}
		rt_printf(" ncmp3 %d\n", strncmp(words[i], "hel", 3) == 0);
	}
	strcpy(buf, "The quick brown fox jumps over the lazy dog");
	reverse(buf);
	rt_printf("reversed: %s\n", buf);
	for (p = buf; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	rt_printf("upper: %s\n", buf);
	p = strchr(buf, 'Q');
	rt_printf("strchr Q at %ld, z: %s, nul at %ld\n", p ? (long)(p - buf) : -1L,
		  strchr(buf, 'z') ? "found" : "none", (long)(strchr(buf, 0) - buf));
	for (i = 2; i <= 36; i += 7)
		rt_printf("base %u: %s\n", i, to_base(0xfedcba9876543210UL, i, buf));
	end = "  -12345 678 +9 -9223372036854775808 x";
	while (*end && *end != 'x') {
		long v = parse_long(end, &end);
		rt_printf("parsed %ld\n", v);
		total += v / 1000;
	}
	rt_printf("total/1000 %ld\n", total);
	rt_printf("kmp: %d %d %d\n", kmp_count("abababababa", "aba"),
		  kmp_count("the theatre then thee", "the"), kmp_count("aaaaaaaa", "aaa"));
	return 0;
}
